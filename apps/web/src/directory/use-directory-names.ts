import { useEffect, useMemo, useRef, useState } from 'react';
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
  /** True while this id waits for its answer: the page says so rather than show it as unnamed. */
  pending(id: string | null | undefined): boolean;
  /** True until every id asked for has its answer. */
  loading: boolean;
  error?: CombinedError;
}

interface Known<Entry> {
  territoryId: string;
  /** Each id answered: its entry, or null when the api does not name it to me. */
  answers: Map<string, Entry | null>;
  error?: CombinedError;
}

/** The ids once each, in one order, so that the same ids make the same requests (and cache hits). */
function distinctIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))].sort();
}

/**
 * Names what a page shows by asking the api for those ids, a hundred at a time, rather than reading
 * the first page of the directory: a territory may count more partners or people than a page holds.
 * Answers are kept while the page lives, so a list shown longer (« Afficher plus », a change read
 * again) asks only for its new ids and keeps the names it already shows.
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
  const [known, setKnown] = useState<Known<Entry>>();
  // The ids asked for (answered or on their way) in the territory asked about.
  const asked = useRef<{ territoryId: string; ids: Set<string> }>(undefined);

  useEffect(() => {
    if (asked.current?.territoryId !== territoryId) asked.current = { territoryId, ids: new Set() };
    const askedIds = asked.current.ids;
    const missing = wanted.filter((id) => !askedIds.has(id));
    if (!missing.length) return;
    for (const id of missing) askedIds.add(id);
    void readEntries(client, missing, lookup).then(({ entries, error }) => {
      // An answer about a territory the page no longer shows is dropped.
      if (asked.current?.territoryId !== territoryId) return;
      setKnown((previous) => {
        const answers = new Map(previous?.territoryId === territoryId ? previous.answers : undefined);
        // An id the api did not name, or could not be asked for, is answered as unnamed: the page
        // shows its fallback (and the error) rather than wait for ever.
        for (const id of missing) answers.set(id, entries.get(id) ?? null);
        const earlier = previous?.territoryId === territoryId ? previous.error : undefined;
        return { territoryId, answers, error: error ?? earlier };
      });
    });
    // `key` says everything the lookup depends on; `wanted` and `lookup` are remade each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  return useMemo(() => {
    const answers = known?.territoryId === territoryId ? known.answers : undefined;
    return {
      entryOf: (id) => (id ? (answers?.get(id) ?? undefined) : undefined),
      pending: (id) => !!id && !answers?.has(id),
      loading: wanted.some((id) => !answers?.has(id)),
      error: known?.territoryId === territoryId ? known.error : undefined,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, key]);
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

/** Said where a name will appear while the api is asked for it. */
export const NAME_LOADING = 'Chargement…';

export interface PartnerNames {
  /** The partner's name; « Chargement… » while asked for; the page's `unnamed` words otherwise. */
  nameOf(id: string | null | undefined): string;
  /** True until every partner asked for has its answer. */
  loading: boolean;
  error?: CombinedError;
}

/**
 * The partners of `ids` as a page writes them: `unnamed` (« Un partenaire du territoire »…) only
 * for one the api does not name to me, never for one still asked for.
 */
export function usePartnerNames(
  territoryId: string,
  ids: readonly (string | null | undefined)[],
  unnamed: string,
): PartnerNames {
  const names = useOrganisationNames(territoryId, ids);
  return {
    nameOf: (id) => (names.pending(id) ? NAME_LOADING : (names.entryOf(id)?.name ?? unnamed)),
    loading: names.loading,
    error: names.error,
  };
}

/**
 * True from the first time a list and the names it shows are both there. A list waits for its names
 * once, rather than flash a fallback; what it adds later stays on screen, each name loading in place.
 */
export function useShownOnce(ready: boolean): boolean {
  const [shown, setShown] = useState(ready);
  if (ready && !shown) setShown(true);
  return shown || ready;
}
