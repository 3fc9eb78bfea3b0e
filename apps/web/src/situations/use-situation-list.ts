import { useCallback } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { VariablesOf } from '../graphql/graphql';
import { usePagedList } from '../ui/use-paged-list';
import { SituationsQuery } from './situations.operations';
import type { SituationLine } from './situations.operations';

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

const situationId = (situation: SituationLine) => situation.id;

/**
 * The territory's situations for the criteria, a page at a time with the api's cursors. New
 * criteria start again from the first page; an answer to older criteria is dropped.
 */
export function useSituationList(territoryId: string, criteria: SituationCriteria): SituationList {
  const client = useClient();
  const criteriaKey = JSON.stringify(criteria);

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
  const list = usePagedList(`${territoryId} ${criteriaKey}`, fetchPage, situationId);

  return {
    situations: list.items,
    hasMore: list.hasMore,
    // Until the first page for these criteria came, or while a next one comes.
    loading: (!list.items && !list.error) || list.loadingMore,
    loadingMore: list.loadingMore,
    error: list.error,
    showMore: list.showMore,
  };
}
