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

/** Which groups show every action they hold, when the lists are read a page at a time. */
export interface GroupsComplete {
  overdue: boolean;
  toDo: boolean;
  finished: boolean;
}

/**
 * The open actions come soonest due first: once one that is not late has been read, every late
 * one has; « À faire » and « Terminées » are whole when their list has no page left to read.
 */
export function groupsComplete(
  open: { actions: readonly DatedAction[]; hasMore: boolean },
  finished: { hasMore: boolean },
  today: string,
): GroupsComplete {
  const last = open.actions.at(-1);
  return {
    overdue: !open.hasMore || (last !== undefined && !isOverdue(last, today)),
    toDo: !open.hasMore,
    finished: !finished.hasMore,
  };
}
