import { Injectable, Logger } from '@nestjs/common';
import { MailQueue } from './mail/mail.queue';
import { BatchFiring, FIRING_BATCH, FireOutcome, ReminderDispatcher } from './reminder.dispatcher';
import { ReminderQueue } from './reminder.queue';

interface Waiter {
  resolve(outcome: FireOutcome): void;
  reject(error: unknown): void;
}

/**
 * How long an outcome decided for a reminder whose job had not come yet is kept for that job.
 * Only final outcomes and moves are kept (a sent or skipped reminder is never scheduled again),
 * and each is taken once, so a job arriving after this (or in another worker) reads the row.
 */
const KEPT_MS = 10 * 60_000;
const KEPT_AT_MOST = 200_000;
/**
 * Batches in flight at once in one worker: while one waits on Postgres the next is prepared and
 * sent. They never wait on each other but for a reminder one was asked for and the other took.
 */
const LANES = 2;

/**
 * Gathers the reminders whose jobs run in this worker into batches, at most `LANES` in flight:
 * jobs that come while batches run go into the next one, and each batch also takes the
 * other reminders already due, whose own jobs then find their outcome here without a statement.
 * A batch that found due reminders besides those asked for is followed by another at once, until
 * one finds none: reminders falling due steadily, or a backlog, are fired at the batches' pace,
 * not their jobs'. Redis follows each batch after its commit (immediate mails, the
 * next watches); what is lost there the reconciler puts back from Postgres.
 */
@Injectable()
export class ReminderFiring {
  private readonly logger = new Logger('Rappels');
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly decided = new Map<string, { outcome: FireOutcome; at: number }>();
  /** The reminders of the batches in flight, asked for or found due. */
  private readonly inFlight = new Set<string>();
  private lanes = 0;

  constructor(
    private readonly dispatcher: ReminderDispatcher,
    private readonly reminders: ReminderQueue,
    private readonly mails: MailQueue,
  ) {}

  /** What became of the reminder once a batch has handled it. */
  fire(reminderId: string): Promise<FireOutcome> {
    const known = this.decided.get(reminderId);
    if (known) {
      this.decided.delete(reminderId);
      return Promise.resolve(known.outcome);
    }
    return new Promise<FireOutcome>((resolve, reject) => {
      const waiters = this.waiting.get(reminderId) ?? [];
      waiters.push({ resolve, reject });
      this.waiting.set(reminderId, waiters);
      if (this.lanes < LANES) {
        this.lanes += 1;
        void this.drain().finally(() => (this.lanes -= 1));
      }
    });
  }

  private async drain(): Promise<void> {
    for (let more = false; ;) {
      const ids = this.askable();
      if (!more && !ids.length) return;
      const asked = new Map(ids.map((id) => [id, this.waiting.get(id)!]));
      const taken = new Set(ids);
      for (const id of ids) {
        this.waiting.delete(id);
        this.inFlight.add(id);
      }
      try {
        const batch = await this.dispatcher.fireBatch(ids, FIRING_BATCH, (claimed) => {
          for (const id of claimed) {
            taken.add(id);
            this.inFlight.add(id);
          }
        });
        await this.followInRedis(batch);
        this.forget(Date.now() - KEPT_MS);
        for (const [id, outcome] of batch.outcomes) {
          const waiters = [...(asked.get(id) ?? []), ...(this.waiting.get(id) ?? [])];
          this.waiting.delete(id);
          if (waiters.length) waiters.forEach((waiter) => waiter.resolve(outcome));
          else if (outcome.outcome !== 'GONE') this.decided.set(id, { outcome, at: Date.now() });
        }
        // Reminders found due before their jobs came: more are falling due, take them now rather
        // than when a job of theirs comes (jobs come late when the worker is busy).
        more = batch.found > 0;
      } catch (error) {
        // Nothing was written: the jobs fail and are tried again; the others stay due.
        for (const waiters of asked.values()) waiters.forEach((waiter) => waiter.reject(error));
        more = false;
      } finally {
        for (const id of taken) this.inFlight.delete(id);
      }
    }
  }

  /**
   * Reminders whose jobs wait, but not those a batch in flight holds: that batch answers them
   * (asking for them again would only wait for its commit and find them settled).
   */
  private askable(): string[] {
    const ids: string[] = [];
    for (const id of this.waiting.keys()) {
      if (ids.length === FIRING_BATCH / 2) break;
      if (!this.inFlight.has(id)) ids.push(id);
    }
    return ids;
  }

  private async followInRedis(batch: BatchFiring): Promise<void> {
    try {
      await this.mails.enqueue(batch.mails);
      await this.reminders.enqueue(batch.next);
    } catch (error) {
      // Committed already: the reconciler re-queues unsent immediate mails and missing jobs.
      this.logger.warn({
        message: 'Suites d’un lot de rappels non mises en file',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private forget(before: number): void {
    for (const [id, { at }] of this.decided) {
      if (at >= before && this.decided.size <= KEPT_AT_MOST) break;
      this.decided.delete(id);
    }
  }
}
