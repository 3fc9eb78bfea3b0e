import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { referralPath } from '../referrals/referral-paths';
import { MyOrganisationReferralsQuery } from '../referrals/referrals.operations';
import type { MyAction, MyReferral } from '../referrals/referrals.operations';
import { TerritoryChoice } from '../referrals/territory-choice';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { daysBetween, localCalendarDay } from '../referrals/calendar-day';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { collectActions, groupActions, isOverdue } from './action-groups';
import type { ActionOfReferral } from './action-groups';
import { ACTION_ORIGIN_LABELS, ACTION_STATUS_LABELS } from './action-status';
import { UpdateActionDialog } from './update-action-dialog';
import '../referrals/referrals.css';
import './actions.css';

type Entrusted = ActionOfReferral<MyAction, MyReferral>;

/** « Mes actions » : what the cell entrusted to my organisation, the late first, and where each stands. */
export function MyActionsPage() {
  usePageTitle('Mes actions');
  return (
    <>
      <h1>Mes actions</h1>
      <TerritoryChoice>{(territory) => <MyActions territoryId={territory.id} />}</TerritoryChoice>
    </>
  );
}

function MyActions({ territoryId }: { territoryId: string }) {
  const [result] = useQuery({ query: MyOrganisationReferralsQuery, variables: { territoryId } });
  const [announcement, setAnnouncement] = useState<{ message: string; at: number }>();
  const announced = useRef<HTMLDivElement>(null);
  const today = localCalendarDay();
  const referrals = result.data?.myOrganisationReferrals;
  const groups = useMemo(
    () =>
      groupActions(
        collectActions(referrals ?? [], (referral) => referral.actionsForMyOrganisation),
        today,
      ),
    [referrals, today],
  );

  // The changed action may move to another group: the reading position goes to the confirmation.
  useEffect(() => {
    if (announcement) announced.current?.focus();
  }, [announcement]);

  if (!referrals) {
    if (result.error) return <Notice tone="error">{readError(result.error).message}</Notice>;
    return <p role="status">Chargement de vos actions…</p>;
  }
  const total = groups.overdue.length + groups.toDo.length + groups.finished.length;
  const onUpdated = (message: string) => setAnnouncement({ message, at: Date.now() });

  return (
    <>
      <p className="lead">
        Les actions que la cellule a confiées à votre organisation, à l’issue de ses séances. Dites où chacune
        en est : la coordination le voit.
      </p>
      {result.error ? <Notice tone="error">{readError(result.error).message}</Notice> : null}
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement">
          <Notice tone="success">{announcement.message}</Notice>
        </div>
      ) : null}
      {total === 0 ? (
        <p>
          Aucune action n’est confiée à votre organisation pour l’instant. Quand la cellule décide d’une
          action pour vous, elle apparaît ici. Voir <Link to="/saisines">Mes saisines</Link>.
        </p>
      ) : (
        <>
          <ActionGroup
            id="en-retard"
            title="En retard"
            empty="Aucune action en retard."
            actions={groups.overdue}
            today={today}
            onUpdated={onUpdated}
          />
          <ActionGroup
            id="a-faire"
            title="À faire"
            empty="Aucune autre action à mener."
            actions={groups.toDo}
            today={today}
            onUpdated={onUpdated}
          />
          <ActionGroup
            id="terminees"
            title="Terminées"
            empty="Aucune action faite ou annulée pour l’instant."
            actions={groups.finished}
            today={today}
            onUpdated={onUpdated}
          />
        </>
      )}
    </>
  );
}

interface ActionGroupProps {
  id: string;
  title: string;
  empty: string;
  actions: readonly Entrusted[];
  today: string;
  onUpdated(message: string): void;
}

function dueText(action: Entrusted, today: string): string {
  const day = frenchCalendarDate(action.dueOn);
  if (!isOverdue(action, today)) return day;
  const late = daysBetween(action.dueOn, today);
  return `${day} (${late > 1 ? `${late} jours` : '1 jour'} de retard)`;
}

function ActionGroup({ id, title, empty, actions, today, onUpdated }: ActionGroupProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({actions.length})</span>
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
                  </th>
                  <td className={isOverdue(action, today) ? 'late' : undefined}>{dueText(action, today)}</td>
                  <td>
                    <SituationLink action={action} />
                  </td>
                  <td>{ACTION_STATUS_LABELS[action.status]}</td>
                  <td>
                    <UpdateActionDialog
                      action={action}
                      caseCode={action.referral.caseCode}
                      onUpdated={onUpdated}
                    />
                  </td>
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
                    <SituationLink action={action} />
                  </dd>
                  <dt>État</dt>
                  <dd>{ACTION_STATUS_LABELS[action.status]}</dd>
                  <dt>Origine</dt>
                  <dd>{ACTION_ORIGIN_LABELS[action.origin]}</dd>
                </dl>
                <UpdateActionDialog
                  action={action}
                  caseCode={action.referral.caseCode}
                  onUpdated={onUpdated}
                />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

function SituationLink({ action }: { action: Entrusted }) {
  return (
    <>
      <Link to={referralPath(action.referral.id)} className="case-code">
        {action.referral.caseCode}
      </Link>
      <span className="pseudonym">{action.referral.pseudonym}</span>
    </>
  );
}
