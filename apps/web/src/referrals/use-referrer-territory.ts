import { useQuery } from 'urql';
import type { CombinedError } from 'urql';
import { ReferrerTerritoriesQuery } from './referrals.operations';

export interface ReferrerTerritory {
  id: string;
  name: string;
}

export interface ReferrerTerritories {
  fetching: boolean;
  error?: CombinedError;
  /** The territories where I refer (an active membership with the role REFERRER), first the oldest. */
  territories: ReferrerTerritory[];
}

/**
 * The territories whose cell my organisation refers to. Almost everyone has one; a partner working
 * with two CLSM picks which one the page shows.
 */
export function useReferrerTerritories(): ReferrerTerritories {
  const [result] = useQuery({ query: ReferrerTerritoriesQuery });
  const territories = (result.data?.me.memberships ?? [])
    .filter((membership) => membership.status === 'ACTIVE' && membership.roles.includes('REFERRER'))
    .map((membership) => membership.territory);
  return { fetching: result.fetching && !result.data, error: result.error, territories };
}
