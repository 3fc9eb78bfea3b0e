import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
import { Reminder } from './reminder.entity';
import { ReminderPolicySetting } from './reminder-policy-setting.entity';

export * from './notification.entity';
export * from './notification-preference.entity';
export * from './reminder.entity';
export * from './reminder-policy-setting.entity';

export const REMINDER_ENTITIES = [Reminder, Notification, NotificationPreference, ReminderPolicySetting];
