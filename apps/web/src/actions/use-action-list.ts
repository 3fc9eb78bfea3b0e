import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { SchemaEnum } from '../referrals/referral-labels';
import type { ActionStatus } from './action-status';
import { MyOrganisationActionsQuery } from './actions.operations';
import type { ActionPage, OrganisationAction } from './actions.operations';

/** Enough for an organisation's usual load in one request; « Afficher plus » reads the next ones. */
export const ACTIONS_PAGE_SIZE = 50;

export interface ActionListRequest {
  territoryId: string;
  statuses: readonly ActionStatus[];
  order: SchemaEnum<'ActionOrder'>;
}

export interface ActionList {
  /** Every action of the pages read, in the api's order; undefined until the first page came. */
  actions?: OrganisationAction[];
  /** More actions follow the last page read. */
  hasMore: boolean;
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one; tells how many actions it brought. */
  showMore(): Promise<number>;
  /** Reads again as many pages as are shown, after a change. */
  refresh(): Promise<void>;
}

interface Read {
  pages: ActionPage[];
  error?: CombinedError;
}

/**
 * One list of the actions entrusted to my organisation, read a page at a time with the api's
 * cursors. The pages are kept here rather than in urql's cache, which keeps one answer per
 * document and variables: after a change, every page shown is read again from the first, so an
 * action that moved to another list leaves this one and nothing is skipped.
 */
export function useActionList({ territoryId, statuses, order }: ActionListRequest): ActionList {
  const client = useClient();
  // The statuses by value: a caller's new array with the same statuses reads nothing again.
  const statusKey = statuses.join(' ');
  const [read, setRead] = useState<Read>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers to an older request (another territory, a refresh started since) are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          MyOrganisationActionsQuery,
          {
            territoryId,
            status: statusKey.split(' ') as ActionStatus[],
            order,
            first: ACTIONS_PAGE_SIZE,
            after,
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.myOrganisationActions, error: result.error };
    },
    [client, territoryId, statusKey, order],
  );

  const readPages = useCallback(
    async (count: number) => {
      const mine = ++generation.current;
      const pages: ActionPage[] = [];
      let after: string | null = null;
      let error: CombinedError | undefined;
      while (pages.length < count) {
        const answer = await fetchPage(after);
        if (!answer.page) {
          error = answer.error;
          break;
        }
        pages.push(answer.page);
        if (!answer.page.pageInfo.hasNextPage) break;
        after = answer.page.pageInfo.endCursor;
      }
      if (generation.current !== mine) return;
      // A failed refresh keeps what was shown, with the error beside it.
      setRead((previous) => (pages.length || !previous ? { pages, error } : { ...previous, error }));
    },
    [fetchPage],
  );

  useEffect(() => {
    void readPages(1);
  }, [readPages]);

  const pages = read?.pages;
  const last = pages?.at(-1);
  const hasMore = last?.pageInfo.hasNextPage ?? false;

  const showMore = useCallback(async () => {
    if (!pages || !last?.pageInfo.hasNextPage) return 0;
    const mine = generation.current;
    setLoadingMore(true);
    const answer = await fetchPage(last.pageInfo.endCursor);
    setLoadingMore(false);
    if (generation.current !== mine) return 0;
    setRead(answer.page ? { pages: [...pages, answer.page] } : { pages, error: answer.error });
    return answer.page?.edges.length ?? 0;
  }, [fetchPage, pages, last]);

  const refresh = useCallback(() => readPages(Math.max(1, pages?.length ?? 1)), [readPages, pages]);

  return {
    actions: pages && unique(pages.flatMap((page) => page.edges.map((edge) => edge.node))),
    hasMore,
    loadingMore,
    error: read?.error,
    showMore,
    refresh,
  };
}

/** Pages read before and after a change may both hold an action: it is shown once, where first read. */
function unique(actions: OrganisationAction[]): OrganisationAction[] {
  const byId = new Map<string, OrganisationAction>();
  for (const action of actions) if (!byId.has(action.id)) byId.set(action.id, action);
  return [...byId.values()];
}
