import { describe, expect, it } from '@jest/globals';
import type { ActionStatus } from '../actions/action-status';
import { nextStepOf, sortByAttention } from './my-referrals-order';
import type { ReferralStatus } from './referral-labels';

const TODAY = '2026-03-10';

function referral(
  id: string,
  status: ReferralStatus,
  submittedAt: string | null,
  actions: { dueOn: string; status: ActionStatus }[] = [],
) {
  return {
    id,
    status,
    submittedAt,
    actionsForMyOrganisation: actions.map((action, index) => ({ id: `${id}-${index}`, ...action })),
  };
}

describe('what a referral asks of my organisation', () => {
  it('puts a consent the cell asked for before anything else', () => {
    const step = nextStepOf(
      referral('a', 'NEEDS_CONSENT', '2026-03-01T09:00:00Z', [{ dueOn: '2026-03-01', status: 'TODO' }]),
      TODAY,
    );
    expect(step).toEqual({ attention: 'consent-requested', openActions: 1, overdueActions: 1 });
  });

  it('counts open actions, late only once their due day has passed', () => {
    const actions: { dueOn: string; status: ActionStatus }[] = [
      { dueOn: '2026-03-09', status: 'IN_PROGRESS' },
      { dueOn: '2026-03-10', status: 'TODO' },
      { dueOn: '2026-03-01', status: 'DONE' },
      { dueOn: '2026-03-01', status: 'CANCELLED' },
      { dueOn: '2026-03-02', status: 'BLOCKED' },
    ];
    expect(nextStepOf(referral('a', 'ACCEPTED', '2026-02-01T09:00:00Z', actions), TODAY)).toEqual({
      attention: 'overdue-actions',
      openActions: 3,
      overdueActions: 2,
    });
    expect(
      nextStepOf(referral('b', 'ACCEPTED', '2026-02-01T09:00:00Z', [actions[1]!]), TODAY).attention,
    ).toBe('open-actions');
  });

  it('asks to finish a draft, and nothing of a referral the cell has in hand', () => {
    expect(nextStepOf(referral('a', 'DRAFT', null), TODAY).attention).toBe('draft');
    expect(nextStepOf(referral('b', 'PRE_REVIEW', '2026-03-01T09:00:00Z'), TODAY).attention).toBe('none');
    expect(
      nextStepOf(
        referral('c', 'ACCEPTED', '2026-03-01T09:00:00Z', [{ dueOn: '2026-01-01', status: 'DONE' }]),
        TODAY,
      ).attention,
    ).toBe('none');
  });
});

describe('the order of « Mes saisines »', () => {
  it('lists what needs my attention first, then the most recently sent, unsent ones last', () => {
    // In the api's order: the most recently created first.
    const referrals = [
      referral('sent-old', 'PRE_REVIEW', '2026-01-05T09:00:00Z'),
      referral('draft-new', 'DRAFT', null),
      referral('late', 'ACCEPTED', '2025-12-01T09:00:00Z', [{ dueOn: '2026-02-01', status: 'TODO' }]),
      referral('withdrawn-draft', 'WITHDRAWN', null),
      referral('sent-new', 'SUBMITTED', '2026-03-09T09:00:00Z'),
      referral('draft-old', 'DRAFT', null),
      referral('consent', 'NEEDS_CONSENT', '2026-02-01T09:00:00Z'),
      referral('to-do', 'ACCEPTED', '2026-02-10T09:00:00Z', [{ dueOn: '2026-04-01', status: 'TODO' }]),
    ];
    expect(sortByAttention(referrals, TODAY).map((entry) => entry.id)).toEqual([
      'consent',
      'late',
      'draft-new',
      'draft-old',
      'to-do',
      'sent-new',
      'sent-old',
      'withdrawn-draft',
    ]);
  });

  it('leaves the list it was given untouched', () => {
    const referrals = [
      referral('a', 'ACCEPTED', '2026-01-01T09:00:00Z'),
      referral('b', 'NEEDS_CONSENT', null),
    ];
    sortByAttention(referrals, TODAY);
    expect(referrals.map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});
