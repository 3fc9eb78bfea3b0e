import { ReferralStatus } from './referral-status';
import { inOrderOfOccurrence } from './transition-order';

const at = (iso: string) => new Date(iso);
const move = (fromStatus: ReferralStatus | null, toStatus: ReferralStatus, occurredAt: Date) => ({
  fromStatus,
  toStatus,
  occurredAt,
});

describe('a referral’s transitions in order', () => {
  const moment = at('2026-12-04T10:00:00.000Z');

  it('orders moves of one moment by what each starts from, whatever order the database gave', () => {
    const draft = move(null, ReferralStatus.DRAFT, moment);
    const submitted = move(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED, moment);
    const review = move(ReferralStatus.SUBMITTED, ReferralStatus.PRE_REVIEW, moment);
    const accepted = move(ReferralStatus.PRE_REVIEW, ReferralStatus.ACCEPTED, moment);
    expect(inOrderOfOccurrence([review, accepted, draft, submitted])).toEqual([
      draft,
      submitted,
      review,
      accepted,
    ]);
  });

  it('keeps the order of moments first, and chains a tie from the move before it', () => {
    const draft = move(null, ReferralStatus.DRAFT, at('2026-12-04T09:00:00.000Z'));
    const submitted = move(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED, moment);
    const review = move(ReferralStatus.SUBMITTED, ReferralStatus.PRE_REVIEW, moment);
    const later = move(ReferralStatus.PRE_REVIEW, ReferralStatus.ACCEPTED, at('2026-12-04T11:00:00.000Z'));
    expect(inOrderOfOccurrence([later, review, submitted, draft])).toEqual([draft, submitted, review, later]);
  });

  it('keeps every move even when a tie does not chain', () => {
    const one = move(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED, moment);
    const other = move(ReferralStatus.PRE_REVIEW, ReferralStatus.ACCEPTED, moment);
    expect(inOrderOfOccurrence([other, one])).toHaveLength(2);
  });
});
