import { useCallback, useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { accountRoutes } from '../account/account-routes';
import { actionRoutes } from '../actions/action-routes';
import { administrationRoutes } from '../administration/administration-routes';
import { auditRoutes } from '../audit/audit-routes';
import { followUpRoutes } from '../followups/follow-up-routes';
import { CHARTER_REQUIRED_EVENT } from '../graphql/client';
import { handoffRoutes } from '../handoffs/handoff-routes';
import { readError } from '../graphql/errors';
import { notificationRoutes } from '../notifications/notification-routes';
import { inboxRoutes } from '../inbox/inbox-routes';
import { meetingModeRoutes } from '../meetings/meeting-mode/meeting-mode-routes';
import { minutesRoutes } from '../meetings/minutes/minutes-routes';
import { preparationRoutes } from '../meetings/preparation/preparation-routes';
import { HomePage } from '../pages/home-page';
import { NotFoundPage } from '../pages/not-found-page';
import { newReferralRoutes } from '../referrals/new-referral/new-referral-routes';
import { referralRoutes } from '../referrals/referral-routes';
import { reportRoutes } from '../reports/report-routes';
import { situationRoutes } from '../situations/situation-routes';
import { subjectRightsRoutes } from '../subject-rights/subject-rights-routes';
import { Link } from '../routing/link';
import { matchRoute } from '../routing/route';
import type { PageRoute } from '../routing/route';
import { navigate, usePath } from '../routing/router';
import { Button } from '../ui/button';
import { lazyPage } from '../ui/lazy-page';
import { Notice } from '../ui/notice';
import { Navigation, NOTIFIED_ROLES } from './navigation';
import { LogOutMutation, MeQuery } from './session.operations';
import { useIdleTimeout } from './use-idle-timeout';

// Fixed addresses before patterns: `/saisines/nouvelle` is not the referral "nouvelle".
// Met once, by people joining a territory: loaded only then.
const CharterPage = lazyPage(async () => (await import('../charter/charter-page')).CharterPage);

const PAGES: readonly PageRoute[] = [
  ...newReferralRoutes,
  ...referralRoutes,
  ...actionRoutes,
  ...inboxRoutes,
  ...subjectRightsRoutes,
  ...situationRoutes,
  ...handoffRoutes,
  ...followUpRoutes,
  ...meetingModeRoutes,
  ...minutesRoutes,
  ...preparationRoutes,
  ...notificationRoutes,
  ...administrationRoutes,
  ...auditRoutes,
  ...reportRoutes,
  ...accountRoutes,
];

export interface SignedInShellProps {
  /** The session ended: `notice` says why, on the sign-in page. */
  onSignedOut(notice: string): void;
}

export function SignedInShell({ onSignedOut }: SignedInShellProps) {
  const path = usePath();
  const [me, refetchMe] = useQuery({ query: MeQuery });
  const [logOutState, logOut] = useMutation(LogOutMutation);
  const main = useRef<HTMLElement>(null);

  // Moving to another page moves the reading position to its content, as a page load would.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) main.current?.focus();
  }, [path]);

  // Any page may meet the charter gate (a new version was published meanwhile): read it again.
  useEffect(() => {
    const recheck = () => refetchMe({ requestPolicy: 'network-only' });
    window.addEventListener(CHARTER_REQUIRED_EVENT, recheck);
    return () => window.removeEventListener(CHARTER_REQUIRED_EVENT, recheck);
  }, [refetchMe]);

  const endSession = useCallback(
    async (notice: string) => {
      const result = await logOut({});
      if (result.error && readError(result.error).code !== 'UNAUTHENTICATED') {
        return onSignedOut(
          'Vous êtes déconnecté de cette page, mais Relais n’a pas pu confirmer la fin de la session : fermez votre navigateur par précaution.',
        );
      }
      onSignedOut(notice);
    },
    [logOut, onSignedOut],
  );

  const person = me.data?.me;
  const idleMinutes = person?.sessionIdleTimeoutMinutes;
  const onIdle = useCallback(
    () =>
      void endSession(
        `Vous avez été déconnecté après ${idleMinutes} minutes sans activité, pour protéger les informations affichées. Reconnectez-vous pour reprendre.`,
      ),
    [endSession, idleMinutes],
  );
  const idle = useIdleTimeout(idleMinutes, onIdle);

  const activeMemberships = person?.memberships.filter((membership) => membership.status === 'ACTIVE') ?? [];
  const roles = [...new Set(activeMemberships.flatMap((membership) => membership.roles))];
  const charterToAccept = activeMemberships.find((membership) => !membership.charterAccepted);
  // The coordination lands on what waits for it; a referring organisation on its referrals; a
  // follow-up team member on the people they follow; the steering committee on the activity report.
  const landing = roles.includes('COORDINATOR')
    ? '/a-traiter'
    : roles.includes('REFERRER')
      ? '/saisines'
      : roles.includes('FOLLOWUP_PRACTITIONER')
        ? '/suivis'
        : roles.includes('STEERING')
          ? '/bilan'
          : undefined;

  useEffect(() => {
    if (path === '/' && landing && !charterToAccept) navigate(landing, { replace: true });
  }, [path, landing, charterToAccept]);

  const matched = matchRoute(PAGES, path);
  const projected = matched?.route.layout === 'projection' && !charterToAccept;

  function page() {
    if (!person) return null;
    if (charterToAccept) {
      return (
        <CharterPage
          territoryId={charterToAccept.territory.id}
          territoryName={charterToAccept.territory.name}
          onAccepted={() => refetchMe({ requestPolicy: 'network-only' })}
        />
      );
    }
    if (path === '/')
      return landing ? null : (
        <HomePage
          firstName={person.firstName}
          notified={roles.some((role) => NOTIFIED_ROLES.includes(role))}
        />
      );
    return matched ? matched.route.render(matched.params) : <NotFoundPage />;
  }

  const idleWarning =
    idle === 'warning' ? (
      <Notice tone="error">
        Faute d’activité, vous allez être déconnecté dans moins de deux minutes. Touchez une touche ou cliquez
        n’importe où pour rester connecté.
      </Notice>
    ) : null;

  if (projected) {
    return (
      <main id="contenu" ref={main} tabIndex={-1} className="projection">
        {idleWarning}
        {page()}
      </main>
    );
  }

  return (
    <>
      <header className="site-header">
        <Link className="site-name" to="/">
          Relais
        </Link>
        <div className="site-user">
          {person ? (
            <span>
              {person.firstName} {person.lastName}
              <span className="visually-hidden">, </span>
              <span className="hint"> · {person.organisation.name}</span>
            </span>
          ) : null}
          <Button
            variant="quiet"
            onPress={() => void endSession('Vous êtes déconnecté. À bientôt.')}
            isPending={logOutState.fetching}
          >
            Se déconnecter
          </Button>
        </div>
        {person && !charterToAccept ? <Navigation roles={roles} /> : null}
      </header>
      <main id="contenu" ref={main} tabIndex={-1}>
        {idleWarning}
        {me.error && readError(me.error).code !== 'UNAUTHENTICATED' ? (
          <Notice tone="error">{readError(me.error).message}</Notice>
        ) : null}
        {page()}
      </main>
    </>
  );
}
