import { Injectable } from '@nestjs/common';
import { SharingCategory, SharingMatrixNarrowing, territorySharingMatrix, Role } from '@relais/access';
import { SecurityEventKind, SecurityEventRecorder } from '@relais/audit';
import { Clock } from '@relais/config';
import { DatabaseScope, ScopedDatabase } from '@relais/database';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { renderSVG } from 'uqr';
import { CountedAttempt, LoginAttempts } from '../auth/login-attempts';
import { MembershipStatus } from '../domain/membership-status';
import { User } from '../entities/user.entity';
import { IdentityException } from '../identity.exception';
import { RecoveryCode, SecondFactor, SecondFactorEnrolment } from './entities';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { secondFactorRequired } from './second-factor-requirement';
import { SecretBox } from './secret-box';
import { acceptedTotpStep, looksLikeTotpCode, newTotpSecret, otpauthUri } from './totp';

/** Accounts are read before any territory is known: row-level security opens them for this purpose. */
const AUTHENTICATION: DatabaseScope = { territoryIds: [], purpose: 'authentication' };

/** A forced enrolment must be finished soon after the password that opened it. */
export const ENROLMENT_TOKEN_TTL_MS = 10 * 60_000;

export interface EnrolmentStart {
  /** Base32, for typing into an authenticator by hand. */
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** What an enrolled second factor was proved with. */
export type SecondFactorProof = 'TOTP' | 'RECOVERY_CODE';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The second factor of sign-in (TOTP, RFC 6238): who must use it, checking it after the password,
 * the forced enrolment, recovery codes. Every wrong code counts as a failed sign-in.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
    private readonly attempts: LoginAttempts,
    private readonly events: SecurityEventRecorder,
    private readonly box: SecretBox,
  ) {}

  /**
   * The step of sign-in after a right password, before a session is issued. Returns when the
   * account needs no second factor or the code is right; otherwise throws: the code is missing
   * (SECOND_FACTOR_REQUIRED), the account must enrol first (SECOND_FACTOR_ENROLMENT_REQUIRED, with a
   * single-use token), or the code is wrong (counted as a failure, answered as wrong credentials).
   */
  async checkAtSignIn(attempt: CountedAttempt, code: string | undefined, requestId?: string): Promise<void> {
    const now = this.clock.now();
    const state = await this.database.run(AUTHENTICATION, async (manager) => ({
      required: await this.isRequired(manager, attempt.userId),
      factor: await manager.findOneBy(SecondFactor, { userId: attempt.userId }),
    }));
    if (!state.required) return;
    if (!state.factor) {
      const enrolment = await this.openEnrolment(attempt, now);
      throw new IdentityException('SECOND_FACTOR_ENROLMENT_REQUIRED', undefined, {
        enrolmentToken: enrolment.token,
        enrolmentTokenExpiresAt: enrolment.expiresAt.toISOString(),
      });
    }
    const typed = code?.trim();
    if (!typed) throw new IdentityException('SECOND_FACTOR_REQUIRED');
    const proof = await this.prove(state.factor, typed, now);
    if (!proof) {
      await this.attempts.failed(attempt, {
        reason: 'WRONG_SECOND_FACTOR',
        kind: SecurityEventKind.SECOND_FACTOR_FAILED,
        requestId,
      });
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    if (proof === 'RECOVERY_CODE') {
      await this.events.record({
        kind: SecurityEventKind.RECOVERY_CODE_USED,
        territoryId: attempt.territoryId,
        actorUserId: attempt.userId,
        requestId,
        subject: { type: 'User', id: attempt.userId },
        details: { recoveryCodesLeft: await this.recoveryCodesLeft(attempt.userId) },
      });
    }
  }

  /** The secret proposed for a forced enrolment, as text, link and QR code. Starting again proposes a new one. */
  async startEnrolment(token: string): Promise<EnrolmentStart> {
    const now = this.clock.now();
    const secret = newTotpSecret();
    const email = await this.database.run(AUTHENTICATION, async (manager) => {
      const enrolment = await this.pendingEnrolment(manager, token, now);
      await manager.update(
        SecondFactorEnrolment,
        { id: enrolment.id },
        { sealedSecret: this.box.seal(secret, enrolment.userId) },
      );
      return (await manager.findOneByOrFail(User, { id: enrolment.userId })).email;
    });
    const uri = otpauthUri(secret, email);
    return { secret, otpauthUri: uri, qrCodeSvg: renderSVG(uri, { border: 2 }) };
  }

  /**
   * Confirms a forced enrolment with a first code from the authenticator: the secret becomes the
   * account's second factor and ten recovery codes replace any former ones. Returns the attempt,
   * counted like a sign-in's, for the session to be opened from it.
   */
  async completeEnrolment(
    token: string,
    code: string,
    requestId?: string,
  ): Promise<{ attempt: CountedAttempt; recoveryCodes: string[] }> {
    const now = this.clock.now();
    const enrolment = await this.database.run(AUTHENTICATION, (manager) =>
      this.pendingEnrolment(manager, token, now),
    );
    const secret = enrolment.sealedSecret && this.box.open(enrolment.sealedSecret, enrolment.userId);
    if (!secret) throw new IdentityException('SECOND_FACTOR_ENROLMENT_NOT_STARTED');
    const opening = await this.attempts.open({ userId: enrolment.userId });
    if (opening.outcome !== 'COUNTED') {
      if (opening.outcome === 'WAITING') await this.attempts.refused(opening, requestId);
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    const step = acceptedTotpStep(secret, code.trim(), now, null);
    if (step === null) {
      await this.attempts.failed(opening.attempt, {
        reason: 'WRONG_SECOND_FACTOR',
        kind: SecurityEventKind.SECOND_FACTOR_FAILED,
        requestId,
      });
      throw new IdentityException('INVALID_SECOND_FACTOR_CODE');
    }
    const recoveryCodes = newRecoveryCodes();
    await this.database.run(AUTHENTICATION, async (manager) => {
      const used = await manager
        .createQueryBuilder()
        .update(SecondFactorEnrolment)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL', { id: enrolment.id })
        .execute();
      // Two completions at once: the first one wins, the other finds the token used.
      if (!used.affected) throw new IdentityException('INVALID_ENROLMENT_TOKEN');
      await manager.delete(SecondFactor, { userId: enrolment.userId });
      await manager.insert(SecondFactor, {
        territoryId: enrolment.territoryId,
        userId: enrolment.userId,
        sealedSecret: this.box.seal(secret, enrolment.userId),
        lastAcceptedStep: step,
        enrolledAt: now,
      });
      await this.replaceRecoveryCodes(manager, enrolment, recoveryCodes);
    });
    await this.events.record({
      kind: SecurityEventKind.SECOND_FACTOR_ENROLLED,
      territoryId: enrolment.territoryId,
      actorUserId: enrolment.userId,
      requestId,
      subject: { type: 'User', id: enrolment.userId },
    });
    return { attempt: opening.attempt, recoveryCodes };
  }

  /**
   * New recovery codes for a signed-in user, who proves the authenticator with a current code (a
   * recovery code would not do: it is what is being replaced). The former codes stop working.
   */
  async regenerateRecoveryCodes(userId: string, code: string, requestId?: string): Promise<string[]> {
    const now = this.clock.now();
    const factor = await this.database.run(AUTHENTICATION, (manager) =>
      manager.findOneBy(SecondFactor, { userId }),
    );
    if (!factor) throw new IdentityException('SECOND_FACTOR_NOT_ENROLLED');
    const opening = await this.attempts.open({ userId });
    if (opening.outcome !== 'COUNTED') {
      if (opening.outcome === 'WAITING') await this.attempts.refused(opening, requestId);
      throw new IdentityException('SECOND_FACTOR_CHECK_WAITING');
    }
    const typed = code.trim();
    const proved = looksLikeTotpCode(typed) && (await this.proveTotp(factor, typed, now));
    if (!proved) {
      await this.attempts.failed(opening.attempt, {
        reason: 'WRONG_SECOND_FACTOR',
        kind: SecurityEventKind.SECOND_FACTOR_FAILED,
        requestId,
      });
      throw new IdentityException('INVALID_SECOND_FACTOR_CODE');
    }
    const recoveryCodes = newRecoveryCodes();
    await this.database.run(AUTHENTICATION, async (manager) => {
      await this.replaceRecoveryCodes(manager, factor, recoveryCodes);
      await this.attempts.succeeded(manager, opening.attempt);
    });
    await this.events.record({
      kind: SecurityEventKind.RECOVERY_CODES_REGENERATED,
      territoryId: factor.territoryId,
      actorUserId: userId,
      requestId,
      subject: { type: 'User', id: userId },
    });
    return recoveryCodes;
  }

  /** Does this account need a second factor, after its active memberships and their territories? */
  private async isRequired(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT u.sharing_category, m.roles, t.settings -> 'sharingMatrix' AS sharing_matrix,
              COALESCE((t.settings ->> 'secondFactorForAllMembers')::boolean, false) AS for_all
         FROM users u
         JOIN memberships m ON m.user_id = u.id AND m.status = $2
         JOIN territories t ON t.id = m.territory_id
        WHERE u.id = $1`,
      [userId, MembershipStatus.ACTIVE],
    )) as {
      sharing_category: SharingCategory;
      roles: string | string[];
      sharing_matrix: SharingMatrixNarrowing | null;
      for_all: boolean;
    }[];
    if (!rows.length) return false;
    return secondFactorRequired(
      rows[0].sharing_category,
      rows.map((row) => ({
        roles: parseRoles(row.roles),
        sharingMatrix: territorySharingMatrix(row.sharing_matrix ?? {}),
        secondFactorForAllMembers: row.for_all,
      })),
    );
  }

  /** A new single-use token; the account's former ones stop working. */
  private async openEnrolment(
    attempt: CountedAttempt,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ENROLMENT_TOKEN_TTL_MS);
    await this.database.run(AUTHENTICATION, async (manager) => {
      await manager.delete(SecondFactorEnrolment, { userId: attempt.userId });
      await manager.insert(SecondFactorEnrolment, {
        territoryId: attempt.territoryId,
        userId: attempt.userId,
        tokenHash: hashToken(token),
        sealedSecret: null,
        expiresAt,
        usedAt: null,
      });
    });
    return { token, expiresAt };
  }

  private async pendingEnrolment(
    manager: EntityManager,
    token: string,
    now: Date,
  ): Promise<SecondFactorEnrolment> {
    const enrolment = await manager.findOneBy(SecondFactorEnrolment, { tokenHash: hashToken(token) });
    if (!enrolment || enrolment.usedAt || enrolment.expiresAt <= now) {
      throw new IdentityException('INVALID_ENROLMENT_TOKEN');
    }
    return enrolment;
  }

  private async prove(factor: SecondFactor, code: string, now: Date): Promise<SecondFactorProof | null> {
    if (looksLikeTotpCode(code)) return (await this.proveTotp(factor, code, now)) ? 'TOTP' : null;
    if (looksLikeRecoveryCode(code))
      return (await this.useRecoveryCode(factor.userId, code, now)) ? 'RECOVERY_CODE' : null;
    return null;
  }

  /**
   * Accepts a code only for a step after the last one accepted, in one conditional UPDATE: two
   * sign-ins with the same code at once cannot both pass. A secret sealed under a former key is
   * sealed again under the current one on the way.
   */
  private async proveTotp(factor: SecondFactor, code: string, now: Date): Promise<boolean> {
    const secret = this.box.open(factor.sealedSecret, factor.userId);
    // A secret that no configured key opens (a lost key, a row tampered with) proves nothing.
    if (!secret) return false;
    const step = acceptedTotpStep(secret, code, now, factor.lastAcceptedStep);
    if (step === null) return false;
    const resealed = this.box.isStale(factor.sealedSecret) ? this.box.seal(secret, factor.userId) : null;
    const updated = await this.database.run(AUTHENTICATION, (manager) =>
      manager
        .createQueryBuilder()
        .update(SecondFactor)
        .set({ lastAcceptedStep: step, ...(resealed ? { sealedSecret: resealed } : {}) })
        .where('id = :id AND (last_accepted_step IS NULL OR last_accepted_step < :step)', {
          id: factor.id,
          step,
        })
        .execute(),
    );
    return (updated.affected ?? 0) > 0;
  }

  /** Consumes the code in one conditional UPDATE, so it works exactly once. */
  private async useRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
    const used = await this.database.run(AUTHENTICATION, (manager) =>
      manager
        .createQueryBuilder()
        .update(RecoveryCode)
        .set({ usedAt: now })
        .where('user_id = :userId AND code_hash = :codeHash AND used_at IS NULL', {
          userId,
          codeHash: hashRecoveryCode(code),
        })
        .execute(),
    );
    return (used.affected ?? 0) > 0;
  }

  private recoveryCodesLeft(userId: string): Promise<number> {
    return this.database.run(AUTHENTICATION, (manager) =>
      manager.getRepository(RecoveryCode).countBy({ userId, usedAt: IsNull() }),
    );
  }

  private async replaceRecoveryCodes(
    manager: EntityManager,
    owner: { territoryId: string; userId: string },
    codes: readonly string[],
  ): Promise<void> {
    await manager.delete(RecoveryCode, { userId: owner.userId });
    await manager.insert(
      RecoveryCode,
      codes.map((code) => ({
        territoryId: owner.territoryId,
        userId: owner.userId,
        codeHash: hashRecoveryCode(code),
        usedAt: null,
      })),
    );
  }
}

/** node-postgres returns arrays of enums as their text form (`{COORDINATOR,REFERRER}`). */
function parseRoles(value: string | string[]): Role[] {
  const items = Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  return items as Role[];
}
