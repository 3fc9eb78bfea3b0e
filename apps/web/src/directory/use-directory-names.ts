import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { AnyVariables, Client, CombinedError, DocumentInput } from 'urql';
import type { ResultOf } from '../graphql/graphql';
import { MemberNamesQuery, NAMES_PER_LOOKUP, OrganisationNamesQuery } from './directory.operations';

export type NamedOrganisation = ResultOf<
  typeof OrganisationNamesQuery
>['organisations']['edges'][number]['node'];
export type NamedMember = ResultOf<
  typeof MemberNamesQuery
>['territoryMembers']['edges'][number]['node']['user'];

export interface DirectoryNames<Entry> {
  /** The entry of an id the page shows; undefined while it loads, or when the api gives none. */
  entryOf(id: string | null | undefined): Entry | undefined;
  /** True until every id asked for has its answer. */
  loading: boolean;
  error?: CombinedError;
}

interface Answered<Entry> {
  key: string;
  entries: Map<string, Entry>;
  error?: CombinedError;
}

/** The ids once each, in one order, so that the same ids make the same requests (and cache hits). */
function distinctIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))].sort();
}

/**
 * Names what a page shows by asking the api for those ids, a hundred at a time, rather than reading
 * the first page of the directory: a territory may count more partners or people than a page holds.
 */
function useDirectoryNames<Entry extends { id: string }, Data>(
  territoryId: string,
  ids: readonly (string | null | undefined)[],
  lookup: {
    document: DocumentInput<Data, AnyVariables>;
    variables(chunk: string[]): AnyVariables;
    entries(data: Data): Entry[];
  },
): DirectoryNames<Entry> {
  const client = useClient();
  const wanted = distinctIds(ids);
  const key = `${territoryId}|${wanted.join(',')}`;
  const [answered, setAnswered] = useState<Answered<Entry>>();

  useEffect(() => {
    let current = true;
    void readEntries(client, wanted, lookup).then((answer) => {
      if (current) setAnswered({ key, ...answer });
    });
    return () => {
      current = false;
    };
    // `key` says everything the lookup depends on; `wanted` and `lookup` are remade each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  return useMemo(() => {
    const fresh = answered?.key === key ? answered : undefined;
    return {
      entryOf: (id) => (id ? fresh?.entries.get(id) : undefined),
      loading: wanted.length > 0 && !fresh,
      error: fresh?.error,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answered, key]);
}

async function readEntries<Entry extends { id: string }, Data>(
  client: Client,
  ids: string[],
  lookup: {
    document: DocumentInput<Data, AnyVariables>;
    variables(chunk: string[]): AnyVariables;
    entries(data: Data): Entry[];
  },
): Promise<{ entries: Map<string, Entry>; error?: CombinedError }> {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += NAMES_PER_LOOKUP) {
    chunks.push(ids.slice(start, start + NAMES_PER_LOOKUP));
  }
  const answers = await Promise.all(
    chunks.map((chunk) => client.query(lookup.document, lookup.variables(chunk)).toPromise()),
  );
  const entries = new Map<string, Entry>();
  let error: CombinedError | undefined;
  for (const answer of answers) {
    if (answer.data) for (const entry of lookup.entries(answer.data)) entries.set(entry.id, entry);
    error ??= answer.error;
  }
  return { entries, error };
}

/** The partners of `ids`, as the api names them to me. */
export function useOrganisationNames(
  territoryId: string,
  ids: readonly (string | null | undefined)[],
): DirectoryNames<NamedOrganisation> {
  return useDirectoryNames(territoryId, ids, {
    document: OrganisationNamesQuery,
    variables: (chunk) => ({ territoryId, ids: chunk }),
    entries: (data: ResultOf<typeof OrganisationNamesQuery>) =>
      data.organisations.edges.map((edge) => edge.node),
  });
}

/** The people of `userIds`, as the directory names them to me. */
export function useMemberNames(
  territoryId: string,
  userIds: readonly (string | null | undefined)[],
): DirectoryNames<NamedMember> {
  return useDirectoryNames(territoryId, userIds, {
    document: MemberNamesQuery,
    variables: (chunk) => ({ territoryId, userIds: chunk }),
    entries: (data: ResultOf<typeof MemberNamesQuery>) =>
      data.territoryMembers.edges.map((edge) => edge.node.user),
  });
}
