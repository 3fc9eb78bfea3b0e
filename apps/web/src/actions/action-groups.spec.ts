import { describe, expect, it } from '@jest/globals';
import { collectActions, groupActions, isOverdue } from './action-groups';
import type { ActionStatus } from './action-status';

const TODAY = '2026-03-10';
const action = (id: string, dueOn: string, status: ActionStatus) => ({ id, dueOn, status });

describe('the groups of « Mes actions »', () => {
  it('puts each action in exactly one group: late, to do, finished', () => {
    const actions = [
      action('late-blocked', '2026-03-02', 'BLOCKED'),
      action('due-today', '2026-03-10', 'TODO'),
      action('late-old', '2026-02-01', 'IN_PROGRESS'),
      action('later', '2026-04-01', 'TODO'),
      action('done-late', '2026-02-01', 'DONE'),
      action('cancelled', '2026-03-05', 'CANCELLED'),
    ];
    const groups = groupActions(actions, TODAY);
    expect(groups.overdue.map((entry) => entry.id)).toEqual(['late-old', 'late-blocked']);
    expect(groups.toDo.map((entry) => entry.id)).toEqual(['due-today', 'later']);
    expect(groups.finished.map((entry) => entry.id)).toEqual(['cancelled', 'done-late']);
  });

  it('never calls a finished action late', () => {
    expect(isOverdue(action('a', '2020-01-01', 'DONE'), TODAY)).toBe(false);
    expect(isOverdue(action('b', '2020-01-01', 'CANCELLED'), TODAY)).toBe(false);
    expect(isOverdue(action('c', '2026-03-09', 'TODO'), TODAY)).toBe(true);
    expect(isOverdue(action('d', TODAY, 'TODO'), TODAY)).toBe(false);
  });
});

describe('collecting the actions across referrals', () => {
  it('lists an action shared by two referrals of the same person once, with the first referral', () => {
    const shared = action('shared', '2026-03-20', 'TODO');
    const referrals = [
      { id: 'recent', actions: [shared, action('own', '2026-03-21', 'TODO')] },
      { id: 'older', actions: [shared] },
      { id: 'none', actions: [] },
    ];
    const collected = collectActions(referrals, (referral) => referral.actions);
    expect(collected.map((entry) => [entry.id, entry.referral.id])).toEqual([
      ['shared', 'recent'],
      ['own', 'recent'],
    ]);
  });
});
