import { Module } from '@nestjs/common';
import { OutboxConsumer, OutboxRelay } from '@relais/outbox';
import { MailTransport } from './mail/mail-transport';
import { MailDispatcher } from './mail/mail.dispatcher';
import { MailQueue } from './mail/mail.queue';
import { ReminderDispatcher } from './reminder.dispatcher';
import { ReminderPlanner } from './reminder.planner';
import { ReminderPolicies } from './reminder-policy.service';
import { ReminderQueue } from './reminder.queue';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';

const DISPATCH = [
  OutboxRelay,
  OutboxConsumer,
  ReminderScheduler,
  ReminderPolicies,
  ReminderPlanner,
  ReminderQueue,
  ReminderDispatcher,
  ReminderReconciler,
  MailTransport,
  MailQueue,
  MailDispatcher,
];

/** What the worker runs: relaying events, planning and firing reminders, sending mails. */
@Module({ providers: DISPATCH, exports: DISPATCH })
export class RemindersDispatchModule {}
