import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../administration/confirm-dialog';
import { readFragment } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { DecisionDialog } from '../inbox/decision-dialog';
import { NotFoundPage } from '../pages/not-found-page';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDate } from '../ui/written-dates';
import { HandoffSummary } from './handoff-summary';
import { HandoffAnswerFacts, HandoffStatusTag } from './handoff-status';
import { proposedAgoWords, remindersWords } from './handoff-words';
import {
  AnswerHandoffMutation,
  handoffDocumentPath,
  HandoffFields,
  HandoffQuery,
  incomingPaths,
} from './handoffs.operations';
import type { HandoffView } from './handoffs.operations';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './handoffs.css';

/** The api answers these alike for a hand-off that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * A hand-off proposed to my organisation, as the gate lets me read it: who proposes it and since
 * when, the reminders received, what is handed over, its document; then accept it, or decline it
 * with a reason the proposer will read.
 */
export function IncomingHandoffPage({ handoffId }: { handoffId: string }) {
  const [result] = useQuery({ query: HandoffQuery, variables: { handoffId } });
  const read = result.data ? readFragment(HandoffFields, result.data.handoff) : undefined;
  // The answer the api sent back replaces what was read (the list pages read again on their own).
  const [answered, setAnswered] = useState<HandoffView>();
  const handoff = answered ?? read;
  usePageTitle(handoff ? `Relais reçu — ${handoff.caseCode}` : 'Relais reçu');
  if (!handoff) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Relais reçu</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement du relais…</p>
        )}
      </>
    );
  }
  return <IncomingHandoffView handoff={handoff} onAnswered={setAnswered} />;
}

function IncomingHandoffView({
  handoff,
  onAnswered,
}: {
  handoff: HandoffView;
  onAnswered(handoff: HandoffView): void;
}) {
  const [, answer] = useMutation(AnswerHandoffMutation);
  const [told, setTold] = useState<string>();
  const announcement = useRef<HTMLDivElement>(null);
  useFocusOnChange(announcement, told);

  // The page changes once the dialog has closed, so that its focus goes back before the news takes it.
  const answered = useRef<{ handoff: HandoffView; told: string }>(undefined);
  const run = async (accept: boolean, reason?: string) => {
    const result = await answer({ input: { handoffId: handoff.id, accept, reason: reason ?? null } });
    if (result.data) {
      answered.current = {
        handoff: readFragment(HandoffFields, result.data.answerHandoff),
        told: accept
          ? `Vous avez accepté le relais. ${handoff.proposedByOrganisationName} en est informé et peut clore son accompagnement.`
          : `Vous avez décliné le relais. ${handoff.proposedByOrganisationName} lira votre motif.`,
      };
    }
    return { error: result.error };
  };
  const showAnswer = () => {
    if (!answered.current) return;
    onAnswered(answered.current.handoff);
    setTold(answered.current.told);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={incomingPaths.list}>Retour aux relais reçus</Link>
      </p>
      <h1>Relais proposé — situation {handoff.caseCode}</h1>
      <p className="lead">
        <HandoffStatusTag handoff={handoff} />
      </p>
      {told ? (
        <div ref={announcement} tabIndex={-1} className="announcement">
          <Notice tone="success">{told}</Notice>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Proposé par</dt>
        <dd>{handoff.proposedByOrganisationName}</dd>
        <dt>Proposé à</dt>
        <dd>{handoff.receivingOrganisationName}</dd>
        <dt>Proposé le</dt>
        <dd>
          {frenchDate(handoff.proposedAt)}
          {handoff.status === 'PROPOSED' ? ` (${proposedAgoWords(handoff.proposedAt)})` : ''}
        </dd>
        <dt>Relances reçues</dt>
        <dd>{remindersWords(handoff.remindersSentAt)}</dd>
        <HandoffAnswerFacts handoff={handoff} />
      </dl>

      <section aria-labelledby="ce-qui-est-transmis" className="handoffs-section">
        <h2 id="ce-qui-est-transmis">Ce qui vous est transmis</h2>
        <HandoffSummary content={handoff} />
        <p>
          {/* A plain link: the api serves the PDF to the session cookie for a same-origin link. */}
          <a href={handoffDocumentPath(handoff.id)} download>
            Télécharger le document de passage de relais (PDF)
          </a>
        </p>
      </section>

      {handoff.status === 'PROPOSED' ? (
        <section aria-labelledby="votre-reponse" className="handoffs-section">
          <h2 id="votre-reponse">Votre réponse</h2>
          <p className="reading-width">
            En acceptant, votre service prend le relais de l’accompagnement de cette personne. En déclinant,
            dites pourquoi : {handoff.proposedByOrganisationName} lira votre motif.
          </p>
          <div className="button-row">
            <ConfirmDialog
              trigger="Accepter le relais"
              context={`de la situation ${handoff.caseCode}`}
              title="Accepter ce passage de relais ?"
              confirm="Accepter le relais"
              run={() => run(true)}
              onDone={showAnswer}
            >
              <p>
                Votre service prend le relais pour la situation {handoff.caseCode}.{' '}
                {handoff.proposedByOrganisationName} en sera informé et pourra clore son accompagnement. Votre
                réponse ne pourra plus être changée.
              </p>
            </ConfirmDialog>
            <DecisionDialog
              trigger="Décliner le relais"
              context={`de la situation ${handoff.caseCode}`}
              title="Décliner ce passage de relais"
              reason={{
                label: 'Pourquoi déclinez-vous ce relais ?',
                hint: `${handoff.proposedByOrganisationName} lira ce motif : dites ce qui manque ou vers qui orienter.`,
                required: 'Dites pourquoi vous déclinez ce relais.',
              }}
              confirm="Décliner le relais"
              run={(values) => run(false, values.reason)}
              onDone={showAnswer}
            >
              <p>
                Le relais ne sera pas pris par votre service. {handoff.proposedByOrganisationName} verra votre
                motif et pourra proposer le relais à un autre service.
              </p>
            </DecisionDialog>
          </div>
        </section>
      ) : null}
    </>
  );
}
