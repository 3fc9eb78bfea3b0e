import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { SecurityEventKind, SecurityEventRecorder } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { PasswordService } from '../auth/password.service';
import { IssuedLink, SetPasswordLinks } from '../auth/set-password-links';
import { MembershipTargetInput } from '../dto/admin.input';
import { Membership, User } from '../entities';
import { IdentityException } from '../identity.exception';

/**
 * A forgotten password, reset by the territory's administrator: the account's password stops
 * working at once, every session it had ends, and a new one-time link goes to the person by mail
 * (or is shown once to the administrator without SMTP). A second factor, when the account has one,
 * is left as it is, so whoever holds the link still needs it.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly links: SetPasswordLinks,
    private readonly passwords: PasswordService,
    private readonly events: SecurityEventRecorder,
  ) {}

  async issueSetPasswordLink(actor: Principal, input: MembershipTargetInput): Promise<IssuedLink | null> {
    if (!this.access.can(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }))) {
      throw new AccessException(actor.hasPendingCharter ? 'CHARTER_NOT_ACCEPTED' : 'FORBIDDEN');
    }
    // One's own password is changed knowing the current one, not reset.
    if (input.userId === actor.userId) throw new IdentityException('OWN_PASSWORD_RESET');
    const link = await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const membership = await manager.findOne(Membership, {
        where: { territoryId: input.territoryId, userId: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!membership) throw new IdentityException('MEMBERSHIP_NOT_FOUND');
      const user = await manager.findOneByOrFail(User, { id: input.userId });
      await manager.update(User, { id: user.id }, { passwordHash: null });
      await this.passwords.endSessions(manager, user.id, 'PASSWORD_RESET');
      return this.links.request(manager, {
        user,
        territoryId: input.territoryId,
        issuedByUserId: actor.userId,
        reason: 'RESET',
      });
    });
    await this.events.record({
      kind: SecurityEventKind.PASSWORD_RESET,
      territoryId: input.territoryId,
      actorUserId: actor.userId,
      requestId: actor.requestId,
      subject: { type: 'User', id: input.userId },
      details: { mailed: link === null },
    });
    return link;
  }
}
