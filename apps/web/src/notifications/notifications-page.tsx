import { useCallback, useRef, useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { useClient, useMutation, useQuery } from 'urql';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { UnreadNotificationCountQuery } from '../shell/session.operations';
import { Button } from '../ui/button';
import { frenchDateTime } from '../ui/written-dates';
import { Notice } from '../ui/notice';
import { usePagedList } from '../ui/use-paged-list';
import { usePageTitle } from '../ui/use-page-title';
import { emailModeLabel } from './email-modes';
import { EMAIL_PREFERENCES_PATH, notificationPath } from './notification-destination';
import './notifications.css';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  MyNotificationPreferencesQuery,
  NotificationsQuery,
} from './notifications.operations';
import type { NotificationItem } from './notifications.operations';
import { useRefreshUnreadCount } from './unread-count';
import '../ui/page-parts.css';

/** A screenful; « Afficher plus » reads older ones. */
const PAGE_SIZE = 50;

function notificationsAdded(added: number): string {
  if (added === 0) return 'Aucune notification de plus.';
  return added > 1
    ? `${added} notifications plus anciennes sont affichées.`
    : '1 notification plus ancienne est affichée.';
}

/** The notification centre: what Relais told me, newest first, and what remains to read. */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(NotificationsQuery, { first: PAGE_SIZE, after, unreadOnly }, { requestPolicy: 'network-only' })
        .toPromise();
      return { page: result.data?.notifications, error: result.error };
    },
    [client, unreadOnly],
  );
  // The pages shown are read again after marking: a read one changes, or leaves « non lues ».
  const list = usePagedList(unreadOnly ? 'non-lues' : 'toutes', fetchPage, (item) => item.id);
  const [unread] = useQuery({ query: UnreadNotificationCountQuery });
  const [preferences] = useQuery({ query: MyNotificationPreferencesQuery });
  const [markOneState, markOne] = useMutation(MarkNotificationReadMutation);
  const [markAllState, markAll] = useMutation(MarkAllNotificationsReadMutation);
  const refreshUnreadCount = useRefreshUnreadCount();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const items = list.items ?? [];
  const unreadCount = unread.data?.unreadNotificationCount;

  // Its button goes once it is read: its title takes the focus, or the page's heading when « non lues
  // seulement » takes it out of the list.
  const heading = useRef<HTMLHeadingElement>(null);
  function moveFocusAfterRead(id: string) {
    const title = unreadOnly ? null : document.getElementById(`notification-${id}`);
    if (title) title.focus();
    else heading.current?.focus();
  }

  async function markRead(item: NotificationItem) {
    setError(undefined);
    setDone(undefined);
    const result = await markOne({ notificationId: item.id });
    if (result.error) return setError(readError(result.error).message);
    setDone(`« ${item.title} » est marquée comme lue.`);
    moveFocusAfterRead(item.id);
    void list.refresh();
    await refreshUnreadCount();
  }

  async function markEverythingRead() {
    setError(undefined);
    setDone(undefined);
    const result = await markAll({});
    if (result.error) return setError(readError(result.error).message);
    const count = result.data?.markAllNotificationsRead ?? 0;
    setDone(
      count === 0
        ? 'Toutes vos notifications étaient déjà lues.'
        : `${count} notification${count > 1 ? 's marquées comme lues' : ' marquée comme lue'}.`,
    );
    // The button pressed is gone: the reading position goes back to the top of the page.
    heading.current?.focus();
    void list.refresh();
    await refreshUnreadCount();
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Notifications
      </h1>
      <p>
        Relais vous prévient ici de ce qui vous concerne : une action à faire, un ordre du jour ou un compte
        rendu publié, une situation qui demande votre attention. Ouvrez une notification pour voir ce dont
        elle parle.
      </p>
      <p className="notifications-email">
        Par e-mail :{' '}
        {preferences.data ? (
          <strong>
            {emailModeLabel(preferences.data.myNotificationPreferences.emailMode).toLowerCase()}
          </strong>
        ) : (
          '…'
        )}
        . <Link to={EMAIL_PREFERENCES_PATH}>Choisir comment recevoir les e-mails</Link>
      </p>

      <div className="notifications-toolbar">
        <p className="notifications-count" role="status">
          {unreadCount === undefined
            ? null
            : unreadCount === 0
              ? 'Aucune notification non lue.'
              : `${unreadCount} notification${unreadCount > 1 ? 's' : ''} non lue${unreadCount > 1 ? 's' : ''}.`}
        </p>
        <Checkbox className="choice" isSelected={unreadOnly} onChange={setUnreadOnly}>
          <span className="choice-box" aria-hidden="true" />
          <span>Non lues seulement</span>
        </Checkbox>
        {unreadCount ? (
          <Button variant="quiet" onPress={() => void markEverythingRead()} isPending={markAllState.fetching}>
            Tout marquer comme lu
          </Button>
        ) : null}
      </div>

      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      {!list.items && !list.error ? <p role="status">Chargement des notifications…</p> : null}

      {list.items && items.length === 0 ? (
        unreadOnly ? (
          <p>Aucune notification non lue : vous êtes à jour.</p>
        ) : (
          <p>
            Aucune notification pour l’instant. Relais vous préviendra ici, par exemple quand une action qui
            vous est confiée arrive à échéance ou quand l’ordre du jour d’une séance est publié.
          </p>
        )
      ) : null}

      {items.length > 0 ? (
        <ul
          className="notification-list"
          aria-label={unreadOnly ? 'Notifications non lues' : 'Notifications'}
        >
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
              <p className="notification-meta">
                {item.readAt ? (
                  <span className="notification-state">Lue</span>
                ) : (
                  <span className="notification-state notification-state-unread">Non lue</span>
                )}
                <span aria-hidden="true"> · </span>
                <span className="visually-hidden">, reçue le </span>
                <time dateTime={item.createdAt}>{frenchDateTime(item.createdAt)}</time>
              </p>
              <h2 className="notification-title">
                <Link to={notificationPath(item.id)} id={`notification-${item.id}`}>
                  {item.title}
                </Link>
              </h2>
              <p className="notification-body">{item.body}</p>
              {item.readAt ? null : (
                <Button
                  variant="quiet"
                  onPress={() => void markRead(item)}
                  isDisabled={markOneState.fetching || markAllState.fetching}
                >
                  Marquer comme lue<span className="visually-hidden"> : {item.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {items.length > 0 ? (
        <ShowMore
          key={String(unreadOnly)}
          list={list}
          label="Afficher des notifications plus anciennes"
          addedText={notificationsAdded}
        />
      ) : null}
    </>
  );
}
