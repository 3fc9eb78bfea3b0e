import { useId, useMemo, useState } from 'react';
import { isOpen } from '../actions/action-groups';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { frenchDate, frenchDateTime } from '../ui/written-dates';
import { localCalendarDay, withUnbreakableTime } from './calendar-day';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { nextStepOf, sortByAttention } from './my-referrals-order';
import { actionCountText, NextStepText } from './next-step';
import { REDIRECT_TARGET_SHORT_LABELS, SITUATION_STATUS_LABELS } from './referral-labels';
import type { ReferralStatus } from './referral-labels';
import { referralPath } from './referral-paths';
import type { MyReferral } from './referrals.operations';
import { StatusTag } from './status-tag';
import { TerritoryChoice } from './territory-choice';
import { useMyReferrals } from './use-my-referrals';
import './referrals.css';

/** « Mes saisines » : what became of each referral of my organisation, what it asks of me first. */
export function MyReferralsPage() {
  usePageTitle('Mes saisines');
  return (
    <>
      <h1>Mes saisines</h1>
      <TerritoryChoice>
        {(territory) => <MyReferrals key={territory.id} territoryId={territory.id} />}
      </TerritoryChoice>
    </>
  );
}

type Filter = 'ALL' | ReferralStatus;

function referralsAdded(added: number): string {
  if (added === 0) return 'Aucune saisine de plus.';
  return added > 1 ? `${added} saisines de plus sont affichées.` : '1 saisine de plus est affichée.';
}

function MyReferrals({ territoryId }: { territoryId: string }) {
  const list = useMyReferrals(territoryId);
  const [filter, setFilter] = useState<Filter>('ALL');
  const filterId = useId();
  const today = localCalendarDay();
  const referrals = list.items;
  // What asks for my attention first among the referrals read; the next pages, older, follow.
  const sorted = useMemo(() => sortByAttention(referrals ?? [], today), [referrals, today]);

  if (!referrals) {
    if (list.error) return <Notice tone="error">{readError(list.error).message}</Notice>;
    return <p role="status">Chargement de vos saisines…</p>;
  }
  if (!referrals.length) {
    return (
      <p>
        Aucune saisine pour l’instant. Une saisine demande l’accord de la personne :{' '}
        <Link to="/saisines/nouvelle">Nouvelle saisine</Link>
      </p>
    );
  }

  // The statuses present, in the order they first appear in the sorted list, each with its count
  // among the referrals read (« affichées » while older ones remain to be read).
  const statuses = new Map<ReferralStatus, { label: string; count: number }>();
  for (const referral of sorted) {
    const known = statuses.get(referral.status);
    statuses.set(referral.status, { label: referral.statusLabel, count: (known?.count ?? 0) + 1 });
  }
  const countOf = (count: number) => (list.hasMore ? `${count} affichée${count > 1 ? 's' : ''}` : count);
  const shown = filter === 'ALL' ? sorted : sorted.filter((referral) => referral.status === filter);

  return (
    <>
      <p className="lead">
        Ce que la cellule a fait de chaque saisine de votre organisation ; ce qui vous est demandé vient en
        premier.
      </p>
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      <div className="list-tools">
        <div className="field select-field">
          <label htmlFor={filterId}>Afficher</label>
          <select
            id={filterId}
            value={filter === 'ALL' || statuses.has(filter) ? filter : 'ALL'}
            onChange={(event) => setFilter(event.target.value as Filter)}
          >
            <option value="ALL">Toutes les saisines ({list.totalCount ?? sorted.length})</option>
            {[...statuses].map(([status, { label, count }]) => (
              <option key={status} value={status}>
                {label} ({countOf(count)})
              </option>
            ))}
          </select>
        </div>
        <p className="list-tools-link">
          <Link to="/saisines/nouvelle">Nouvelle saisine</Link>
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {shown.length > 1 ? `${shown.length} saisines affichées` : `${shown.length} saisine affichée`}
      </p>
      <ReferralTable referrals={shown} today={today} />
      <ReferralCards referrals={shown} today={today} />
      <ShowMore list={list} label="Afficher plus" addedText={referralsAdded} />
    </>
  );
}

