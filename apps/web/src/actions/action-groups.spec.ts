import { describe, expect, it } from '@jest/globals';
import { groupActions, groupsComplete, isOverdue } from './action-groups';
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

describe('which groups are whole when the lists come a page at a time', () => {
  const late = action('late', '2026-03-01', 'TODO');
  const soon = action('soon', '2026-03-12', 'TODO');

  it('are all whole when no page is left', () => {
    expect(groupsComplete({ actions: [late, soon], hasMore: false }, { hasMore: false }, TODAY)).toEqual({
      overdue: true,
      toDo: true,
      finished: true,
    });
  });

  it('knows every late action is there once one not late has come', () => {
    expect(groupsComplete({ actions: [late, soon], hasMore: true }, { hasMore: true }, TODAY)).toEqual({
      overdue: true,
      toDo: false,
      finished: false,
    });
  });

  it('cannot tell while every action read so far is late, or none was read', () => {
    expect(groupsComplete({ actions: [late], hasMore: true }, { hasMore: false }, TODAY).overdue).toBe(false);
    expect(groupsComplete({ actions: [], hasMore: true }, { hasMore: false }, TODAY).overdue).toBe(false);
  });
});
