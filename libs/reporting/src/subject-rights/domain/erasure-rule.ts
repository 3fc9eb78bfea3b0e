import { FollowUpPhase } from '@relais/followups';
import { ReferralStatus } from '@relais/referrals';
import { HandoffStatus, SituationStatus } from '@relais/situations';

/** What decides whether the person's data may be erased today, as the coordination reads it. */
export interface ErasureFacts {
  situationStatuses: readonly SituationStatus[];
  referralStatuses: readonly ReferralStatus[];
  followUpPhases: readonly FollowUpPhase[];
  handoffStatuses: readonly HandoffStatus[];
  /** A legal hold placed by the retention rules (litigation, a judicial request). */
  underLegalHold: boolean;
}

/** A referral on which the cell has still to decide. */
const UNDECIDED_REFERRALS: readonly ReferralStatus[] = [
  ReferralStatus.SUBMITTED,
  ReferralStatus.PRE_REVIEW,
  ReferralStatus.NEEDS_CONSENT,
];

/**
 * Why the data may not be erased today, in French; empty when it may.
 *
 * Relais is processed for a task carried out in the public interest and for the coordination of
 * health and social care (RGPD articles 6.1.e and 9.2.h). The right to erasure then holds once the
 * data is no longer necessary to those purposes (article 17.1.a), or after an objection the cell
 * cannot overrule (17.1.c); it gives way while the data is still needed for that task (17.3.b) or
 * for a legal claim (17.3.e). So:
 * - refused while the cell still acts for the person: a situation not closed, a referral awaiting
 *   its decision, a follow-up not ended, a hand-off awaiting the receiver's answer — erasing would
 *   stop the coordination the person is receiving (she may instead object or ask for limitation);
 * - refused under a legal hold (17.3.e);
 * - otherwise allowed now, before the end of the retention period: once everything is closed the
 *   cell keeps the data only in case it is needed again, which her request rules out. The audit
 *   log and the anonymous figures stay (they hold no data about her but ids and counts).
 */
export function erasureRefusals(facts: ErasureFacts): string[] {
  const reasons: string[] = [];
  if (facts.situationStatuses.some((status) => status !== SituationStatus.CLOSED)) {
    reasons.push('une situation de la personne est encore suivie par la cellule');
  }
  if (facts.referralStatuses.some((status) => UNDECIDED_REFERRALS.includes(status))) {
    reasons.push('une saisine la concernant attend la décision de la cellule');
  }
  if (facts.followUpPhases.some((phase) => phase !== FollowUpPhase.ENDED)) {
    reasons.push('un accompagnement est en cours');
  }
  if (facts.handoffStatuses.some((status) => status === HandoffStatus.PROPOSED)) {
    reasons.push('un passage de relais attend la réponse du service qui le reçoit');
  }
  if (facts.underLegalHold) {
    reasons.push('ses données sont conservées pour un contentieux ou une réquisition (gel juridique)');
  }
  return reasons;
}
