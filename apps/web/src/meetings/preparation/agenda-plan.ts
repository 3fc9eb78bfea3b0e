/** The arithmetic of an agenda being prepared: its order and its time against the meeting's length. */

export type Direction = 'up' | 'down';

/**
 * The order after moving the item at `index` one place up or down; the same order when it cannot
 * move (the first up, the last down), so a repeated key press does nothing.
 */
export function moveItem<T>(order: readonly T[], index: number, direction: Direction): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return [...order];
  const moved = [...order];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export interface TimeBudget {
  /** Minutes planned for every item. */
  total: number;
  /** Minutes left in the meeting; negative when over. */
  left: number;
  over: boolean;
}

export function timeBudget(itemMinutes: readonly number[], meetingMinutes: number): TimeBudget {
  const total = itemMinutes.reduce((sum, minutes) => sum + minutes, 0);
  return { total, left: meetingMinutes - total, over: total > meetingMinutes };
}

/** The api's bounds for one item's time (`UpdateAgendaItemInput.minutes`). */
export const ITEM_MINUTES = { min: 5, max: 120 } as const;

/** The French problem with a typed number of minutes, or undefined when the api would take it. */
export function itemMinutesProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'Indiquez un nombre entier de minutes.';
  const minutes = Number(trimmed);
  if (minutes < ITEM_MINUTES.min || minutes > ITEM_MINUTES.max)
    return `Prévoyez entre ${ITEM_MINUTES.min} et ${ITEM_MINUTES.max} minutes pour un point.`;
  return undefined;
}
