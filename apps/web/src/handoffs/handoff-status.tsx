import { HANDOFF_STATUS_LABELS } from '../situations/situation-words';
import { frenchDate } from '../ui/written-dates';
import { HANDOFF_STATUS_TONES } from './handoff-words';
import type { HandoffView } from './handoffs.operations';

type Answered = Pick<HandoffView, 'status' | 'answeredAt' | 'declineReason'>;

/** The hand-off's status in the words every page uses, its colour a second cue. */
export function HandoffStatusTag({ handoff }: { handoff: Pick<HandoffView, 'status'> }) {
  return (
    <span className={`status-tag status-tag-${HANDOFF_STATUS_TONES[handoff.status]}`}>
      {HANDOFF_STATUS_LABELS[handoff.status]}
    </span>
  );
}

/** In a list of facts: when the receiving service answered, and why it declined (nothing before). */
export function HandoffAnswerFacts({ handoff }: { handoff: Answered }) {
  return (
    <>
      {handoff.answeredAt ? (
        <>
          <dt>{handoff.status === 'DECLINED' ? 'Décliné le' : 'Accepté le'}</dt>
          <dd>{frenchDate(handoff.answeredAt)}</dd>
        </>
      ) : null}
      {handoff.declineReason ? (
        <>
          <dt>Motif du refus</dt>
          <dd className="multiline">{handoff.declineReason}</dd>
        </>
      ) : null}
    </>
  );
}
