import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { CatalogueEvent, writeOutbox } from '@relais/outbox';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { SetPasswordToken } from '../entities/set-password-token.entity';
import { User } from '../entities/user.entity';
import { renderSetPasswordMail, SetPasswordMailReason } from './set-password-mail';

/** The outbox event asking the worker to mail a set-password link; it carries the account's id only. */
export const SET_PASSWORD_LINK_REQUESTED = 'user.set_password_link_requested';
/** The outbox consumer that mails those links. */
export const SET_PASSWORD_MAIL_CONSUMER = 'set-password-mail';

/** Where the web client sets a password; the token rides in the fragment, which no server logs. */
const SET_PASSWORD_PATH = '/definir-mot-de-passe';

export interface IssuedLink {
  readonly link: string;
  readonly expiresAt: Date;
}

/**
 * One-time, expiring links to set a password. The token is 256 random bits; only its SHA-256 is
 * stored, and a newer link replaces the account's unused older ones. With SMTP the link is mailed
 * by the worker (the token is drawn there, so it never sits in the outbox) and shown to no one;
 * without it, it is returned once to the administrator who asked for it.
 */
@Injectable()
export class SetPasswordLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly database: ScopedDatabase,
  ) {}

  get mailed(): boolean {
    return Boolean(this.config.mail.smtpUrl);
  }

  /**
   * In the caller's transaction: either the outbox event that gets the link mailed (returns null)
   * or a link issued now (returned, to be shown once).
   */
  async request(
    manager: EntityManager,
    request: { user: User; territoryId: string; issuedByUserId: string; reason: SetPasswordMailReason },
  ): Promise<IssuedLink | null> {
    if (!this.mailed) return this.issue(manager, request.user, request.issuedByUserId);
    await writeOutbox(manager, {
      territoryId: request.territoryId,
      type: SET_PASSWORD_LINK_REQUESTED,
      subject: { type: 'User', id: request.user.id },
      payload: { issuedByUserId: request.issuedByUserId, reason: request.reason },
      occurredAt: this.clock.now(),
    });
    return null;
  }

  async issue(
    manager: EntityManager,
    user: User,
    issuedByUserId: string | null,
    options: { forMail?: boolean } = {},
  ): Promise<IssuedLink> {
    const now = this.clock.now();
    await manager.delete(SetPasswordToken, { userId: user.id, usedAt: IsNull() });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.auth.setPasswordLinkTtlHours * 3_600_000);
    await manager.insert(SetPasswordToken, {
      territoryId: user.territoryId,
      userId: user.id,
      tokenHash: SetPasswordLinks.hashToken(token),
      issuedByUserId,
      expiresAt,
    });
    return { link: this.linkOf(token, options.forMail === true), expiresAt };
  }

  /**
   * For the worker: issues the link the event asked for, committed before its mail is written, so
   * the link works as soon as it arrives. Should sending fail, the event is tried again and its new
   * link replaces this one, which nobody received. Null when the account is gone.
   */
  async mailFor(
    event: CatalogueEvent<typeof SET_PASSWORD_LINK_REQUESTED>,
  ): Promise<{ to: string; subject: string; text: string } | null> {
    const issuedBy = event.payload.issuedByUserId ?? null;
    const reason: SetPasswordMailReason = event.payload.reason === 'RESET' ? 'RESET' : 'ACCOUNT_CREATED';
    return this.database.run({ territoryIds: [event.territoryId] }, async (manager) => {
      const user = await manager.findOneBy(User, { id: event.subjectId });
      if (!user) return null;
      const { link, expiresAt } = await this.issue(manager, user, issuedBy, { forMail: true });
      return { to: user.email, ...renderSetPasswordMail({ reason, link, expiresAt }) };
    });
  }

  static hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /**
   * Shown in the application, a path is enough without `PUBLIC_URL`; a mail needs an address, the
   * api's own as notifications do.
   */
  private linkOf(token: string, forMail: boolean): string {
    const { publicUrl, host, port } = this.config.http;
    const base = (publicUrl ?? (forMail ? `http://${host}:${port}` : '')).replace(/\/$/, '');
    return `${base}${SET_PASSWORD_PATH}#jeton=${token}`;
  }
}
