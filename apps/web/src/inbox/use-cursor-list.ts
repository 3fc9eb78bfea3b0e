import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { AnyVariables, CombinedError, TypedDocumentNode } from 'urql';

/** What a page of a cursor connection brings. */
export interface CursorPage<Node> {
  nodes: Node[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export type FetchPage<Node> = (
  after: string | null,
) => Promise<{ page?: CursorPage<Node>; error?: CombinedError }>;

export interface CursorList<Node> {
  /** Every node of the pages read, in the api's order; undefined until the first page came. */
  nodes?: Node[];
  hasMore: boolean;
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one. */
  showMore(): Promise<void>;
  /** Reads the first page again (after a change elsewhere on the page). */
  refresh(): Promise<void>;
}

/**
 * A list read a page at a time with the api's cursors, kept here rather than in urql's cache
 * (which keeps one answer per document and variables). `fetchPage` must change when what it reads
 * changes (another territory): the list is then read again from its start.
 */
export function useCursorList<Node>(fetchPage: FetchPage<Node>): CursorList<Node> {
  const [pages, setPages] = useState<CursorPage<Node>[]>();
  const [error, setError] = useState<CombinedError>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers to an older request (another territory, a refresh started since) are dropped.
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    return fetchPage(null).then((answer) => {
      if (generation.current !== mine) return;
      setError(answer.error);
      if (answer.page) setPages([answer.page]);
    });
  }, [fetchPage]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const last = pages?.at(-1);
  const showMore = useCallback(async () => {
    if (!pages || !last?.hasNextPage) return;
    const mine = generation.current;
    setLoadingMore(true);
    const answer = await fetchPage(last.endCursor);
    setLoadingMore(false);
    if (generation.current !== mine) return;
    setError(answer.error);
    if (answer.page) setPages([...pages, answer.page]);
  }, [fetchPage, pages, last]);

  return {
    nodes: pages?.flatMap((page) => page.nodes),
    hasMore: last?.hasNextPage ?? false,
    loadingMore,
    error,
    showMore,
    refresh,
  };
}

interface Connection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

type NodeOf<Value> = Value extends Connection<infer Node> ? Node : never;

/**
 * `useCursorList` over one connection query: `variables` (without `first` and `after`) say which
 * list, `field` names the connection in the answer. Read again whenever the variables' values
 * change.
 */
export function useConnectionList<Data, Variables extends AnyVariables, Field extends keyof Data>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  pageSize: number,
  field: Field,
): CursorList<NodeOf<Data[Field]>> {
  const client = useClient();
  // By value: a caller's new object with the same values reads nothing again.
  const key = JSON.stringify(variables);
  const fetchPage = useCallback<FetchPage<NodeOf<Data[Field]>>>(
    async (after) => {
      const asked = { ...(JSON.parse(key) as object), first: pageSize, after } as unknown as Variables;
      const result = await client.query(query, asked, { requestPolicy: 'network-only' }).toPromise();
      const connection = result.data?.[field] as Connection<NodeOf<Data[Field]>> | undefined;
      return {
        error: result.error,
        page: connection && {
          nodes: connection.edges.map((edge) => edge.node),
          hasNextPage: connection.pageInfo.hasNextPage,
          endCursor: connection.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, query, key, pageSize, field],
  );
  return useCursorList(fetchPage);
}
