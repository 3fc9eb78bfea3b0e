/**
 * Time in the meeting, as the room reads it: each item's elapsed time against its time box, and
 * what remains of a revealed identity. Pure, so that the screen's ticking is tested without a clock.
 */

/** « 4 min 05 s », « 45 s », « 1 h 02 min » (whole seconds, never negative). */
export function spokenDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes) return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  return `${rest} s`;
}

/** Time spent on each item so far: what earlier visits added up, plus the visit going on. */
export interface ItemTimes {
  /** Milliseconds already spent on each item, by id. */
  spent: Readonly<Record<string, number>>;
  /** The item on screen and since when (a monotonic reading, `performance.now()`). */
  current?: { itemId: string; since: number };
}

/** The item `itemId` comes on screen at `now`: the visit going on is added to its item's time. */
export function showItem(times: ItemTimes, itemId: string, now: number): ItemTimes {
  const spent = { ...times.spent };
  if (times.current) {
    const { itemId: shown, since } = times.current;
    spent[shown] = (spent[shown] ?? 0) + Math.max(0, now - since);
  }
  return { spent, current: { itemId, since: now } };
}

/** No item on screen any more (the attendance or the end of the meeting is shown). */
export function leaveItems(times: ItemTimes, now: number): ItemTimes {
  if (!times.current) return times;
  const { spent } = showItem(times, times.current.itemId, now);
  return { spent };
}

/** Milliseconds spent on `itemId` up to `now`. */
export function elapsedOn(times: ItemTimes, itemId: string, now: number): number {
  const before = times.spent[itemId] ?? 0;
  return times.current?.itemId === itemId ? before + Math.max(0, now - times.current.since) : before;
}

/** Where the elapsed time stands against the item's time box, said in words (not by colour alone). */
export function timeBoxState(elapsedMs: number, boxMinutes: number): 'within' | 'closing' | 'over' {
  const box = boxMinutes * 60_000;
  if (elapsedMs > box) return 'over';
  // The last fifth of the box, at least the last minute: time to conclude.
  if (box - elapsedMs <= Math.max(60_000, box / 5)) return 'closing';
  return 'within';
}

/**
 * Seconds left of a reveal that the api allowed for `visibleSeconds`, counted from the answer's
 * arrival (`receivedAt`, monotonic): the screen's own wall clock may be minutes off the api's.
 */
export function revealSecondsLeft(receivedAt: number, visibleSeconds: number, now: number): number {
  return Math.max(0, Math.ceil(visibleSeconds - (now - receivedAt) / 1000));
}
