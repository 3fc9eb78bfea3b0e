import { useCallback } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import type { SchemaEnum } from '../referrals/referral-labels';
import { usePagedList } from '../ui/use-paged-list';
import type { ActionStatus } from './action-status';
import { MyOrganisationActionsQuery } from './actions.operations';
import type { OrganisationAction } from './actions.operations';

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

const actionId = (action: OrganisationAction) => action.id;

/**
 * One list of the actions entrusted to my organisation, read a page at a time with the api's
 * cursors (usePagedList): after a change every page shown is read again from the first, so an
 * action that moved to another list leaves this one and nothing is skipped.
 */
export function useActionList({ territoryId, statuses, order }: ActionListRequest): ActionList {
  const client = useClient();
  // The statuses by value: a caller's new array with the same statuses reads nothing again.
  const statusKey = statuses.join(' ');

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
  const list = usePagedList(`${territoryId} ${statusKey} ${order}`, fetchPage, actionId);

  return {
    actions: list.items,
    hasMore: list.hasMore,
    loadingMore: list.loadingMore,
    error: list.error,
    showMore: list.showMore,
    refresh: list.refresh,
  };
}
