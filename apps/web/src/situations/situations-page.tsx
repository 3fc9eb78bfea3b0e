import { useMemo, useRef, useState } from 'react';
import { readError } from '../graphql/errors';
import { ShowMore } from '../actions/show-more';
import { REFERRER_KIND_LABELS } from '../referrals/referral-labels';
import { Link } from '../routing/link';
import { ArchiveLink } from '../subject-rights/archive-link';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchCalendarDate } from '../ui/written-dates';
import { DEFAULT_FILTERS, situationCriteria } from './situation-criteria';
import type { SituationFilterValues } from './situation-criteria';
import { SituationFilters } from './situation-filters';
import { SituationTerritory } from './situation-territory';
import { openActionsWords, SITUATION_STATUS_TONES } from './situation-words';
import type { SituationLine } from './situations.operations';
import { useSituationList } from './use-situation-list';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './situations.css';

/** « Situations » : the situations the cell follows, the reviews due first, and what comes next for each. */
export function SituationsPage() {
  usePageTitle('Situations');
  return (
    <>
      <h1>Situations</h1>
      <p className="lead reading-width">
        Les situations que vous pouvez suivre dans le territoire, nommées par leur code et leur pseudonyme :
        le prochain réexamen le plus proche d’abord, puis les plus anciennes. Ouvrez une situation pour voir
        son cercle, l’accord de la personne, son historique et ses actions.
      </p>
      <SituationTerritory>
        {(territory) => (
          <>
            <ArchiveLink roles={territory.roles} />
            <SituationList key={territory.id} territoryId={territory.id} />
          </>
        )}
      </SituationTerritory>
    </>
  );
}

function addedText(added: number): string {
  if (added === 0) return 'Aucune situation de plus.';
  return added > 1 ? `${added} situations de plus sont affichées.` : '1 situation de plus est affichée.';
}

function SituationList({ territoryId }: { territoryId: string }) {
  const [filters, setFilters] = useState<SituationFilterValues>(DEFAULT_FILTERS);
  const criteria = useMemo(() => situationCriteria(filters), [filters]);
  const list = useSituationList(territoryId, criteria);
  const count = useRef<HTMLParagraphElement>(null);
  // After filtering, the reading position goes to the count of what the criteria found.
  const [applied, setApplied] = useState(0);
  useFocusOnChange(count, list.situations && applied ? applied : undefined);

  const situations = list.situations;
  const first = !situations && list.loading;
  return (
    <>
      <SituationFilters
        onApply={(values) => {
          setFilters(values);
          setApplied((times) => times + 1);
        }}
      />
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      <p ref={count} tabIndex={-1} role="status" className="hint situation-count">
        {first || !situations
          ? 'Chargement des situations…'
          : `${situations.length} situation${situations.length > 1 ? 's' : ''} affichée${
              situations.length > 1 ? 's' : ''
            }${list.hasMore ? ', d’autres suivent' : ''}.`}
      </p>
      {situations && !situations.length && !list.loading && !list.error ? (
        <p>
          Aucune situation ne correspond à ces critères. Une situation s’ouvre quand la coordination accepte
          une saisine ; essayez « Toutes, closes comprises » ou effacez les filtres.
        </p>
      ) : null}
      {situations?.length ? (
        <>
          <SituationTable situations={situations} />
          <SituationCards situations={situations} />
        </>
      ) : null}
      <ShowMore key={JSON.stringify(criteria)} list={list} label="Afficher plus" addedText={addedText} />
    </>
  );
}

function Status({ situation }: { situation: SituationLine }) {
  return (
    <span className={`status-tag status-tag-${SITUATION_STATUS_TONES[situation.status]}`}>
      {situation.statusLabel}
    </span>
  );
}

function Review({ situation }: { situation: SituationLine }) {
  return situation.nextReviewOn ? (
    <>{frenchCalendarDate(situation.nextReviewOn, { weekday: false })}</>
  ) : (
    <span className="muted">Aucune prévue</span>
  );
}

function Referrers({ situation }: { situation: SituationLine }) {
  if (!situation.referrerKinds.length) return <span className="muted">Non communiqué</span>;
  return <>{situation.referrerKinds.map((kind) => REFERRER_KIND_LABELS[kind]).join(', ')}</>;
}

function NextStep({ situation }: { situation: SituationLine }) {
  return (
    <>
      {situation.nextStep}
      <span className="status-detail">
        {openActionsWords(situation.openActionCount)}
        {situation.nextActionDueOn
          ? `, la prochaine pour le ${frenchCalendarDate(situation.nextActionDueOn, { weekday: false })}`
          : ''}
      </span>
    </>
  );
}

function SituationLink({ situation }: { situation: SituationLine }) {
  return (
    <Link to={`/situations/${situation.id}`} className="case-code">
      {situation.person.caseCode}
    </Link>
  );
}

/** From 768 px: one row per situation. */
function SituationTable({ situations }: { situations: readonly SituationLine[] }) {
  return (
    <table className="data-table wide-only">
      <caption className="visually-hidden">Situations, le prochain réexamen le plus proche d’abord</caption>
      <thead>
        <tr>
          <th scope="col">Situation</th>
          <th scope="col">État</th>
          <th scope="col">Prochain réexamen</th>
          <th scope="col">Saisie par</th>
          <th scope="col">Et ensuite</th>
        </tr>
      </thead>
      <tbody>
        {situations.map((situation) => (
          <tr key={situation.id}>
            <th scope="row">
              <SituationLink situation={situation} />
              <span className="pseudonym">{situation.person.pseudonym}</span>
            </th>
            <td>
              <Status situation={situation} />
            </td>
            <td>
              <Review situation={situation} />
            </td>
            <td>
              <Referrers situation={situation} />
            </td>
            <td>
              <NextStep situation={situation} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Below 768 px: a card per situation. */
function SituationCards({ situations }: { situations: readonly SituationLine[] }) {
  return (
    <ul className="cards narrow-only" aria-label="Situations">
      {situations.map((situation) => (
        <li key={situation.id} className="card">
          <p className="card-title">
            <SituationLink situation={situation} />
            <span className="pseudonym">{situation.person.pseudonym}</span>
          </p>
          <dl className="facts">
            <dt>État</dt>
            <dd>
              <Status situation={situation} />
            </dd>
            <dt>Prochain réexamen</dt>
            <dd>
              <Review situation={situation} />
            </dd>
            <dt>Saisie par</dt>
            <dd>
              <Referrers situation={situation} />
            </dd>
            <dt>Et ensuite</dt>
            <dd>
              <NextStep situation={situation} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
