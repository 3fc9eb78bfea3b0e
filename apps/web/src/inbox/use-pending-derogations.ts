import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { usePagedList } from '../ui/use-paged-list';
import type { PagedList } from '../ui/use-paged-list';
import { PendingDerogationsQuery } from './inbox.operations';
import type { InboxDerogation } from './inbox.operations';

/** The derogations awaiting approval a page at a time, and how many wait in all. */
export function usePendingDerogations(
  territoryId: string,
  pageSize: number,
): PagedList<InboxDerogation> & { totalCount?: number } {
  const client = useClient();
  const [totalCount, setTotalCount] = useState<number>();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          PendingDerogationsQuery,
          { territoryId, first: pageSize, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const page = result.data?.derogations;
      if (page) setTotalCount(page.totalCount);
      return { page, error: result.error };
    },
    [client, territoryId, pageSize],
  );
  const list = usePagedList(territoryId, fetchPage, (derogation) => derogation.id);
  return { ...list, totalCount };
}
