import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { SecurityEventKind, SecurityEventRecorder } from '@relais/audit';
import { Clock } from '@relais/config';
import { DatabaseScope, ScopedDatabase } from '@relais/database';
import { EntityManager, IsNull, Not } from 'typeorm';
import { passwordProblems } from '../domain/password-policy';
import { Session, SessionEndReason } from '../entities/session.entity';
import { SetPasswordToken } from '../entities/set-password-token.entity';
import { User } from '../entities/user.entity';
import { IdentityException } from '../identity.exception';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { SetPasswordLinks } from './set-password-links';

/** The set-password step is public: its token is looked up before any territory is known. */
const AUTHENTICATION: DatabaseScope = { territoryIds: [], purpose: 'authentication' };

/** A person's own password: changing it while signed in, or setting it through a link. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly events: SecurityEventRecorder,
  ) {}

  /**
   * The current password is checked like a sign-in (counted first, refused while the account
   * waits), so a stolen session cannot guess it faster than a stranger. Every other session of the
   * user ends; the one in use stays.
   */
  async changePassword(
    principal: Principal,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const user = await this.database.run(AUTHENTICATION, (manager) =>
      manager.findOneByOrFail(User, { id: principal.userId }),
    );
    this.assertAcceptable(input.newPassword, user);
    const opening = await this.attempts.open({ userId: user.id });
    if (opening.outcome !== 'COUNTED') {
      await this.hasher.burnTime(input.currentPassword);
      if (opening.outcome === 'WAITING') await this.attempts.refused(opening, principal.requestId);
      throw new IdentityException('WRONG_CURRENT_PASSWORD');
    }
    const { attempt } = opening;
    const right = attempt.passwordHash
      ? await this.hasher.verify(attempt.passwordHash, input.currentPassword)
      : (await this.hasher.burnTime(input.currentPassword), false);
    if (!right) {
      await this.attempts.failed(attempt, {
        reason: 'WRONG_CURRENT_PASSWORD',
        requestId: principal.requestId,
      });
      throw new IdentityException('WRONG_CURRENT_PASSWORD');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.database.run(AUTHENTICATION, async (manager) => {
      await this.attempts.succeeded(manager, attempt);
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.endSessions(manager, user.id, 'PASSWORD_CHANGED', principal.sessionId);
    });
    await this.events.record({
      kind: SecurityEventKind.PASSWORD_CHANGED,
      territoryId: user.territoryId,
      actorUserId: user.id,
      requestId: principal.requestId,
      subject: { type: 'User', id: user.id },
    });
  }

  /**
   * Public: the link's token is the only credential. Unknown, used and expired tokens get one
   * answer. The password is set, the token consumed, the account's other links dropped, its
   * failure count cleared and every session it had ended.
   */
  async setPassword(input: { token: string; newPassword: string }, requestId = ''): Promise<void> {
    const now = this.clock.now();
    const tokenHash = SetPasswordLinks.hashToken(input.token);
    const user = await this.database.run(AUTHENTICATION, async (manager) => {
      const token = await manager
        .getRepository(SetPasswordToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :tokenHash', { tokenHash })
        .getOne();
      if (!token || token.usedAt || token.expiresAt <= now) {
        throw new IdentityException('INVALID_SET_PASSWORD_LINK');
      }
      const owner = await manager.findOneByOrFail(User, { id: token.userId });
      this.assertAcceptable(input.newPassword, owner);
      const passwordHash = await this.hasher.hash(input.newPassword);
      await manager.update(User, { id: owner.id }, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await manager.update(SetPasswordToken, { id: token.id }, { usedAt: now });
      await manager.delete(SetPasswordToken, { userId: owner.id, usedAt: IsNull() });
      await this.endSessions(manager, owner.id, 'PASSWORD_SET');
      return owner;
    });
    await this.events.record({
      kind: SecurityEventKind.PASSWORD_SET,
      territoryId: user.territoryId,
      actorUserId: user.id,
      requestId,
      subject: { type: 'User', id: user.id },
    });
  }

  private assertAcceptable(password: string, owner: User): void {
    const problems = passwordProblems(password, owner);
    if (problems.length) {
      throw new IdentityException(
        'WEAK_PASSWORD',
        problems.map((message) => ({ field: 'newPassword', message })),
      );
    }
  }

  /** Ends the user's open sessions, but the one named: their refresh tokens stop with them. */
  async endSessions(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
    exceptSessionId?: string,
  ): Promise<void> {
    await manager.update(
      Session,
      { userId, endedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { endedAt: this.clock.now(), endReason: reason },
    );
  }
}
