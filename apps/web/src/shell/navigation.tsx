import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { Link } from '../routing/link';
import { usePath } from '../routing/router';
import { UnreadNotificationCountQuery } from './session.operations';

/** Checked again every minute while the page is open, and whenever a page marks some read. */
const UNREAD_REFRESH_MS = 60_000;

export type NavigationRole = 'REFERRER';

interface NavigationItem {
  to: string;
  label: string;
}

const REFERRER_ITEMS: NavigationItem[] = [
  { to: '/saisines', label: 'Mes saisines' },
  { to: '/saisines/nouvelle', label: 'Nouvelle saisine' },
  { to: '/actions', label: 'Mes actions' },
];

const COORDINATOR_ITEMS: NavigationItem[] = [
  { to: '/a-traiter', label: 'À traiter' },
  { to: '/situations', label: 'Situations' },
  { to: '/seances', label: 'Séances' },
];

// Partners sit in the cell: they read its agendas and minutes.
const CELL_MEMBER_ITEMS: NavigationItem[] = [{ to: '/seances', label: 'Séances' }];

// The trinôme's own work.
const PRACTITIONER_ITEMS: NavigationItem[] = [{ to: '/suivis', label: 'Mon suivi' }];

// Common-law services (CMP, SAVS, social services) sit in the cell or follow people: they receive hand-offs.
const RECEIVED_HANDOFF_ITEMS: NavigationItem[] = [{ to: '/relais-recus', label: 'Relais reçus' }];

const ADMINISTRATION_ITEMS: NavigationItem[] = [{ to: '/administration', label: 'Administration' }];
const AUDIT_ITEMS: NavigationItem[] = [{ to: '/audit', label: 'Journal d’audit' }];
// The coordination and the steering committee read the territory's anonymous figures.
const REPORT_ITEMS: NavigationItem[] = [{ to: '/bilan', label: 'Bilan d’activité' }];

function isCurrent(path: string, to: string): boolean {
  // A referral's own page belongs to "Mes saisines"; the new-referral form has its own entry.
  if (to === '/saisines')
    return path === to || (path.startsWith('/saisines/') && path !== '/saisines/nouvelle');
  return path === to || path.startsWith(`${to}/`);
}

/** The roles whose work brings notifications (administration and audit read none). */
export const NOTIFIED_ROLES: readonly string[] = [
  'COORDINATOR',
  'CELL_MEMBER',
  'REFERRER',
  'FOLLOWUP_PRACTITIONER',
];

function UnreadNotificationsLink({ path }: { path: string }) {
  // Marking notifications read (on whichever page) changes the count: urql asks again.
  const context = useMemo(() => ({ additionalTypenames: ['NotificationObject'] }), []);
  const [unread, refresh] = useQuery({ query: UnreadNotificationCountQuery, context });
  useEffect(() => {
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), UNREAD_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  const count = unread.data?.unreadNotificationCount ?? 0;
  const current = isCurrent(path, '/notifications');
  return (
    <Link to="/notifications" className="nav-link" aria-current={current ? 'page' : undefined}>
      Notifications
      {count > 0 ? (
        <span className="badge">
          <span className="visually-hidden">, </span>
          {count}
          <span className="visually-hidden"> non lue{count > 1 ? 's' : ''}</span>
        </span>
      ) : null}
    </Link>
  );
}

/** The pages of one's work, by role, then what everyone has: notifications and one's account. */
export function Navigation({ roles }: { roles: readonly string[] }) {
  const path = usePath();
  const items = [
    ...(roles.includes('COORDINATOR') ? COORDINATOR_ITEMS : []),
    ...(roles.includes('CELL_MEMBER') && !roles.includes('COORDINATOR') ? CELL_MEMBER_ITEMS : []),
    ...(roles.includes('REFERRER') ? REFERRER_ITEMS : []),
    ...(roles.includes('FOLLOWUP_PRACTITIONER') ? PRACTITIONER_ITEMS : []),
    ...(roles.includes('FOLLOWUP_PRACTITIONER') || roles.includes('CELL_MEMBER')
      ? RECEIVED_HANDOFF_ITEMS
      : []),
    ...(roles.includes('COORDINATOR') || roles.includes('STEERING') ? REPORT_ITEMS : []),
    ...(roles.includes('TERRITORY_ADMIN') ? ADMINISTRATION_ITEMS : []),
    ...(roles.includes('AUDITOR') ? AUDIT_ITEMS : []),
  ];
  return (
    <nav aria-label="Navigation principale" className="site-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className="nav-link"
              aria-current={isCurrent(path, item.to) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
        {roles.some((role) => NOTIFIED_ROLES.includes(role)) ? (
          <li>
            <UnreadNotificationsLink path={path} />
          </li>
        ) : null}
        <li>
          <Link
            to="/compte"
            className="nav-link"
            aria-current={isCurrent(path, '/compte') ? 'page' : undefined}
          >
            Mon compte
          </Link>
        </li>
      </ul>
    </nav>
  );
}
