import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../administration/confirm-dialog';
import { readFragment } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { frenchDate } from '../ui/written-dates';
import { HandoffAnswerFacts, HandoffStatusTag } from './handoff-status';
import { remindersWords } from './handoff-words';
import {
  EndFollowUpMutation,
  handoffDocumentPath,
  HandoffFields,
  HandoffFollowUpQuery,
  proposeHandoffPath,
  SituationHandoffsQuery,
} from './handoffs.operations';
import type { HandoffView } from './handoffs.operations';
import '../referrals/referrals.css';
import '../situations/situations.css';
import './handoffs.css';

/**
 * A follow-up's hand-offs, for its page: to whom, where each stands (proposed, answered when, why
 * declined, reminders sent), proposing another, and closing the follow-up once one is accepted.
 */
export function FollowUpHandoffsSection({
  followUpId,
  situationId,
}: {
  followUpId: string;
  situationId: string;
}) {
  const [followUp] = useQuery({ query: HandoffFollowUpQuery, variables: { followUpId } });
  const [list, reread] = useQuery({ query: SituationHandoffsQuery, variables: { situationId } });
  const [, endFollowUp] = useMutation(EndFollowUpMutation);
  const [closed, setClosed] = useState(false);
  // The situation's hand-offs proposed from this follow-up (the cell's own are on the situation's page).
  const handoffs = list.data?.handoffs
    .map((handoff) => readFragment(HandoffFields, handoff))
    .filter((handoff) => handoff.followUpId === followUpId);
  const ended = closed || followUp.data?.followUp.phase === 'ENDED';
  const accepted = handoffs?.some((handoff) => handoff.status === 'ACCEPTED') ?? false;

  return (
    <section className="situation-section" aria-labelledby="passages-de-relais">
      <h2 id="passages-de-relais">Passages de relais</h2>
      {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
      {!handoffs ? (
        list.error ? null : (
          <p role="status">Chargement des passages de relais…</p>
        )
      ) : handoffs.length ? (
        <ul className="handoff-list">
          {handoffs.map((handoff) => (
            <HandoffLine key={handoff.id} handoff={handoff} />
          ))}
        </ul>
      ) : (
        <p className="reading-width">
          Aucun passage de relais pour l’instant. Quand l’accompagnement touche à sa fin, proposez le relais à
          un service de droit commun (CMP, SAVS, service social) que l’accord de la personne nomme.
        </p>
      )}
      {closed ? (
        <Notice tone="success">L’accompagnement est clos : le relais est passé.</Notice>
      ) : ended ? (
        <p>L’accompagnement est terminé.</p>
      ) : (
        <div className="button-row">
          <Link to={proposeHandoffPath(followUpId)}>Proposer un passage de relais</Link>
          {accepted ? (
            <ConfirmDialog
              trigger="Clore l’accompagnement (relais passé)"
              context=""
              title="Clore l’accompagnement ?"
              confirm="Clore l’accompagnement"
              run={() => endFollowUp({ followUpId })}
              onDone={() => {
                setClosed(true);
                reread({ requestPolicy: 'network-only' });
              }}
            >
              <p>
                Le relais est accepté : l’accompagnement se termine, l’équipe n’y enregistre plus de visite.
                Ce n’est pas réversible. Un relais encore sans réponse doit d’abord recevoir la sienne.
              </p>
            </ConfirmDialog>
          ) : null}
        </div>
      )}
    </section>
  );
}

function HandoffLine({ handoff }: { handoff: HandoffView }) {
  return (
    <li className="handoff-line">
      <p className="handoff-line-title">
        <strong>Vers {handoff.receivingOrganisationName}</strong> <HandoffStatusTag handoff={handoff} />
      </p>
      <dl className="facts">
        <dt>Proposé le</dt>
        <dd>
          {frenchDate(handoff.proposedAt)} par {handoff.proposedByOrganisationName}
        </dd>
        <HandoffAnswerFacts handoff={handoff} />
        {handoff.status === 'PROPOSED' || handoff.remindersSentAt.length ? (
          <>
            <dt>Relances</dt>
            <dd>{remindersWords(handoff.remindersSentAt)}</dd>
          </>
        ) : null}
      </dl>
      <a href={handoffDocumentPath(handoff.id)} download>
        Télécharger le document
        <span className="visually-hidden"> du relais vers {handoff.receivingOrganisationName}</span> (PDF)
      </a>
    </li>
  );
}