interface RowProps {
  referral: MyReferral;
  today: string;
}

function Situation({ referral }: { referral: MyReferral }) {
  return (
    <>
      <Link to={referralPath(referral.id)} className="case-code">
        {referral.caseCode}
      </Link>
      <span className="pseudonym">{referral.pseudonym}</span>
    </>
  );
}

function Status({ referral }: { referral: MyReferral }) {
  return (
    <>
      <StatusTag status={referral.status} label={referral.statusLabel} />
      {referral.redirectTarget ? (
        <span className="status-detail">vers : {REDIRECT_TARGET_SHORT_LABELS[referral.redirectTarget]}</span>
      ) : null}
      {referral.redirectMessage ? (
        <span className="status-detail">« {referral.redirectMessage} »</span>
      ) : null}
      {referral.situationStatus && referral.situationStatus !== 'ACCEPTED' ? (
        <span className="status-detail">Situation : {SITUATION_STATUS_LABELS[referral.situationStatus]}</span>
      ) : null}
    </>
  );
}

const sentOn = (referral: MyReferral) =>
  referral.submittedAt ? frenchDate(referral.submittedAt, { weekday: false }) : 'Pas encore transmise';

const nextMeeting = (referral: MyReferral) =>
  referral.nextMeetingAt ? withUnbreakableTime(frenchDateTime(referral.nextMeetingAt)) : 'Aucune prévue';

/** Every action counted, though at most 20 come with the referral (the open ones first). */
function actionCount(referral: MyReferral) {
  const actions = referral.actionsForMyOrganisation;
  return actionCountText(referral.actionsForMyOrganisationCount, actions.filter(isOpen).length);
}

function TableRow({ referral, today }: RowProps) {
  return (
    <tr>
      <th scope="row">
        <Situation referral={referral} />
      </th>
      <td>
        <Status referral={referral} />
      </td>
      <td>{sentOn(referral)}</td>
      <td>{nextMeeting(referral)}</td>
      <td>{actionCount(referral)}</td>
      <td>
        <NextStepText
          step={nextStepOf(referral, today)}
          referralId={referral.id}
          caseCode={referral.caseCode}
        />
      </td>
    </tr>
  );
}

/** From 768 px: a table, one row per referral. */
function ReferralTable({ referrals, today }: { referrals: readonly MyReferral[]; today: string }) {
  return (
    <table className="data-table wide-only">
      <caption className="visually-hidden">
        Saisines de votre organisation, celles qui demandent votre attention en premier
      </caption>
      <thead>
        <tr>
          <th scope="col">Situation</th>
          <th scope="col">Statut</th>
          <th scope="col">Transmise le</th>
          <th scope="col">Prochaine séance</th>
          <th scope="col">Actions confiées</th>
          <th scope="col">De votre côté</th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((referral) => (
          <TableRow key={referral.id} referral={referral} today={today} />
        ))}
      </tbody>
    </table>
  );
}

/** Below 768 px: one card per referral, the same facts under the same names. */
function ReferralCards({ referrals, today }: { referrals: readonly MyReferral[]; today: string }) {
  return (
    <ul className="cards narrow-only" aria-label="Saisines de votre organisation">
      {referrals.map((referral) => (
        <li key={referral.id} className="card">
          <p className="card-title">
            <Situation referral={referral} />
          </p>
          <dl className="facts">
            <dt>Statut</dt>
            <dd>
              <Status referral={referral} />
            </dd>
            <dt>Transmise le</dt>
            <dd>{sentOn(referral)}</dd>
            <dt>Prochaine séance</dt>
            <dd>{nextMeeting(referral)}</dd>
            <dt>Actions confiées</dt>
            <dd>{actionCount(referral)}</dd>
            <dt>De votre côté</dt>
            <dd>
              <NextStepText
                step={nextStepOf(referral, today)}
                referralId={referral.id}
                caseCode={referral.caseCode}
              />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
