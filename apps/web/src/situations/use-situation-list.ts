import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { VariablesOf } from '../graphql/graphql';
import { SituationsQuery } from './situations.operations';
import type { SituationLine, SituationsPage } from './situations.operations';

/** A screenful; « Afficher plus » reads the next ones. */
export const SITUATIONS_PAGE_SIZE = 20;

export type SituationCriteria = NonNullable<VariablesOf<typeof SituationsQuery>['filter']>;

export interface SituationList {
  /** Every situation of the pages read, in the api's order; undefined until the first page came. */
  situations?: SituationLine[];
  hasMore: boolean;
  loading: boolean;
  /** A next page is being read. */
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one; tells how many situations it brought. */
  showMore(): Promise<number>;
}

interface Read {
  /** The territory and criteria the pages answer. */
  key: string;
  pages: SituationsPage[];
  error?: CombinedError;
}

/**
 * The territory's situations for the criteria, a page at a time with the api's cursors. New
 * criteria start again from the first page; an answer to older criteria is dropped.
 */
export function useSituationList(territoryId: string, criteria: SituationCriteria): SituationList {
  const client = useClient();
  const criteriaKey = JSON.stringify(criteria);
  const [read, setRead] = useState<Read>();
  const [loadingMore, setLoadingMore] = useState(false);
  const key = `${territoryId} ${criteriaKey}`;
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          SituationsQuery,
          {
            territoryId,
            filter: JSON.parse(criteriaKey) as SituationCriteria,
            first: SITUATIONS_PAGE_SIZE,
            after,
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.situations, error: result.error };
    },
    [client, territoryId, criteriaKey],
  );

  useEffect(() => {
    const mine = ++generation.current;
    void fetchPage(null).then((answer) => {
      if (generation.current !== mine) return;
      setRead({ key, pages: answer.page ? [answer.page] : [], error: answer.error });
    });
  }, [fetchPage, key]);

  // Pages read for other criteria are not shown while the new ones come.
  const current = read?.key === key ? read : undefined;
  const pages = current?.pages;
  const last = pages?.at(-1);

  const showMore = useCallback(async () => {
    if (!pages || !last?.pageInfo.hasNextPage) return 0;
    const mine = generation.current;
    setLoadingMore(true);
    const answer = await fetchPage(last.pageInfo.endCursor);
    setLoadingMore(false);
    if (generation.current !== mine) return 0;
    setRead(answer.page ? { key, pages: [...pages, answer.page] } : { key, pages, error: answer.error });
    return answer.page?.edges.length ?? 0;
  }, [fetchPage, pages, last, key]);

  return {
    situations: pages?.flatMap((page) => page.edges.map((edge) => edge.node)),
    hasMore: last?.pageInfo.hasNextPage ?? false,
    loading: !current || loadingMore,
    loadingMore,
    error: current?.error,
    showMore,
  };
}
