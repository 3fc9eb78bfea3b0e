import { ReferralStatus } from './referral-status';

/** What ordering a referral's transitions needs of them. */
export interface OrderedTransition {
  readonly fromStatus: ReferralStatus | null;
  readonly toStatus: ReferralStatus;
  readonly occurredAt: Date;
}

/**
 * One referral's transitions in the order they happened. Moves made within one millisecond (two in
 * one request, or under a stopped test clock) share their moment, and Postgres returns ties in any
 * order: within a tie, each move follows the one it starts from (its `fromStatus` is the previous
 * `toStatus`), as the lifecycle wrote them.
 */
export function inOrderOfOccurrence<T extends OrderedTransition>(transitions: readonly T[]): T[] {
  const byMoment = [...transitions].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const ordered: T[] = [];
  let start = 0;
  while (start < byMoment.length) {
    let end = start + 1;
    const moment = byMoment[start].occurredAt.getTime();
    while (end < byMoment.length && byMoment[end].occurredAt.getTime() === moment) end += 1;
    const tied = byMoment.slice(start, end);
    while (tied.length) {
      const previous = ordered.length ? ordered[ordered.length - 1].toStatus : null;
      const next = tied.findIndex((transition) => transition.fromStatus === previous);
      ordered.push(...tied.splice(next === -1 ? 0 : next, 1));
    }
    start = end;
  }
  return ordered;
}
