import { isOverdue } from '../actions/action-groups';
import { ACTION_STATUS_LABELS } from '../actions/action-status';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { localCalendarDay } from './calendar-day';
import type { ReferralFollowThrough } from './referrals.operations';

type Action = ReferralFollowThrough['myOrganisationReferrals'][number]['actionsForMyOrganisation'][number];

/** What the cell entrusted to my organisation for this person; changed in « Mes actions ». */
export function ReferralActions({ actions }: { actions: readonly Action[] }) {
  const today = localCalendarDay();
  return (
    <section aria-labelledby="actions-confiees">
      <h2 id="actions-confiees">Actions confiées à votre organisation</h2>
      {actions.length ? (
        <>
          <ul className="plain-list">
            {actions.map((action) => (
              <li key={action.id} className="action-line">
                <span className="multiline">{action.description}</span>
                <span className="action-meta">
                  {ACTION_STATUS_LABELS[action.status]} · pour le {frenchCalendarDate(action.dueOn)}
                  {isOverdue(action, today) ? (
                    <strong className="next-step-urgent"> · en retard</strong>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/actions">Mettre à jour vos actions dans Mes actions</Link>
          </p>
        </>
      ) : (
        <p>Aucune action n’est confiée à votre organisation pour l’instant.</p>
      )}
    </section>
  );
}
