import { canMoveToPhase, FollowUpPhase } from './follow-up.enums';

describe('follow-up phases', () => {
  it('moves forward one phase at a time', () => {
    expect(canMoveToPhase(FollowUpPhase.ORIENTATION, FollowUpPhase.ASSESSMENT)).toBe(true);
    expect(canMoveToPhase(FollowUpPhase.ORIENTATION, FollowUpPhase.SUPPORT)).toBe(false);
    expect(canMoveToPhase(FollowUpPhase.SUPPORT, FollowUpPhase.ASSESSMENT)).toBe(false);
  });

  it('ends only through ending the follow-up', () => {
    expect(canMoveToPhase(FollowUpPhase.HANDOFF, FollowUpPhase.ENDED)).toBe(false);
  });
});
