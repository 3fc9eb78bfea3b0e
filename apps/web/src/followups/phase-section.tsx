import { useMutation } from 'urql';
import { ConfirmDialog } from '../administration/confirm-dialog';
import { frenchCalendarDate } from '../ui/written-dates';
import { FollowUpSection } from './follow-up-section';
import { MoveFollowUpToPhaseMutation } from './follow-ups.operations';
import type { FollowUpDetail } from './follow-ups.operations';
import {
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_PHASE_LABELS,
  nextPhase,
  PHASE_DESCRIPTIONS,
  PHASE_ORDER,
  renewalsWords,
  replacementWords,
  TEAM_ROLE_LABELS,
} from './follow-up-words';

/**
 * Where the follow-up stands: its phase among all, the next one and the move to it (the api decides
 * whether it is allowed: the support phase needs the three seats held), its dates and renewals.
 */
export function PhaseSection({
  followUp,
  onMoved,
}: {
  followUp: FollowUpDetail;
  onMoved(message: string): void;
}) {
  const [, move] = useMutation(MoveFollowUpToPhaseMutation);
  const next = nextPhase(followUp.phase);
  const current = PHASE_ORDER.indexOf(followUp.phase);
  return (
    <FollowUpSection id="ou-en-est" title="Où en est l’accompagnement">
      <dl className="facts">
        <dt>Type</dt>
        <dd>{FOLLOW_UP_KIND_LABELS[followUp.kind]}</dd>
        <dt>Phase</dt>
        <dd>
          <strong>{FOLLOW_UP_PHASE_LABELS[followUp.phase]}</strong> — {PHASE_DESCRIPTIONS[followUp.phase]}
        </dd>
        <dt>Phase suivante</dt>
        <dd>
          {next
            ? FOLLOW_UP_PHASE_LABELS[next]
            : followUp.phase === 'ENDED'
              ? 'Aucune : l’accompagnement est terminé.'
              : 'Fin de l’accompagnement, une fois le relais passé.'}
        </dd>
        <dt>Début</dt>
        <dd>{frenchCalendarDate(followUp.startedOn)}</dd>
        <dt>Fin prévue</dt>
        <dd>{frenchCalendarDate(followUp.plannedEndOn)}</dd>
        <dt>Renouvellements</dt>
        <dd>{renewalsWords(followUp.renewals)}</dd>
        <dt>Prochain réexamen</dt>
        <dd>
          {followUp.nextReviewOn
            ? `${frenchCalendarDate(followUp.nextReviewOn)}, par la cellule`
            : 'Aucun prévu par la cellule'}
        </dd>
        {followUp.myReplacement ? (
          <>
            <dt>Votre place</dt>
            <dd>
              {replacementWords(followUp.myReplacement)} ({TEAM_ROLE_LABELS[followUp.myReplacement.role]})
            </dd>
          </>
        ) : null}
      </dl>
      <ol className="phase-steps" aria-label="Les phases de l’accompagnement">
        {PHASE_ORDER.map((phase, index) => (
          <li
            key={phase}
            aria-current={index === current ? 'step' : undefined}
            className={index < current ? 'phase-done' : index === current ? 'phase-current' : undefined}
          >
            {index < current ? <span aria-hidden="true">✓ </span> : null}
            {FOLLOW_UP_PHASE_LABELS[phase]}
            <span className="visually-hidden">
              {index < current ? ' (franchie)' : index === current ? ' (en cours)' : ' (à venir)'}
            </span>
          </li>
        ))}
      </ol>
      {next ? (
        <ConfirmDialog
          trigger={`Passer à la phase « ${FOLLOW_UP_PHASE_LABELS[next]} »`}
          context={`pour ${followUp.caseCode}`}
          title={`Passer à la phase « ${FOLLOW_UP_PHASE_LABELS[next]} » ?`}
          confirm={`Passer à la phase « ${FOLLOW_UP_PHASE_LABELS[next]} »`}
          run={() => move({ followUpId: followUp.id, phase: next })}
          onDone={() => onMoved(`L’accompagnement est passé en phase « ${FOLLOW_UP_PHASE_LABELS[next]} ».`)}
        >
          <p>
            {PHASE_DESCRIPTIONS[next]} On ne revient pas à une phase franchie : toute l’équipe verra
            l’accompagnement en phase « {FOLLOW_UP_PHASE_LABELS[next]} ».
          </p>
        </ConfirmDialog>
      ) : null}
    </FollowUpSection>
  );
}
