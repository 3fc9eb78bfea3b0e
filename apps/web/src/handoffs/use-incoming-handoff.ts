import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError, OperationResult } from 'urql';
import { readFragment } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';
import { HandoffFields, IncomingHandoffsQuery } from './handoffs.operations';
import type { HandoffView } from './handoffs.operations';

type IncomingData = ResultOf<typeof IncomingHandoffsQuery>;
type IncomingPage = OperationResult<IncomingData>;

/** Pages read at most looking for the hand-off (10 × 100 hand-offs received). */
const MAX_PAGES = 10;

export interface IncomingHandoff {
  /** Undefined while reading; null when my organisation received no hand-off of that id. */
  handoff?: HandoffView | null;
  error?: CombinedError;
  /** The hand-off as the api sent it back after an answer. */
  replace(handoff: HandoffView): void;
}

/**
 * One hand-off proposed to my organisation, read from the list of those received (the api has no
 * read of a single hand-off by its id): the pages are read until it shows, usually the first.
 */
export function useIncomingHandoff(handoffId: string): IncomingHandoff {
  const client = useClient();
  const [handoff, setHandoff] = useState<HandoffView | null>();
  const [error, setError] = useState<CombinedError>();

  useEffect(() => {
    let current = true;
    void (async () => {
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result: IncomingPage = await client
          .query(
            IncomingHandoffsQuery,
            { status: null, first: 100, after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (!current) return;
        const connection: IncomingData['incomingHandoffs'] | undefined = result.data?.incomingHandoffs;
        if (!connection) return setError(result.error);
        const found = connection.edges
          .map((edge) => readFragment(HandoffFields, edge.node))
          .find((candidate) => candidate.id === handoffId);
        if (found) return setHandoff(found);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }
      setHandoff(null);
    })();
    return () => {
      current = false;
    };
  }, [client, handoffId]);

  const replace = useCallback((answered: HandoffView) => setHandoff(answered), []);
  return { handoff, error, replace };
}
