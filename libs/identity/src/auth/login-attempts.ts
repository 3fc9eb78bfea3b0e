import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventKind, SecurityEventRecorder } from '@relais/audit';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { DatabaseScope, ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { normalizeEmail } from '../domain/email';

/** Accounts are found before any territory is known: row-level security opens them for this purpose. */
const AUTHENTICATION: DatabaseScope = { territoryIds: [], purpose: 'authentication' };

/** An attempt already counted as a failure, whose secrets may now be checked. */
export interface CountedAttempt {
  readonly userId: string;
  readonly territoryId: string;
  /** Null while the account has no password yet (waiting for its set-password link). */
  readonly passwordHash: string | null;
  /** Failures counted so far, this attempt included. */
  readonly failureCount: number;
}

export type AttemptOpening =
  | { readonly outcome: 'COUNTED'; readonly attempt: CountedAttempt }
  /** No account has this address. */
  | { readonly outcome: 'UNKNOWN' }
  /** The account must wait (a growing delay, then the lockout): nothing may be checked. */
  | { readonly outcome: 'WAITING'; readonly userId: string; readonly territoryId: string };

/** Why a counted attempt failed, as written in the security event. */
export type LoginFailureReason =
  | 'WRONG_PASSWORD'
  | 'NO_PASSWORD_SET'
  | 'NO_ACTIVE_MEMBERSHIP'
  | 'WRONG_CURRENT_PASSWORD'
  | 'WRONG_SECOND_FACTOR';

/**
 * The failure counter of sign-in, shared by every check of a secret (password, current password,
 * second factor). An attempt is counted as a failure BEFORE any secret is checked, in one atomic
 * UPDATE that also refuses it while a delay or a lockout runs; a success sets the count back to
 * zero. So N simultaneous guesses cost at most the configured number of hash checks before the
 * delay applies, and one more per delay after that, until the lockout.
 *
 * Use: `open` → (refused: answer as a failure) → check the secrets → `failed` or `succeeded`.
 * A second secret checked in the same request (a second-factor code after the password) reuses
 * the attempt already counted: `failed(attempt, …)` when wrong, nothing more to count.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly database: ScopedDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly events: SecurityEventRecorder,
  ) {}

  /**
   * Counts one attempt on the account and sets the next moment a try is accepted: growing waits
   * (1 s, 2 s, 4 s…) from `LOGIN_DELAY_AFTER_FAILURES`, then `LOGIN_LOCKOUT_MINUTES` from
   * `LOGIN_LOCKOUT_AFTER_FAILURES`. The same single statement runs for an unknown address, so both
   * take the same time.
   */
  async open(account: { email: string } | { userId: string }): Promise<AttemptOpening> {
    const { delayAfterFailures, lockoutAfterFailures, lockoutMinutes } = this.config.auth;
    const [condition, value] =
      'email' in account ? ['email = $1', normalizeEmail(account.email)] : ['id = $1::uuid', account.userId];
    const rows = (await this.database.run(AUTHENTICATION, (manager) =>
      manager.query(
        `WITH account AS (SELECT id, territory_id FROM users WHERE ${condition}),
         counted AS (
           UPDATE users u SET
             failed_login_count = u.failed_login_count + 1,
             locked_until = CASE
               WHEN u.failed_login_count + 1 >= $4 THEN $2::timestamptz + make_interval(mins => $5)
               WHEN u.failed_login_count + 1 >= $3
                 THEN $2::timestamptz + make_interval(secs => power(2, u.failed_login_count + 1 - $3))
               ELSE NULL END
             FROM account
            WHERE u.id = account.id AND (u.locked_until IS NULL OR u.locked_until <= $2::timestamptz)
           RETURNING u.id, u.password_hash, u.failed_login_count
         )
         SELECT account.id, account.territory_id, counted.id IS NOT NULL AS counted,
                counted.password_hash, counted.failed_login_count
           FROM account LEFT JOIN counted ON counted.id = account.id`,
        [value, this.clock.now(), delayAfterFailures, lockoutAfterFailures, lockoutMinutes],
      ),
    )) as {
      id: string;
      territory_id: string;
      counted: boolean;
      password_hash: string | null;
      failed_login_count: number | null;
    }[];
    const [row] = rows;
    if (!row) return { outcome: 'UNKNOWN' };
    if (!row.counted) return { outcome: 'WAITING', userId: row.id, territoryId: row.territory_id };
    return {
      outcome: 'COUNTED',
      attempt: {
        userId: row.id,
        territoryId: row.territory_id,
        passwordHash: row.password_hash,
        failureCount: row.failed_login_count ?? 0,
      },
    };
  }

  /** Every secret was right: the count starts again from zero, in the caller's transaction. */
  async succeeded(manager: EntityManager, attempt: CountedAttempt): Promise<void> {
    await manager.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [
      attempt.userId,
    ]);
  }

  /**
   * A secret was wrong: the attempt stays counted. Records LOGIN_FAILED (or the given kind) in the
   * account's territory, and ACCOUNT_LOCKED when this failure started a lockout. Not awaited by
   * callers that answer a stranger: recording must not make a known account slower to refuse.
   */
  async failed(
    attempt: CountedAttempt,
    failure: { reason: LoginFailureReason; requestId?: string; kind?: SecurityEventKind },
  ): Promise<void> {
    const common = {
      territoryId: attempt.territoryId,
      requestId: failure.requestId || null,
      subject: { type: 'User', id: attempt.userId },
    };
    await this.events.record({
      ...common,
      kind: failure.kind ?? SecurityEventKind.LOGIN_FAILED,
      details: { reason: failure.reason, failureCount: attempt.failureCount },
    });
    const { lockoutAfterFailures, lockoutMinutes } = this.config.auth;
    // Attempts are refused while locked, so every counted failure past the threshold starts one.
    if (attempt.failureCount >= lockoutAfterFailures) {
      await this.events.record({
        ...common,
        kind: SecurityEventKind.ACCOUNT_LOCKED,
        details: { failureCount: attempt.failureCount, lockoutMinutes },
      });
    }
  }

  /**
   * An attempt refused before any check: a log line only (an unknown address has no territory;
   * a waiting account's refusals are not written to the audit chain, so a flood of them cannot
   * grow it — the failures that led there and the lockout are). Never the address typed.
   */
  async refused(opening: Exclude<AttemptOpening, { outcome: 'COUNTED' }>, requestId?: string): Promise<void> {
    await this.events.record({
      kind: SecurityEventKind.LOGIN_FAILED,
      territoryId: null,
      requestId: requestId || null,
      subject: opening.outcome === 'WAITING' ? { type: 'User', id: opening.userId } : { type: 'User' },
      details: { reason: opening.outcome === 'WAITING' ? 'ACCOUNT_WAITING' : 'UNKNOWN_ACCOUNT' },
    });
  }

  /**
   * Counts one failure of a check made outside `open` (a second-factor code checked in a request of
   * its own): opens an attempt and fails it. Returns false when the account was already waiting,
   * which the caller answers as any failure.
   */
  async recordFailure(
    userId: string,
    failure: { reason: LoginFailureReason; requestId?: string; kind?: SecurityEventKind },
  ): Promise<boolean> {
    const opening = await this.open({ userId });
    if (opening.outcome !== 'COUNTED') {
      if (opening.outcome === 'WAITING') await this.refused(opening, failure.requestId);
      return false;
    }
    await this.failed(opening.attempt, failure);
    return true;
  }
}
