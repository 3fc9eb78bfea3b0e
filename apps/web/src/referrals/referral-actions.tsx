import { isOverdue } from '../actions/action-groups';
import { ACTION_STATUS_LABELS } from '../actions/action-status';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { localCalendarDay } from './calendar-day';
import type { ReferralFollowThrough } from './referrals.operations';

type Action =
  ReferralFollowThrough['myOrganisationReferrals']['edges'][number]['node']['actionsForMyOrganisation'][number];

/**
 * What the cell entrusted to my organisation for this person; changed in « Mes actions », which
 * also lists those beyond the ones the api sends here (`total` counts them all).
 */
export function ReferralActions({ actions, total }: { actions: readonly Action[]; total: number }) {
  const today = localCalendarDay();
  const more = total - actions.length;
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
          {more > 0 ? (
            <p>
              {more > 1
                ? `${more} autres actions vous sont confiées pour cette personne`
                : '1 autre action vous est confiée pour cette personne'}{' '}
              : retrouvez-les toutes dans <Link to="/actions">Mes actions</Link>.
            </p>
          ) : null}
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
