import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { navigate } from '../routing/router';
import { MeQuery } from '../shell/session.operations';
import { frenchCalendarDate, frenchDateTime } from '../ui/written-dates';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { notificationDestination } from './notification-destination';
import './notifications.css';
import { MarkNotificationReadMutation } from './notifications.operations';
import type { NotificationItem } from './notifications.operations';
import { useRefreshUnreadCount } from './unread-count';
import '../ui/page-parts.css';

type Shown =
  | { kind: 'opening' }
  | { kind: 'notification'; notification: NotificationItem }
  | { kind: 'refused'; message: string };

/**
 * One notification's own address, the one its e-mail links to: opening it marks it read, then
 * leads to the page of what it is about when the client has one, or shows the notice in full.
 */
export function NotificationPage({ id }: { id: string }) {
  const [me] = useQuery({ query: MeQuery });
  const roles = me.data?.me.memberships
    .filter((membership) => membership.status === 'ACTIVE')
    .flatMap((membership) => membership.roles);
  const [, markRead] = useMutation(MarkNotificationReadMutation);
  const refreshUnreadCount = useRefreshUnreadCount();
  const [shown, setShown] = useState<Shown>({ kind: 'opening' });
  usePageTitle(
    shown.kind === 'notification'
      ? shown.notification.title
      : shown.kind === 'refused'
        ? 'Notification introuvable'
        : 'Ouverture de la notification',
  );

  // Once per address, however often React runs the effect.
  const opened = useRef<string | undefined>(undefined);
  const rolesKnown = roles !== undefined;
  useEffect(() => {
    if (!roles || opened.current === id) return;
    opened.current = id;
    void markRead({ notificationId: id }).then(async (result) => {
      if (!result.data) {
        setShown({ kind: 'refused', message: result.error ? readError(result.error).message : '' });
        return;
      }
      const notification = result.data.markNotificationRead;
      await refreshUnreadCount();
      const destination = notificationDestination(notification.kind, roles);
      if (destination) navigate(destination, { replace: true });
      else setShown({ kind: 'notification', notification });
    });
    // The roles are read once known; a later re-read of them does not open the notice again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, rolesKnown, markRead, refreshUnreadCount]);

  const back = (
    <p>
      <Link to="/notifications">Revenir à toutes les notifications</Link>
    </p>
  );

  if (shown.kind === 'opening') {
    return (
      <>
        <h1>Notification</h1>
        <p role="status">Ouverture de la notification…</p>
      </>
    );
  }

  if (shown.kind === 'refused') {
    return (
      <>
        <h1>Notification introuvable</h1>
        {shown.message ? <Notice tone="error">{shown.message}</Notice> : null}
        <p>
          Cette notification n’existe pas, ou elle ne vous est pas adressée. Si vous l’avez ouverte depuis un
          e-mail, vérifiez que vous êtes connecté avec le compte auquel l’e-mail a été envoyé.
        </p>
        {back}
      </>
    );
  }

  const { notification } = shown;
  return (
    <>
      <h1>{notification.title}</h1>
      <p className="notification-meta">
        Reçue le <time dateTime={notification.createdAt}>{frenchDateTime(notification.createdAt)}</time>
      </p>
      <p className="notification-body">{notification.body}</p>
      {notification.caseCode || notification.aboutOn ? (
        <dl className="notification-facts">
          {notification.caseCode ? (
            <>
              <dt>Situation</dt>
              <dd className="mono">{notification.caseCode}</dd>
            </>
          ) : null}
          {notification.aboutOn ? (
            <>
              <dt>Date concernée</dt>
              <dd>{frenchCalendarDate(notification.aboutOn)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {back}
    </>
  );
}
