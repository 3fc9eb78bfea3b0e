import { readFragment } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { countWords } from '../inbox/inbox-words';
import { useConnectionList } from '../inbox/use-cursor-list';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDate } from '../ui/written-dates';
import { HandoffStatusTag } from './handoff-status';
import { proposedAgoWords, remindersWords } from './handoff-words';
import { HandoffFields, incomingPaths, IncomingHandoffsQuery } from './handoffs.operations';
import type { HandoffView } from './handoffs.operations';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './handoffs.css';

const PAGE_SIZE = 20;

/**
 * « Relais reçus »: the hand-offs proposed to my organisation, those awaiting our answer first (the
 * longest waiting at the top), then those answered — in the api's order, a page at a time.
 */
export function IncomingHandoffsPage() {
  usePageTitle('Relais reçus');
  const list = useConnectionList(IncomingHandoffsQuery, { status: null }, PAGE_SIZE, 'incomingHandoffs');
  const handoffs = list.nodes?.map((node) => readFragment(HandoffFields, node));
  const toAnswer = handoffs?.filter((handoff) => handoff.status === 'PROPOSED') ?? [];
  const answered = handoffs?.filter((handoff) => handoff.status !== 'PROPOSED') ?? [];

  return (
    <>
      <h1>Relais reçus</h1>
      <p className="lead reading-width">
        Les passages de relais qu’une équipe d’accompagnement ou la coordination propose à votre organisation
        : lisez ce qui vous est transmis, puis acceptez ou déclinez.
      </p>
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      {!handoffs ? (
        list.error ? null : (
          <p role="status">Chargement des relais reçus…</p>
        )
      ) : (
        <>
          <section aria-labelledby="a-repondre" className="handoffs-section">
            <h2 id="a-repondre">
              À répondre{' '}
              <span className="count">({countWords(toAnswer.length, list.hasMore && !answered.length)})</span>
            </h2>
            {toAnswer.length ? (
              <ToAnswer handoffs={toAnswer} />
            ) : (
              <p className="reading-width">
                Aucun relais n’attend votre réponse. Quand une équipe ou la coordination propose à votre
                organisation de prendre le relais d’une personne, il apparaît ici, avec son document.
              </p>
            )}
          </section>
          <section aria-labelledby="deja-repondus" className="handoffs-section">
            <h2 id="deja-repondus">Déjà répondus</h2>
            {answered.length ? (
              <Answered handoffs={answered} />
            ) : (
              <p className="muted">Vous n’avez encore répondu à aucun relais.</p>
            )}
          </section>
          {list.hasMore ? (
            <Button variant="quiet" isPending={list.loadingMore} onPress={() => void list.showMore()}>
              Afficher plus de relais
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

function CaseLink({ handoff }: { handoff: HandoffView }) {
  return (
    <Link to={incomingPaths.handoff(handoff.id)} className="case-code">
      {handoff.caseCode}
    </Link>
  );
}

/** From 768 px a table, below a card each: who proposes, for how long, reminders, what to do. */
function ToAnswer({ handoffs }: { handoffs: readonly HandoffView[] }) {
  return (
    <>
      <table className="data-table wide-only">
        <caption className="visually-hidden">Relais à répondre, le plus ancien d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Proposé par</th>
            <th scope="col">Depuis</th>
            <th scope="col">Relances reçues</th>
            <th scope="col">Et ensuite</th>
          </tr>
        </thead>
        <tbody>
          {handoffs.map((handoff) => (
            <tr key={handoff.id}>
              <th scope="row">
                <CaseLink handoff={handoff} />
              </th>
              <td>{handoff.proposedByOrganisationName}</td>
              <td>{proposedAgoWords(handoff.proposedAt)}</td>
              <td>{remindersWords(handoff.remindersSentAt)}</td>
              <td>
                <Link to={incomingPaths.handoff(handoff.id)}>
                  Lire, puis accepter ou décliner
                  <span className="visually-hidden"> le relais {handoff.caseCode}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="cards narrow-only" aria-label="Relais à répondre">
        {handoffs.map((handoff) => (
          <li key={handoff.id} className="card">
            <p className="card-title">
              <CaseLink handoff={handoff} />
            </p>
            <dl className="facts">
              <dt>Proposé par</dt>
              <dd>{handoff.proposedByOrganisationName}</dd>
              <dt>Depuis</dt>
              <dd>{proposedAgoWords(handoff.proposedAt)}</dd>
              <dt>Relances reçues</dt>
              <dd>{remindersWords(handoff.remindersSentAt)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function Answer({ handoff }: { handoff: HandoffView }) {
  return (
    <>
      <HandoffStatusTag handoff={handoff} />
      {handoff.answeredAt ? (
        <span className="status-detail">le {frenchDate(handoff.answeredAt, { weekday: false })}</span>
      ) : null}
      {handoff.declineReason ? (
        <span className="status-detail multiline">Motif : {handoff.declineReason}</span>
      ) : null}
    </>
  );
}

function Answered({ handoffs }: { handoffs: readonly HandoffView[] }) {
  return (
    <>
      <table className="data-table wide-only">
        <caption className="visually-hidden">Relais répondus, le plus récent d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Proposé par</th>
            <th scope="col">Proposé le</th>
            <th scope="col">Votre réponse</th>
          </tr>
        </thead>
        <tbody>
          {handoffs.map((handoff) => (
            <tr key={handoff.id}>
              <th scope="row">
                <CaseLink handoff={handoff} />
              </th>
              <td>{handoff.proposedByOrganisationName}</td>
              <td>{frenchDate(handoff.proposedAt, { weekday: false })}</td>
              <td>
                <Answer handoff={handoff} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="cards narrow-only" aria-label="Relais répondus">
        {handoffs.map((handoff) => (
          <li key={handoff.id} className="card">
            <p className="card-title">
              <CaseLink handoff={handoff} />
            </p>
            <dl className="facts">
              <dt>Proposé par</dt>
              <dd>{handoff.proposedByOrganisationName}</dd>
              <dt>Votre réponse</dt>
              <dd>
                <Answer handoff={handoff} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
