import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import { ArchivedSituationsQuery } from './subject-rights.operations';
import type { ArchivedSituation, ArchivedSituationsPage } from './subject-rights.operations';

/** Ten at a time: each one read is written to the journal, so the page reads no more than asked. */
export const ARCHIVE_PAGE_SIZE = 10;

export interface ArchivedSituationList {
  /** Every situation of the pages read, oldest archived first; undefined until the first page came. */
  situations?: ArchivedSituation[];
  hasMore: boolean;
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one; tells how many situations it brought. */
  showMore(): Promise<number>;
}

/** The territory's archive, a page at a time with the api's cursors. */
export function useArchivedSituations(territoryId: string): ArchivedSituationList {
  const client = useClient();
  const [pages, setPages] = useState<ArchivedSituationsPage[]>();
  const [error, setError] = useState<CombinedError>();
  const [loadingMore, setLoadingMore] = useState(false);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          ArchivedSituationsQuery,
          { territoryId, first: ARCHIVE_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.archivedSituations, error: result.error };
    },
    [client, territoryId],
  );

  useEffect(() => {
    let current = true;
    void fetchPage(null).then((answer) => {
      if (!current) return;
      setPages(answer.page ? [answer.page] : []);
      setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [fetchPage]);

  const last = pages?.at(-1);
  const showMore = useCallback(async () => {
    if (!pages || !last?.pageInfo.hasNextPage) return 0;
    setLoadingMore(true);
    const answer = await fetchPage(last.pageInfo.endCursor);
    setLoadingMore(false);
    setError(answer.error);
    if (answer.page) setPages([...pages, answer.page]);
    return answer.page?.edges.length ?? 0;
  }, [fetchPage, pages, last]);

  return {
    situations: pages?.flatMap((page) => page.edges.map((edge) => edge.node)),
    hasMore: last?.pageInfo.hasNextPage ?? false,
    loadingMore,
    error,
    showMore,
  };
}
