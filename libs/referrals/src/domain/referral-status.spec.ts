import { canMoveReferral, FHIR_TASK_STATUS, REFERRAL_TRANSITIONS, ReferralStatus } from './referral-status';
import { purposesAllowedFor } from './consent-purposes';
import { ReferralRequest } from './referral-form.enums';

describe('referral lifecycle', () => {
  it('lets the referrer withdraw only before the cell decided', () => {
    const withdrawable = Object.values(ReferralStatus).filter((status) =>
      canMoveReferral(status, ReferralStatus.WITHDRAWN),
    );
    expect(withdrawable.sort()).toEqual(['DRAFT', 'NEEDS_CONSENT', 'PRE_REVIEW', 'SUBMITTED']);
  });

  it('accepts only after the anonymous pre-review', () => {
    expect(canMoveReferral(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED)).toBe(false);
    expect(canMoveReferral(ReferralStatus.PRE_REVIEW, ReferralStatus.ACCEPTED)).toBe(true);
    expect(canMoveReferral(ReferralStatus.DRAFT, ReferralStatus.PRE_REVIEW)).toBe(false);
  });

  it('ends in accepted, redirected or withdrawn', () => {
    for (const final of [ReferralStatus.ACCEPTED, ReferralStatus.REDIRECTED, ReferralStatus.WITHDRAWN]) {
      expect(REFERRAL_TRANSITIONS[final]).toEqual([]);
    }
  });

  it('maps every status to a FHIR Task status', () => {
    expect(FHIR_TASK_STATUS.NEEDS_CONSENT).toBe('on-hold');
    expect(FHIR_TASK_STATUS.PRE_REVIEW).toBe('received');
    expect(Object.keys(FHIR_TASK_STATUS).sort()).toEqual(Object.values(ReferralStatus).sort());
  });

  it('limits a consent to what the referral asks', () => {
    expect([...purposesAllowedFor([ReferralRequest.ADVICE])].sort()).toEqual([
      'CELL_EXAMINATION',
      'INFORMATION_SHARING',
    ]);
    expect(purposesAllowedFor([ReferralRequest.FOLLOW_UP_ASSESSMENT]).has('FOLLOW_UP' as never)).toBe(true);
  });
});
