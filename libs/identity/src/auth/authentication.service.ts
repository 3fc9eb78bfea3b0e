import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { RequestException } from '@relais/graphql';
import { DatabaseScope, ScopedDatabase } from '@relais/database';
import { EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';
import { Session, SessionEndReason } from '../entities/session.entity';
import { SetPasswordToken } from '../entities/set-password-token.entity';
import { User } from '../entities/user.entity';
import { IdentityException } from '../identity.exception';
import { CountedAttempt, LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { ActiveMembership, Principal, SharingCategory } from '@relais/access';
import { activeMembershipsOf, MembershipRow, membershipOfRow } from './active-memberships';
import { TokenService } from './token.service';
import { SecondFactorService } from '../second-factor/second-factor.service';

/** What a person types to sign in; a further factor's code joins it here. */
export interface LogInCredentials {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, for an account that signs in with a second factor. */
  secondFactorCode?: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** What `authenticate_session` answers (keys as the function writes them). */
type AuthenticationOutcome =
  | { outcome: 'SESSION_EXPIRED' | 'ACCESS_SUSPENDED' }
  | {
      outcome: 'AUTHENTICATED';
      organisation_id: string;
      sharing_category: SharingCategory;
      organisation_kind: string;
      memberships: MembershipRow[];
    };

/** `last_seen_at` is written at most this often, so reads do not each cost a write. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Accounts are found before any territory is known: row-level security opens them for this purpose. */
const AUTHENTICATION: DatabaseScope = { territoryIds: [], purpose: 'authentication' };

@Injectable()
export class AuthenticationService {
  constructor(
    private readonly database: ScopedDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttempts,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /**
   * Password sign-in. The attempt is counted as a failure before the password is checked (see
   * `LoginAttempts`), and every refusal — unknown address, account waiting, no password set yet,
   * wrong password, no active membership — gives the same answer after the same hash work.
   */
  async logIn(credentials: LogInCredentials, requestId = ''): Promise<IssuedTokens> {
    const attempt = await this.checkPassword(credentials, requestId);
    // After the password, before any session exists: a wrong code counts as this attempt's failure.
    await this.secondFactor.checkAtSignIn(attempt, credentials.secondFactorCode, requestId);
    return this.openSession(attempt, requestId);
  }

  /** The end of a forced second-factor enrolment: a first right code opens the session. */
  async completeSecondFactorEnrolment(
    enrolmentToken: string,
    code: string,
    requestId = '',
  ): Promise<{ session: IssuedTokens; recoveryCodes: string[] }> {
    const { attempt, recoveryCodes } = await this.secondFactor.completeEnrolment(
      enrolmentToken,
      code,
      requestId,
    );
    return { session: await this.openSession(attempt, requestId), recoveryCodes };
  }

  /** Returns the counted attempt once the password is right; otherwise throws INVALID_CREDENTIALS. */
  private async checkPassword(credentials: LogInCredentials, requestId: string): Promise<CountedAttempt> {
    const opening = await this.attempts.open({ email: credentials.email });
    if (opening.outcome !== 'COUNTED') {
      await this.hasher.burnTime(credentials.password);
      void this.attempts.refused(opening, requestId);
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    const { attempt } = opening;
    if (!attempt.passwordHash) {
      await this.hasher.burnTime(credentials.password);
      void this.attempts.failed(attempt, { reason: 'NO_PASSWORD_SET', requestId });
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    if (!(await this.hasher.verify(attempt.passwordHash, credentials.password))) {
      // Not awaited: writing the events must not make a known account slower to refuse than an unknown one.
      void this.attempts.failed(attempt, { reason: 'WRONG_PASSWORD', requestId });
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    return attempt;
  }

  /** Every secret was right: the count goes back to zero and a session starts, in one transaction. */
  private async openSession(attempt: CountedAttempt, requestId: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const issued = await this.database.run(AUTHENTICATION, async (manager) => {
      if ((await this.activeMemberships(manager, attempt.userId)).length === 0) return null;
      await this.attempts.succeeded(manager, attempt);
      const user = await manager.findOneByOrFail(User, { id: attempt.userId });
      const session = await manager.save(
        manager.create(Session, {
          territoryId: user.territoryId,
          userId: user.id,
          lastSeenAt: now,
          expiresAt: this.addDays(now, this.config.auth.refreshTokenTtlDays),
        }),
      );
      return this.issue(manager, user, session);
    });
    if (!issued) {
      void this.attempts.failed(attempt, { reason: 'NO_ACTIVE_MEMBERSHIP', requestId });
      throw new IdentityException('INVALID_CREDENTIALS');
    }
    return issued;
  }

  /**
   * Exchanges a refresh token for a new pair. A token already exchanged means a copy is in other
   * hands: the whole session (every token descended from the same login) ends.
   */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const tokenHash = TokenService.hashRefreshToken(refreshToken);
    const outcome = await this.database.run(AUTHENTICATION, async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :tokenHash', { tokenHash })
        .getOne();
      if (!stored) return { error: true as const };
      const session = await manager.findOne(Session, { where: { id: stored.sessionId } });
      if (!session || session.endedAt) return { error: true as const };
      if (stored.usedAt) {
        await this.endSession(manager, session.id, 'REFRESH_TOKEN_REUSED', now);
        return { error: true as const };
      }
      const ending = this.sessionEnding(session, now);
      if (ending) {
        await this.endSession(manager, session.id, ending, now);
        return { error: true as const };
      }
      const user = await manager.findOneByOrFail(User, { id: session.userId });
      if ((await this.activeMemberships(manager, user.id)).length === 0) return { error: true as const };
      await manager.update(RefreshToken, { id: stored.id }, { usedAt: now });
      await manager.update(Session, { id: session.id }, { lastSeenAt: now });
      return { tokens: await this.issue(manager, user, session) };
    });
    // Thrown outside the transaction so that ending a session on reuse is committed, not rolled back.
    if ('error' in outcome) throw new IdentityException('INVALID_REFRESH_TOKEN');
    return outcome.tokens;
  }

  async logOut(principal: Principal): Promise<void> {
    await this.database.run(AUTHENTICATION, (manager) =>
      this.endSession(manager, principal.sessionId, 'LOGOUT', this.clock.now()),
    );
  }

  /**
   * Resolves an access token to a principal, checking the session and memberships as they are
   * now, in one statement (`authenticate_session`, see its migration): the session with its user
   * and organisation, the memberships with the charter state (all an ability is built from), the
   * session ended when expired or idle, `last_seen_at` moved on past its resolution.
   */
  async authenticate(accessToken: string, requestId = ''): Promise<Principal> {
    const claims = this.tokens.readAccessToken(accessToken);
    if (!claims) throw new RequestException('SESSION_EXPIRED');
    const now = this.clock.now();
    const [{ outcome }] = await this.database.statement<{ outcome: AuthenticationOutcome }>(
      `/* prepared:authenticate */ SELECT authenticate_session($1, $2, $3, $4, $5) AS outcome`,
      [
        claims.sid,
        claims.sub,
        now,
        this.config.auth.sessionIdleTimeoutMinutes * 60_000,
        LAST_SEEN_RESOLUTION_MS,
      ],
    );
    if (outcome.outcome !== 'AUTHENTICATED') throw new RequestException(outcome.outcome);
    return new Principal(
      claims.sub,
      claims.sid,
      outcome.organisation_id,
      outcome.sharing_category,
      outcome.memberships.map(membershipOfRow),
      requestId,
      outcome.organisation_kind,
      now,
    );
  }

  /**
   * Removes sessions that can no longer be used; their refresh tokens go with them. Set-password
   * links used or expired a day ago go too (the audit log keeps that a password was set).
   */
  async purgeEndedSessions(): Promise<number> {
    const now = this.clock.now();
    const dayAgo = this.addDays(now, -1);
    const result = await this.database.run(AUTHENTICATION, async (manager) => {
      await manager
        .createQueryBuilder()
        .delete()
        .from(SetPasswordToken)
        .where('expires_at < :dayAgo OR used_at < :dayAgo', { dayAgo })
        .execute();
      return manager
        .createQueryBuilder()
        .delete()
        .from(Session)
        .where('expires_at < :now OR (ended_at IS NOT NULL AND ended_at < :endedBefore)', {
          now,
          endedBefore: dayAgo,
        })
        .execute();
    });
    return result.affected ?? 0;
  }

  private sessionEnding(session: Session, now: Date): SessionEndReason | null {
    if (session.expiresAt <= now) return 'EXPIRED';
    const idleMs = this.config.auth.sessionIdleTimeoutMinutes * 60_000;
    if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return 'IDLE_TIMEOUT';
    return null;
  }

  private async issue(manager: EntityManager, user: User, session: Session): Promise<IssuedTokens> {
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshToken, {
      territoryId: user.territoryId,
      sessionId: session.id,
      tokenHash: refresh.hash,
    });
    const access = this.tokens.issueAccessToken({ sub: user.id, sid: session.id });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: session.expiresAt,
    };
  }

  private async endSession(manager: EntityManager, sessionId: string, reason: SessionEndReason, now: Date) {
    await manager.update(Session, { id: sessionId, endedAt: IsNull() }, { endedAt: now, endReason: reason });
  }

  private activeMemberships(manager: EntityManager, userId: string): Promise<ActiveMembership[]> {
    return activeMembershipsOf(manager, userId);
  }

  private addDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * 86_400_000);
  }
}
