import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { MailStatus } from '../domain/reminder-kind';
import { Notification } from '../entities';
import { MailTransport } from './mail-transport';
import { noticeFacts } from './notice-facts';
import { renderDigestMail, renderNotificationMail } from './notification-text';

/**
 * Sends what notifications are owed by e-mail: one at a time for immediate readers, one digest a
 * day for the others. The mail carries the notice's text (case code and link), never more.
 */
@Injectable()
export class MailDispatcher {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendImmediate(notificationId: string, territoryId: string): Promise<boolean> {
    if (!this.transport.enabled) return false;
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const notification = await manager.findOne(Notification, {
        where: { id: notificationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notification || notification.mailStatus !== MailStatus.PENDING_IMMEDIATE) return false;
      const address = await this.addressOf(manager, notification.userId);
      if (address) {
        await this.transport.send({ to: address, ...renderNotificationMail(this.textInput(notification)) });
      }
      await this.markSent(manager, [notification.id]);
      return Boolean(address);
    });
  }

  /** Each territory's pending digest notices, one mail per reader. Returns the mails sent. */
  async sendDigests(): Promise<number> {
    if (!this.transport.enabled) return 0;
    const territories = await this.database.allTerritoryIds();
    let sent = 0;
    for (const territoryId of territories) {
      sent += await this.database.run({ territoryIds: [territoryId] }, async (manager) => {
        const pending = await manager
          .getRepository(Notification)
          .createQueryBuilder('notification')
          .where('notification.territoryId = :territoryId AND notification.mailStatus = :status', {
            territoryId,
            status: MailStatus.PENDING_DIGEST,
          })
          .orderBy('notification.createdAt')
          .setLock('pessimistic_write')
          .getMany();
        const byUser = new Map<string, Notification[]>();
        for (const notification of pending) {
          byUser.set(notification.userId, [...(byUser.get(notification.userId) ?? []), notification]);
        }
        let mails = 0;
        for (const [userId, notifications] of byUser) {
          const address = await this.addressOf(manager, userId);
          if (address) {
            const digest = renderDigestMail(
              notifications.map((notification) => this.textInput(notification)),
              parisDate(this.clock.now()),
            );
            await this.transport.send({ to: address, ...digest });
            mails += 1;
          }
          await this.markSent(
            manager,
            notifications.map((notification) => notification.id),
          );
        }
        return mails;
      });
    }
    return sent;
  }

  /** Immediate mails whose job Redis lost, per territory, for the reconciler. */
  async pendingImmediate(territoryId: string, olderThan: Date): Promise<string[]> {
    const rows = (await this.database.run({ territoryIds: [territoryId] }, (manager) =>
      manager.query(
        `SELECT id FROM notifications WHERE territory_id = $1 AND mail_status = 'PENDING_IMMEDIATE'
            AND created_at < $2 ORDER BY created_at LIMIT 1000`,
        [territoryId, olderThan],
      ),
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private textInput(notification: Notification) {
    return noticeFacts(this.config, notification);
  }

  private async addressOf(manager: EntityManager, userId: string): Promise<string | null> {
    const [row] = (await manager.query(`SELECT email FROM users WHERE id = $1`, [userId])) as {
      email: string;
    }[];
    return row?.email ?? null;
  }

  private async markSent(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE notifications SET mail_status = 'SENT', mailed_at = $2 WHERE id = ANY($1::uuid[])`,
      [ids, this.clock.now()],
    );
  }
}
