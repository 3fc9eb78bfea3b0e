import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { MyFollowUpsQuery } from './follow-ups.operations';
import type { MyFollowUp } from './follow-ups.operations';

/** A screenful; « Afficher plus » reads the next ones. */
export const MY_FOLLOW_UPS_PAGE_SIZE = 10;

type Page = ResultOf<typeof MyFollowUpsQuery>['myFollowUps'];

export interface MyFollowUpList {
  /** Every follow-up of the pages read, in the api's order; undefined until the first page came. */
  followUps?: MyFollowUp[];
  hasMore: boolean;
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one; tells how many follow-ups it brought. */
  showMore(): Promise<number>;
}

/** My follow-ups a page at a time with the api's cursors (the component is keyed by `includeEnded`). */
export function useMyFollowUps(includeEnded: boolean): MyFollowUpList {
  const client = useClient();
  const [pages, setPages] = useState<Page[]>();
  const [error, setError] = useState<CombinedError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          MyFollowUpsQuery,
          { includeEnded, first: MY_FOLLOW_UPS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.myFollowUps, error: result.error };
    },
    [client, includeEnded],
  );

  useEffect(() => {
    const mine = ++generation.current;
    void fetchPage(null).then((answer) => {
      if (generation.current !== mine) return;
      setError(answer.error);
      setPages(answer.page ? [answer.page] : []);
    });
  }, [fetchPage]);

  const last = pages?.at(-1);
  const showMore = useCallback(async () => {
    if (!pages || !last?.pageInfo.hasNextPage) return 0;
    const mine = generation.current;
    setLoadingMore(true);
    const answer = await fetchPage(last.pageInfo.endCursor ?? null);
    setLoadingMore(false);
    if (generation.current !== mine) return 0;
    setError(answer.error);
    if (answer.page) setPages([...pages, answer.page]);
    return answer.page?.edges.length ?? 0;
  }, [fetchPage, pages, last]);

  return {
    followUps: pages?.flatMap((page) => page.edges.map((edge) => edge.node)),
    hasMore: last?.pageInfo.hasNextPage ?? false,
    loadingMore,
    error,
    showMore,
  };
}
