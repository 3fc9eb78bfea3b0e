import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/** My notifications, the most recent first. */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $unreadOnly: Boolean!) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      id
      kind
      title
      body
      caseCode
      aboutOn
      createdAt
      readAt
    }
  }
`);

export type NotificationItem = ResultOf<typeof NotificationsQuery>['notifications'][number];

/** Also how one notification is read: the api has no other way to fetch it, and opening it reads it. */
export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($notificationId: ID!) {
    markNotificationRead(notificationId: $notificationId) {
      id
      kind
      title
      body
      caseCode
      aboutOn
      createdAt
      readAt
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const MyNotificationPreferencesQuery = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      emailMode
    }
  }
`);

export const SetEmailModeMutation = graphql(`
  mutation SetEmailMode($emailMode: EmailMode!) {
    setEmailMode(emailMode: $emailMode) {
      emailMode
    }
  }
`);
