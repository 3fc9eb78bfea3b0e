import { Inject, Injectable } from '@nestjs/common';
import { AccessService, gateFields, NO_ACCESS, Principal, RowAccess, rowView } from '@relais/access';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { EmailMode } from './domain/reminder-kind';
import {
  NOTIFICATION_CURSOR,
  NotificationObject,
  NotificationPreferencesObject,
  NotificationsArgs,
} from './dto/notification.dto';
import { Notification, NotificationPreference } from './entities';
import { renderNotification } from './mail/notification-text';
import { noticeFacts } from './mail/notice-facts';

/** The reader's own notifications: listed, counted and marked read, filtered in SQL by the rules. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A page of my notifications, the most recent first, after the cursor of the page before. */
  notifications(actor: Principal, args: NotificationsArgs): Promise<Connection<NotificationObject>> {
    const after = args.after ? decodeCursor(args.after, NOTIFICATION_CURSOR) : null;
    if (args.after && !after)
      throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Notification)
        .createQueryBuilder('notification')
        .addSelect(
          `to_char(notification.createdAt AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
          'cursor_created',
        )
        .orderBy('notification.createdAt', 'DESC')
        .addOrderBy('notification.id', 'DESC')
        .limit(args.first + 1);
      if (args.unreadOnly) query.andWhere('notification.readAt IS NULL');
      if (after)
        query.andWhere(
          '(notification.createdAt, notification.id) < (CAST(:createdBefore AS timestamptz), CAST(:idBefore AS uuid))',
          { createdBefore: after[0], idBefore: after[1] },
        );
      const accessOf = this.access.selectRowAccess(query, actor, 'read', 'Notification');
      // One name per text: the rules compiled in differ with the reader's roles.
      const digest = createHash('sha256').update(query.getQuery()).digest('hex').slice(0, 16);
      query.comment(`prepared:notifications-page-${digest}`);
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = accessOf(raw);
      const created = new Map(
        (raw as Record<string, string>[]).map((row) => [row.notification_id, row.cursor_created]),
      );
      return pageOf(
        entities,
        args.first,
        (notification) => [created.get(notification.id)!, notification.id],
        (notification) => this.toObject(actor, notification, accesses.get(notification.id) ?? NO_ACCESS),
      );
    });
  }

  unreadCount(actor: Principal): Promise<number> {
    return this.database.run({ territoryIds: actor.territoryIds }, (manager) =>
      this.mine(manager, actor, 'read').andWhere('notification.readAt IS NULL').getCount(),
    );
  }

  markRead(actor: Principal, notificationId: string): Promise<NotificationObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: notification, access } = await this.access.loadAccessible(
        manager,
        actor,
        'markRead',
        Notification,
        notificationId,
      );
      if (!notification.readAt) {
        notification.readAt = this.clock.now();
        await manager.update(Notification, { id: notification.id }, { readAt: notification.readAt });
      }
      return this.toObject(actor, notification, access);
    });
  }

  markAllRead(actor: Principal): Promise<number> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const unread = await this.mine(manager, actor, 'markRead')
        .andWhere('notification.readAt IS NULL')
        .select('notification.id')
        .getMany();
      if (!unread.length) return 0;
      await manager.update(
        Notification,
        { id: In(unread.map((row) => row.id)) },
        { readAt: this.clock.now() },
      );
      return unread.length;
    });
  }

  preferences(actor: Principal): Promise<NotificationPreferencesObject> {
    this.access.assertMayAttempt(actor, 'read', 'NotificationPreference');
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const rows = await manager.findBy(NotificationPreference, {
        userId: actor.userId,
        territoryId: In(actor.territoryIds),
      });
      return { emailMode: rows[0]?.emailMode ?? EmailMode.IMMEDIATE };
    });
  }

  /** One choice for every territory the user works in. */
  setEmailMode(actor: Principal, emailMode: EmailMode): Promise<NotificationPreferencesObject> {
    this.access.assertMayAttempt(actor, 'update', 'NotificationPreference');
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      if (actor.territoryIds.length) {
        await manager.upsert(
          NotificationPreference,
          actor.territoryIds.map((territoryId) => ({
            userId: actor.userId,
            territoryId,
            emailMode,
            updatedAt: this.clock.now(),
          })),
          ['userId', 'territoryId'],
        );
      }
      return { emailMode };
    });
  }

  private mine(manager: EntityManager, actor: Principal, action: 'read' | 'markRead') {
    const query = manager.getRepository(Notification).createQueryBuilder('notification');
    return this.access.accessibleBy(query, actor, action, 'Notification');
  }

  /** Through the one gate, like every object about a person (all logistic: codes and ids). */
  private toObject(actor: Principal, notification: Notification, access: RowAccess): NotificationObject {
    const facts = noticeFacts(this.config, notification);
    const text = renderNotification(facts);
    const link = facts.link;
    return gateFields(
      NotificationObject,
      {
        id: notification.id,
        kind: notification.kind,
        title: text.title,
        body: text.body,
        caseCode: notification.caseCode,
        situationId: notification.situationId,
        aboutOn: notification.aboutOn,
        link,
        createdAt: notification.createdAt,
        readAt: notification.readAt,
      },
      rowView(actor, notification.territoryId, access),
    ).value;
  }
}
