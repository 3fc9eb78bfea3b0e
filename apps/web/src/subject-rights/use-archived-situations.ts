import { useCallback } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import { usePagedList } from '../ui/use-paged-list';
import { ArchivedSituationsQuery } from './subject-rights.operations';
import type { ArchivedSituation } from './subject-rights.operations';

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

const situationId = (situation: ArchivedSituation) => situation.id;

/** The territory's archive, a page at a time with the api's cursors. */
export function useArchivedSituations(territoryId: string): ArchivedSituationList {
  const client = useClient();

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
  const list = usePagedList(territoryId, fetchPage, situationId);

  return {
    situations: list.items,
    hasMore: list.hasMore,
    loadingMore: list.loadingMore,
    error: list.error,
    showMore: list.showMore,
  };
}
