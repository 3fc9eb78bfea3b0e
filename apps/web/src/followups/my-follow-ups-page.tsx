import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { frenchCalendarDate } from '../ui/written-dates';
import type { MyFollowUp } from './follow-ups.operations';
import {
  daysSinceWords,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_PHASE_LABELS,
  nextPhase,
  replacementWords,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
} from './follow-up-words';
import { useMyFollowUps } from './use-my-follow-ups';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './follow-ups.css';

function addedText(added: number): string {
  if (added === 0) return 'Aucun accompagnement de plus.';
  return added > 1
    ? `${added} accompagnements de plus sont affichés.`
    : '1 accompagnement de plus est affiché.';
}

/** « Mon suivi »: the follow-ups where I hold a seat or will replace someone, the nearest end first. */
export function MyFollowUpsPage() {
  usePageTitle('Mon suivi');
  const [includeEnded, setIncludeEnded] = useState(false);
  return (
    <>
      <h1>Mon suivi</h1>
      <p className="lead reading-width">
        Les accompagnements où vous tenez un rôle, ou tiendrez un remplacement : la fin prévue la plus proche
        d’abord. Ouvrez-en un pour enregistrer une visite.
      </p>
      <Checkbox className="choice" isSelected={includeEnded} onChange={setIncludeEnded}>
        <span className="choice-box" aria-hidden="true" />
        <span>Afficher aussi les accompagnements terminés</span>
      </Checkbox>
      <FollowUpList key={String(includeEnded)} includeEnded={includeEnded} />
    </>
  );
}

function FollowUpList({ includeEnded }: { includeEnded: boolean }) {
  const list = useMyFollowUps(includeEnded);
  const followUps = list.followUps;
  return (
    <>
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      <p role="status" className="hint">
        {!followUps
          ? 'Chargement de vos accompagnements…'
          : `${followUps.length} accompagnement${followUps.length > 1 ? 's' : ''} affiché${
              followUps.length > 1 ? 's' : ''
            }${list.hasMore ? ', d’autres suivent' : ''}.`}
      </p>
      {followUps && !followUps.length && !list.error ? (
        <p className="reading-width">
          Aucun accompagnement pour l’instant. La coordination vous confie un accompagnement en vous plaçant
          dans son équipe (ou en vous nommant remplaçant) : il apparaîtra ici.
        </p>
      ) : null}
      {followUps?.length ? (
        <>
          <FollowUpTable followUps={followUps} />
          <FollowUpCards followUps={followUps} />
        </>
      ) : null}
      <ShowMore list={list} label="Afficher plus" addedText={addedText} />
    </>
  );
}

function FollowUpLink({ followUp }: { followUp: MyFollowUp }) {
  return (
    <Link to={`/suivis/${followUp.id}`} className="case-code">
      {followUp.caseCode}
    </Link>
  );
}

function Phase({ followUp }: { followUp: MyFollowUp }) {
  const next = nextPhase(followUp.phase);
  return (
    <>
      {FOLLOW_UP_PHASE_LABELS[followUp.phase]}
      {next ? <span className="status-detail">Ensuite : {FOLLOW_UP_PHASE_LABELS[next]}</span> : null}
    </>
  );
}

/** Vacant seats by name, or « Équipe complète »; my dated replacement said as such. */
function Team({ followUp }: { followUp: MyFollowUp }) {
  const vacant = TEAM_ROLES.filter((role) => {
    const seat = followUp.team.find((candidate) => candidate.role === role);
    return !seat || seat.vacancy;
  });
  return (
    <>
      {vacant.length ? (
        <span className="status-tag status-tag-attention">
          {vacant.length > 1 ? 'Rôles vacants' : 'Rôle vacant'} :{' '}
          {vacant.map((role) => TEAM_ROLE_LABELS[role]).join(', ')}
        </span>
      ) : (
        'Équipe complète'
      )}
      {followUp.myReplacement ? (
        <span className="status-detail">
          Vous : {replacementWords(followUp.myReplacement)} ({TEAM_ROLE_LABELS[followUp.myReplacement.role]})
        </span>
      ) : null}
    </>
  );
}

function Review({ followUp }: { followUp: MyFollowUp }) {
  return followUp.nextReviewOn ? (
    <>{frenchCalendarDate(followUp.nextReviewOn, { weekday: false })}</>
  ) : (
    <span className="muted">Aucun prévu</span>
  );
}

function PlannedEnd({ followUp }: { followUp: MyFollowUp }) {
  return <>{frenchCalendarDate(followUp.plannedEndOn, { weekday: false })}</>;
}

/** From 768 px: one row per follow-up. */
function FollowUpTable({ followUps }: { followUps: readonly MyFollowUp[] }) {
  return (
    <table className="data-table wide-only">
      <caption className="visually-hidden">Mes accompagnements, la fin prévue la plus proche d’abord</caption>
      <thead>
        <tr>
          <th scope="col">Accompagnement</th>
          <th scope="col">Phase</th>
          <th scope="col">Équipe</th>
          <th scope="col">Prochain réexamen</th>
          <th scope="col">Fin prévue</th>
        </tr>
      </thead>
      <tbody>
        {followUps.map((followUp) => (
          <tr key={followUp.id}>
            <th scope="row">
              <FollowUpLink followUp={followUp} />
              <span className="status-detail">
                {FOLLOW_UP_KIND_LABELS[followUp.kind]} · dernier contact :{' '}
                {daysSinceWords(followUp.indicators.daysSinceLastContact).toLowerCase()}
              </span>
            </th>
            <td>
              <Phase followUp={followUp} />
            </td>
            <td>
              <Team followUp={followUp} />
            </td>
            <td>
              <Review followUp={followUp} />
            </td>
            <td>
              <PlannedEnd followUp={followUp} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Below 768 px: a card per follow-up. */
function FollowUpCards({ followUps }: { followUps: readonly MyFollowUp[] }) {
  return (
    <ul className="cards narrow-only" aria-label="Mes accompagnements">
      {followUps.map((followUp) => (
        <li key={followUp.id} className="card">
          <p className="card-title">
            <FollowUpLink followUp={followUp} /> {FOLLOW_UP_KIND_LABELS[followUp.kind]}
          </p>
          <dl className="facts">
            <dt>Phase</dt>
            <dd>
              <Phase followUp={followUp} />
            </dd>
            <dt>Équipe</dt>
            <dd>
              <Team followUp={followUp} />
            </dd>
            <dt>Prochain réexamen</dt>
            <dd>
              <Review followUp={followUp} />
            </dd>
            <dt>Fin prévue</dt>
            <dd>
              <PlannedEnd followUp={followUp} />
            </dd>
            <dt>Dernier contact</dt>
            <dd>{daysSinceWords(followUp.indicators.daysSinceLastContact)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
