import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { CombinedError } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { MemberSearchQuery, OrganisationSearchQuery } from './directory-search.operations';

/** How many matches a search shows: enough to spot the right one, few enough to read. */
export const SEARCH_MATCHES = 20;
/**
 * How many entries the list shows opened without typing: a whole territory of ordinary size, so
 * that a person who does not think of typing still sees every partner.
 */
export const BROWSE_ENTRIES = 100;
/** The pause after the last key before asking the api, so that typing a name asks once. */
export const SEARCH_DELAY_MS = 250;

export type FoundOrganisation = ResultOf<
  typeof OrganisationSearchQuery
>['organisations']['edges'][number]['node'];
export type FoundMember = ResultOf<
  typeof MemberSearchQuery
>['territoryMembers']['edges'][number]['node']['user'];

export interface DirectorySearch<Entry> {
  entries: readonly Entry[];
  /** The text the entries answer ('' for the first page), trimmed. */
  searched: string;
  /** More entries match than are shown. */
  more: boolean;
  /** The entries do not yet answer what is typed. */
  loading: boolean;
  /** How many entries were asked for. */
  limit: number;
  error?: CombinedError;
}

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function useSearchVariables(territoryId: string, text: string) {
  const typed = text.trim();
  const searched = useDebounced(typed, SEARCH_DELAY_MS);
  const limit = searched ? SEARCH_MATCHES : BROWSE_ENTRIES;
  const variables = useMemo(
    () => ({ territoryId, search: searched || null, first: limit }),
    [territoryId, searched, limit],
  );
  return { typed, searched, limit, variables };
}

/** The partners matching what is typed, asked while `active` (the list is open or being typed in). */
export function useOrganisationSearch(
  territoryId: string,
  text: string,
  active: boolean,
): DirectorySearch<FoundOrganisation> {
  const { typed, searched, limit, variables } = useSearchVariables(territoryId, text);
  const [result] = useQuery({ query: OrganisationSearchQuery, variables, pause: !active || !territoryId });
  const page = result.data?.organisations;
  return {
    entries: page?.edges.map((edge) => edge.node) ?? [],
    searched,
    more: page?.pageInfo.hasNextPage ?? false,
    loading: result.fetching || typed !== searched || (active && !page && !result.error),
    limit,
    error: result.error,
  };
}

/** The people matching what is typed, by first or last name. */
export function useMemberSearch(
  territoryId: string,
  text: string,
  active: boolean,
): DirectorySearch<FoundMember> {
  const { typed, searched, limit, variables } = useSearchVariables(territoryId, text);
  const [result] = useQuery({ query: MemberSearchQuery, variables, pause: !active || !territoryId });
  const page = result.data?.territoryMembers;
  return {
    entries: page?.edges.map((edge) => edge.node.user) ?? [],
    searched,
    more: page?.pageInfo.hasNextPage ?? false,
    loading: result.fetching || typed !== searched || (active && !page && !result.error),
    limit,
    error: result.error,
  };
}
