import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/** One page of my notifications, the most recent first. */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        node {
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type NotificationItem = ResultOf<typeof NotificationsQuery>['notifications']['edges'][number]['node'];

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
