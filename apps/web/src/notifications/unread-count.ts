import { useCallback } from 'react';
import { useClient } from 'urql';
import { UnreadNotificationCountQuery } from '../shell/session.operations';

/**
 * Asks the api again for the unread count after notifications are marked read. The header's count
 * is the same query: urql hands the fresh answer to every component that shows it. (A bare Int
 * carries no typename, so the cache cannot know a mutation changed it.)
 */
export function useRefreshUnreadCount(): () => Promise<void> {
  const client = useClient();
  return useCallback(async () => {
    await client.query(UnreadNotificationCountQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  }, [client]);
}
