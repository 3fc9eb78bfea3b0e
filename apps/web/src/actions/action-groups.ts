import type { ActionStatus } from './action-status';

interface DatedAction {
  id: string;
  dueOn: string;
  status: ActionStatus;
}

/** Still to be done: not done, not cancelled (a blocked action still waits on us). */
export function isOpen(action: { status: ActionStatus }): boolean {
  return action.status === 'TODO' || action.status === 'IN_PROGRESS' || action.status === 'BLOCKED';
}

/** Open and due before today (AAAA-MM-JJ, the reader's day): the due day itself is not late yet. */
export function isOverdue(action: DatedAction, today: string): boolean {
  return isOpen(action) && action.dueOn < today;
}

export interface ActionGroups<Action extends DatedAction> {
  /** Late, the longest overdue first: it has waited the longest. */
  overdue: Action[];
  /** Open and not late, the soonest due first. */
  toDo: Action[];
  /** Done or cancelled, the most recently due first. */
  finished: Action[];
}

const bySoonest = (a: DatedAction, b: DatedAction) =>
  a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);

/** The three groups of « Mes actions »; every action falls in exactly one. */
export function groupActions<Action extends DatedAction>(
  actions: readonly Action[],
  today: string,
): ActionGroups<Action> {
  const overdue = actions.filter((action) => isOverdue(action, today)).sort(bySoonest);
  const toDo = actions.filter((action) => isOpen(action) && !isOverdue(action, today)).sort(bySoonest);
  const finished = actions.filter((action) => !isOpen(action)).sort((a, b) => bySoonest(b, a));
  return { overdue, toDo, finished };
}

/** An action with the referral it was decided for. */
export type ActionOfReferral<Action, Referral> = Action & { referral: Referral };

/**
 * The actions entrusted to my organisation across its referrals. Two referrals about the same
 * person carry the same actions (they are the person's): each action is listed once, with the
 * referral read first (the most recent).
 */
export function collectActions<Action extends { id: string }, Referral>(
  referrals: readonly Referral[],
  actionsOf: (referral: Referral) => readonly Action[],
): ActionOfReferral<Action, Referral>[] {
  const seen = new Map<string, ActionOfReferral<Action, Referral>>();
  for (const referral of referrals) {
    for (const action of actionsOf(referral)) {
      if (!seen.has(action.id)) seen.set(action.id, { ...action, referral });
    }
  }
  return [...seen.values()];
}
