import { Categorized, DataCategory, gateFields, LOGISTIC_VIEW } from '@relais/access';
import { AppConfig } from '@relais/config';
import { ReminderKind } from '../domain/reminder-kind';
import { Notification } from '../entities';
import { notificationLink } from '../notification-link';
import { NotificationTextInput } from './notification-text';

/**
 * What a notice's text is written from, as a row about a person: it passes the field gate like
 * every other, so a fact added here without a category — or of a category a notice may not carry —
 * never reaches a text or a mail. A notice is its recipient's own and carries logistics only.
 */
class NoticeFacts {
  @Categorized(DataCategory.LOGISTIC)
  kind!: ReminderKind;

  @Categorized(DataCategory.LOGISTIC)
  caseCode!: string | null;

  @Categorized(DataCategory.LOGISTIC)
  aboutOn!: string | null;

  @Categorized(DataCategory.LOGISTIC)
  link!: string;

  redactedFields!: string[];
}

const A_NOTICE_CARRIES = LOGISTIC_VIEW;

export function noticeFacts(config: AppConfig, notification: Notification): NotificationTextInput {
  const { value } = gateFields(
    NoticeFacts,
    {
      kind: notification.kind,
      caseCode: notification.caseCode,
      aboutOn: notification.aboutOn,
      link: notificationLink(config, notification.id),
    },
    A_NOTICE_CARRIES,
  );
  return { kind: value.kind, caseCode: value.caseCode, aboutOn: value.aboutOn, link: value.link };
}
