import { FollowUpPhase } from '@relais/followups';
import { ReferralStatus } from '@relais/referrals';
import { HandoffStatus, SituationStatus } from '@relais/situations';
import { erasureRefusals, ErasureFacts } from './erasure-rule';

const closed: ErasureFacts = {
  situationStatuses: [SituationStatus.CLOSED],
  referralStatuses: [ReferralStatus.ACCEPTED, ReferralStatus.REDIRECTED],
  followUpPhases: [FollowUpPhase.ENDED],
  handoffStatuses: [HandoffStatus.ACCEPTED, HandoffStatus.DECLINED],
  underLegalHold: false,
};

describe('erasureRefusals', () => {
  it('allows erasure once every situation, referral, follow-up and hand-off is over', () => {
    expect(erasureRefusals(closed)).toEqual([]);
    expect(
      erasureRefusals({ ...closed, situationStatuses: [], followUpPhases: [], handoffStatuses: [] }),
    ).toEqual([]);
  });

  it('refuses, saying why in French, while the cell still acts or a legal hold stands', () => {
    expect(
      erasureRefusals({
        situationStatuses: [SituationStatus.CLOSED, SituationStatus.ACTIONS_IN_PROGRESS],
        referralStatuses: [ReferralStatus.PRE_REVIEW],
        followUpPhases: [FollowUpPhase.SUPPORT],
        handoffStatuses: [HandoffStatus.PROPOSED],
        underLegalHold: true,
      }),
    ).toEqual([
      'une situation de la personne est encore suivie par la cellule',
      'une saisine la concernant attend la décision de la cellule',
      'un accompagnement est en cours',
      'un passage de relais attend la réponse du service qui le reçoit',
      'ses données sont conservées pour un contentieux ou une réquisition (gel juridique)',
    ]);
  });
});
