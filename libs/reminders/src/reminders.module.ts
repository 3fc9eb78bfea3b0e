import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { OutboxConsumer, OutboxRelay } from '@relais/outbox';
import { MailTransport } from './mail/mail-transport';
import { MailDispatcher } from './mail/mail.dispatcher';
import { MailQueue } from './mail/mail.queue';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';
import { ReminderDispatcher } from './reminder.dispatcher';
import { ReminderFiring } from './reminder.firing';
import { ReminderPlanner } from './reminder.planner';
import { ReminderPolicies } from './reminder-policy.service';
import { ReminderQueue } from './reminder.queue';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderSettingsService } from './reminder-settings.service';
import { remindersPolicy } from './reminders.policy';

registerPolicy(remindersPolicy);

const DISPATCH = [
  OutboxRelay,
  OutboxConsumer,
  ReminderScheduler,
  ReminderPolicies,
  ReminderPlanner,
  ReminderQueue,
  ReminderDispatcher,
  ReminderFiring,
  ReminderReconciler,
  MailTransport,
  MailQueue,
  MailDispatcher,
];

/** What the worker runs: relaying events, planning and firing reminders, sending mails. */
@Module({ providers: DISPATCH, exports: DISPATCH })
export class RemindersDispatchModule {}

/** What people use: their notifications and e-mail choice, the territory's tuning. */
@Module({ providers: [NotificationService, ReminderPolicies, ReminderSettingsService, NotificationResolver] })
export class RemindersGraphqlModule {}
