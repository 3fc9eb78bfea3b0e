import type { ReactNode } from 'react';
import { referralPath } from '../referrals/referral-paths';
import { daysBetween } from '../referrals/calendar-day';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { isOverdue } from './action-groups';
import { ACTION_ORIGIN_LABELS, ACTION_STATUS_LABELS } from './action-status';
import type { OrganisationAction } from './actions.operations';
import { UpdateActionDialog } from './update-action-dialog';

/** One of my organisation's referrals about the action's person: where its case code leads. */
export interface ReferralOfPerson {
  id: string;
  pseudonym: string;
}

export interface ActionGroupProps {
  id: string;
  title: string;
  /** Said when the group holds no action and none is left to read. */
  empty: string;
  actions: readonly OrganisationAction[];
  /** Every action of the group has been read (otherwise its count is a lower bound). */
  complete: boolean;
  today: string;
  /** My organisation's referral about a case code, when it referred the person. */
  referralOf(caseCode: string): ReferralOfPerson | undefined;
  onUpdated(message: string): void;
  /** What follows the list: « Afficher plus » for the list it belongs to. */
  children?: ReactNode;
}

function dueText(action: OrganisationAction, today: string): string {
  const day = frenchCalendarDate(action.dueOn);
  if (!isOverdue(action, today)) return day;
  const late = daysBetween(action.dueOn, today);
  return `${day} (${late > 1 ? `${late} jours` : '1 jour'} de retard)`;
}

/** « En retard », « À faire » or « Terminées »: a table on wide screens, cards below 768 px. */
export function ActionGroup(props: ActionGroupProps) {
  const { id, title, empty, actions, complete, today, referralOf, onUpdated, children } = props;
  const count = complete ? `(${actions.length})` : `(au moins ${actions.length})`;
  const dialog = (action: OrganisationAction) => (
    <UpdateActionDialog action={action} caseCode={action.caseCode} onUpdated={onUpdated} />
  );
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{count}</span>
      </h2>
      {actions.length ? (
        <>
          <table className="data-table actions-table wide-only">
            <caption className="visually-hidden">Actions : {title.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Échéance</th>
                <th scope="col">Situation</th>
                <th scope="col">État</th>
                <th scope="col">
                  <span className="visually-hidden">Mettre à jour</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id}>
                  <th scope="row" className="action-description">
                    <span className="multiline">{action.description}</span>
                    <span className="status-detail">{ACTION_ORIGIN_LABELS[action.origin]}</span>
                    {action.outcome ? (
                      <span className="action-outcome multiline">
                        <span className="action-outcome-label">Résultat : </span>
                        {action.outcome}
                      </span>
                    ) : null}
                  </th>
                  <td className={isOverdue(action, today) ? 'late' : undefined}>{dueText(action, today)}</td>
                  <td>
                    <SituationName action={action} referral={referralOf(action.caseCode)} />
                  </td>
                  <td>{ACTION_STATUS_LABELS[action.status]}</td>
                  <td>{dialog(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="cards narrow-only" aria-label={`Actions : ${title.toLowerCase()}`}>
            {actions.map((action) => (
              <li key={action.id} className="card">
                <p className="card-title multiline">{action.description}</p>
                <dl className="facts">
                  <dt>Échéance</dt>
                  <dd className={isOverdue(action, today) ? 'late' : undefined}>{dueText(action, today)}</dd>
                  <dt>Situation</dt>
                  <dd>
                    <SituationName action={action} referral={referralOf(action.caseCode)} />
                  </dd>
                  <dt>État</dt>
                  <dd>{ACTION_STATUS_LABELS[action.status]}</dd>
                  <dt>Origine</dt>
                  <dd>{ACTION_ORIGIN_LABELS[action.origin]}</dd>
                  {action.outcome ? (
                    <>
                      <dt>Résultat</dt>
                      <dd className="multiline">{action.outcome}</dd>
                    </>
                  ) : null}
                </dl>
                {dialog(action)}
              </li>
            ))}
          </ul>
        </>
      ) : complete ? (
        <p className="muted">{empty}</p>
      ) : null}
      {children}
    </section>
  );
}

/**
 * The person by her case code; when my organisation referred her, a link to that referral and the
 * pseudonym it reads there. Another partner's situation is named by its case code alone.
 */
function SituationName({ action, referral }: { action: OrganisationAction; referral?: ReferralOfPerson }) {
  if (!referral) return <span className="case-code">{action.caseCode}</span>;
  return (
    <>
      <Link to={referralPath(referral.id)} className="case-code">
        {action.caseCode}
      </Link>
      <span className="pseudonym">{referral.pseudonym}</span>
    </>
  );
}
