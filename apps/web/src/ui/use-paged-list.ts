import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CombinedError } from 'urql';

/** One page of a connection as the api answers it. */
export interface ConnectionPage<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageAnswer<Node> {
  page?: ConnectionPage<Node> | null;
  error?: CombinedError;
}

export interface PagedList<Node> {
  /** Every element of the pages read, in the api's order; undefined until the first page came. */
  items?: Node[];
  hasMore: boolean;
  loadingMore: boolean;
  error?: CombinedError;
  /** Reads the page after the last one; tells how many elements it brought. */
  showMore(): Promise<number>;
  /** Reads again as many pages as are shown, after a change. */
  refresh(): Promise<void>;
}

interface Read<Node> {
  /** What the pages answer (a territory, a meeting…): pages read for another key are not shown. */
  key: string;
  pages: ConnectionPage<Node>[];
  error?: CombinedError;
}

/**
 * A list read a page at a time with the api's cursors, as « Mes actions » reads its own: the
 * pages are kept here rather than in urql's cache (one answer per document and variables), a new
 * `key` starts again from the first page, and after a change every page shown is read again from
 * the first, so nothing is skipped. `fetchPage` must change only when `key` does.
 */
export function usePagedList<Node>(
  key: string,
  fetchPage: (after: string | null) => Promise<PageAnswer<Node>>,
  idOf: (node: Node) => string,
): PagedList<Node> {
  const [read, setRead] = useState<Read<Node>>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers to an older request (another key, a refresh started since) are dropped.
  const generation = useRef(0);

  const readPages = useCallback(
    async (count: number) => {
      const mine = ++generation.current;
      const pages: ConnectionPage<Node>[] = [];
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
      setRead((previous) =>
        pages.length || previous?.key !== key ? { key, pages, error } : { ...previous, error },
      );
    },
    [fetchPage, key],
  );

  useEffect(() => {
    void readPages(1);
  }, [readPages]);

  const current = read?.key === key ? read : undefined;
  const pages = current?.pages;
  const last = pages?.at(-1);

  const showMore = useCallback(async () => {
    if (!pages || !last?.pageInfo.hasNextPage) return 0;
    const mine = generation.current;
    setLoadingMore(true);
    const answer = await fetchPage(last.pageInfo.endCursor);
    setLoadingMore(false);
    if (generation.current !== mine) return 0;
    setRead(answer.page ? { key, pages: [...pages, answer.page] } : { key, pages, error: answer.error });
    return answer.page?.edges.length ?? 0;
  }, [fetchPage, pages, last, key]);

  const refresh = useCallback(() => readPages(Math.max(1, pages?.length ?? 1)), [readPages, pages]);
  // How an element is identified never changes in a list's life: the first render's function is
  // kept, so the array stays the same while the pages are (what is derived from it is not made again).
  const [identify] = useState(() => idOf);
  const items = useMemo(
    () =>
      pages &&
      unique(
        pages.flatMap((page) => page.edges.map((edge) => edge.node)),
        identify,
      ),
    [pages, identify],
  );

  return {
    items,
    hasMore: last?.pageInfo.hasNextPage ?? false,
    loadingMore,
    error: current?.error,
    showMore,
    refresh,
  };
}

/** Pages read before and after a change may both hold an element: it is shown once, where first read. */
function unique<Node>(nodes: Node[], idOf: (node: Node) => string): Node[] {
  const byId = new Map<string, Node>();
  for (const node of nodes) if (!byId.has(idOf(node))) byId.set(idOf(node), node);
  return [...byId.values()];
}
