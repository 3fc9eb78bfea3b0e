import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { usePagedList } from '../ui/use-paged-list';
import type { PagedList } from '../ui/use-paged-list';
import { MyOrganisationReferralsQuery } from './referrals.operations';
import type { MyReferral } from './referrals.operations';

/** Enough for an organisation's usual referrals in one request; « Afficher plus » reads the next ones. */
export const MY_REFERRALS_PAGE_SIZE = 50;

export interface MyReferralList extends PagedList<MyReferral> {
  /** How many referrals my organisation has in the territory, as the latest page read told it. */
  totalCount?: number;
}

/** « Mes saisines » a page at a time, the most recent first, with the api's cursors. */
export function useMyReferrals(territoryId: string): MyReferralList {
  const client = useClient();
  const [totalCount, setTotalCount] = useState<number>();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          MyOrganisationReferralsQuery,
          { territoryId, first: MY_REFERRALS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const page = result.data?.myOrganisationReferrals;
      if (page) setTotalCount(page.totalCount);
      return { page, error: result.error };
    },
    [client, territoryId],
  );
  const list = usePagedList(territoryId, fetchPage, (referral) => referral.id);
  return { ...list, totalCount };
}
