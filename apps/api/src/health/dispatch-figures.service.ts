import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';

/** A reminder this late is overdue: the dispatcher takes up to a polling round to send one. */
export const REMINDER_GRACE_SECONDS = 60;

/** Counts and ages only, across territories: nothing here tells who or what a row is about. */
export interface DispatchFigures {
  readonly outbox: { readonly pending: number; readonly oldestPendingSeconds: number };
  readonly reminders: {
    readonly scheduled: number;
    readonly overdue: number;
    readonly oldestOverdueSeconds: number;
  };
}

interface OutboxRow {
  pending: number;
  oldest: Date | null;
}

interface RemindersRow {
  scheduled: number;
  overdue: number;
  oldest_overdue: Date | null;
}

/**
 * What the worker still has to dispatch, read under the `dispatch` purpose that opens outbox
 * events and reminders across territories. Each query stays on its table's partial index
 * (`ix_outbox_events_pending`, `ix_reminders_scheduled_due`).
 */
@Injectable()
export class DispatchFiguresService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
  ) {}

  async dispatchFigures(): Promise<DispatchFigures> {
    const now = this.clock.now();
    const overdueBefore = new Date(now.getTime() - REMINDER_GRACE_SECONDS * 1000);
    return this.database.run({ territoryIds: [], purpose: 'dispatch' }, async (manager) => {
      const [outbox] = (await manager.query(
        `SELECT count(*)::int AS pending, min(occurred_at) AS oldest
           FROM outbox_events WHERE published_at IS NULL`,
      )) as OutboxRow[];
      const [reminders] = (await manager.query(
        `SELECT count(*)::int AS scheduled,
                (count(*) FILTER (WHERE due_at < $1))::int AS overdue,
                min(due_at) FILTER (WHERE due_at < $1) AS oldest_overdue
           FROM reminders WHERE status = 'SCHEDULED'`,
        [overdueBefore],
      )) as RemindersRow[];
      return {
        outbox: { pending: outbox.pending, oldestPendingSeconds: secondsSince(outbox.oldest, now) },
        reminders: {
          scheduled: reminders.scheduled,
          overdue: reminders.overdue,
          oldestOverdueSeconds: secondsSince(reminders.oldest_overdue, now),
        },
      };
    });
  }
}

function secondsSince(time: Date | null, now: Date): number {
  return time ? Math.max(0, Math.floor((now.getTime() - new Date(time).getTime()) / 1000)) : 0;
}
