import { useQuery } from 'urql';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { CLOSURE_REASON_LABELS } from '../situations/situation-words';
import { useWorkingTerritories } from '../situations/situation-territory';
import { Notice } from '../ui/notice';
import { TerritoryPicker } from '../ui/territory-picker';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDate } from '../ui/written-dates';
import { archiveNextStep } from './archive-next-step';
import { RetentionPlanQuery } from './subject-rights.operations';
import type { ArchivedSituation, RetentionStep } from './subject-rights.operations';
import { RETENTION_STATE_LABELS } from './subject-rights-words';
import { useArchivedSituations } from './use-archived-situations';
import '../referrals/referrals.css';
import '../situations/situations.css';
import '../ui/page-parts.css';
import './subject-rights.css';

/**
 * « Situations archivées » : the coordination's read-only list of the closed situations that left
 * the active base, with what the retention rules will do next to each, and when.
 */
export function ArchivedSituationsPage() {
  usePageTitle('Situations archivées');
  const { territories, fetching, error } = useWorkingTerritories();
  // The archive opens to the coordination alone: the page asks nothing for other roles.
  const coordinated = territories.filter((territory) => territory.roles.includes('COORDINATOR'));
  return (
    <>
      <h1>Situations archivées</h1>
      <p className="lead reading-width">
        Une situation close sort de la liste des situations après la durée de conservation en base active :
        elle est alors archivée, en lecture seule, pour la seule coordination. À la fin de l’archivage, elle
        est anonymisée : l’identité et les textes libres sont effacés, le code et les dates restent.
      </p>
      <p>
        <Link to="/situations">Retour aux situations</Link>
      </p>
      {fetching ? (
        <p role="status">Chargement…</p>
      ) : error ? (
        <Notice tone="error">{readError(error).message}</Notice>
      ) : (
        <TerritoryPicker
          territories={coordinated}
          empty={
            <Notice>
              Les situations archivées ne sont lues que par la coordination de la cellule : adressez-vous à
              elle.
            </Notice>
          }
        >
          {(territory) => <ArchiveList key={territory.id} territoryId={territory.id} />}
        </TerritoryPicker>
      )}
    </>
  );
}

function addedText(added: number): string {
  if (added === 0) return 'Aucune situation de plus.';
  return added > 1 ? `${added} situations de plus sont affichées.` : '1 situation de plus est affichée.';
}

function ArchiveList({ territoryId }: { territoryId: string }) {
  const list = useArchivedSituations(territoryId);
  const [plan] = useQuery({ query: RetentionPlanQuery, variables: { territoryId } });
  const steps = plan.data?.retentionPlan.steps ?? [];
  const archiveMonths = plan.data?.retentionPolicy.archiveMonths;
  const stepOf = (situation: ArchivedSituation) =>
    steps.find((step) => step.kind === 'ANONYMISE_SITUATION' && step.situationId === situation.id);
  const situations = list.situations;
  return (
    <>
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      {plan.error ? <Notice tone="error">{readError(plan.error).message}</Notice> : null}
      <p className="hint reading-width">
        La plus anciennement archivée d’abord, dix à la fois. Chaque situation affichée est notée au journal
        des accès{archiveMonths ? ` ; l’archivage dure ${archiveMonths} mois dans ce territoire` : ''}.
      </p>
      {!situations ? (
        list.error ? null : (
          <p role="status">Chargement des situations archivées…</p>
        )
      ) : situations.length ? (
        <>
          <ArchiveTable situations={situations} stepOf={stepOf} />
          <ArchiveCards situations={situations} stepOf={stepOf} />
        </>
      ) : (
        <p className="reading-width">
          Aucune situation archivée pour l’instant. Une situation close est archivée quand la durée de
          conservation en base active est passée depuis le dernier contact.
        </p>
      )}
      <ShowMore list={list} label="Afficher plus" addedText={addedText} />
    </>
  );
}

type StepOf = (situation: ArchivedSituation) => RetentionStep | undefined;

function Closed({ situation }: { situation: ArchivedSituation }) {
  if (!situation.closedAt) return <span className="muted">Non renseignée</span>;
  return (
    <>
      {frenchDate(situation.closedAt, { weekday: false })}
      {situation.closureReason ? (
        <span className="status-detail">{CLOSURE_REASON_LABELS[situation.closureReason]}</span>
      ) : null}
    </>
  );
}

/** What the retention rules do next: the dry run's step when one is due, the planned day otherwise. */
function NextStep({ situation, step }: { situation: ArchivedSituation; step?: RetentionStep }) {
  const { headline, detail } = archiveNextStep(situation, step);
  return (
    <>
      {headline}
      {detail ? <span className="status-detail">{detail}</span> : null}
    </>
  );
}

function State({ situation }: { situation: ArchivedSituation }) {
  return (
    <span
      className={`status-tag status-tag-${situation.retentionState === 'ANONYMISED' ? 'closed' : 'waiting'}`}
    >
      {RETENTION_STATE_LABELS[situation.retentionState === 'ANONYMISED' ? 'ANONYMISED' : 'ARCHIVED']}
    </span>
  );
}

/** From 768 px: one row per situation. */
function ArchiveTable({ situations, stepOf }: { situations: readonly ArchivedSituation[]; stepOf: StepOf }) {
  return (
    <table className="data-table wide-only">
      <caption className="visually-hidden">
        Situations archivées, la plus anciennement archivée d’abord
      </caption>
      <thead>
        <tr>
          <th scope="col">Situation</th>
          <th scope="col">Close le</th>
          <th scope="col">Archivée le</th>
          <th scope="col">Et ensuite</th>
        </tr>
      </thead>
      <tbody>
        {situations.map((situation) => (
          <tr key={situation.id}>
            <th scope="row">
              <span className="case-code">{situation.caseCode}</span> <State situation={situation} />
              <span className="status-detail">
                Ouverte le {frenchDate(situation.openedAt, { weekday: false })}
              </span>
            </th>
            <td>
              <Closed situation={situation} />
            </td>
            <td>{frenchDate(situation.archivedAt, { weekday: false })}</td>
            <td>
              <NextStep situation={situation} step={stepOf(situation)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Below 768 px: a card per situation. */
function ArchiveCards({ situations, stepOf }: { situations: readonly ArchivedSituation[]; stepOf: StepOf }) {
  return (
    <ul className="cards narrow-only" aria-label="Situations archivées">
      {situations.map((situation) => (
        <li key={situation.id} className="card">
          <p className="card-title">
            <span className="case-code">{situation.caseCode}</span> <State situation={situation} />
          </p>
          <dl className="facts">
            <dt>Ouverte le</dt>
            <dd>{frenchDate(situation.openedAt, { weekday: false })}</dd>
            <dt>Close le</dt>
            <dd>
              <Closed situation={situation} />
            </dd>
            <dt>Archivée le</dt>
            <dd>{frenchDate(situation.archivedAt, { weekday: false })}</dd>
            <dt>Et ensuite</dt>
            <dd>
              <NextStep situation={situation} step={stepOf(situation)} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
