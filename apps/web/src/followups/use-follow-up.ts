import { useState } from 'react';
import { useQuery } from 'urql';
import type { CombinedError } from 'urql';
import { readError } from '../graphql/errors';
import type { ResultOf } from '../graphql/graphql';
import { FollowUpQuery } from './follow-ups.operations';

export interface FollowUpRead {
  data?: ResultOf<typeof FollowUpQuery>;
  error?: CombinedError;
  /** The connection is lost: `data` is what was read before, kept on screen. */
  offline: boolean;
}

/**
 * One follow-up and its reader. On the move the connection comes and goes: when reading again fails
 * for want of network, what was already read (urql's cache gives it first) stays shown rather than
 * being replaced by the error, so the team can still reach a visit kept unsent.
 */
export function useFollowUp(followUpId: string): FollowUpRead {
  const [result] = useQuery({ query: FollowUpQuery, variables: { followUpId } });
  const [kept, setKept] = useState(result.data);
  if (result.data && result.data !== kept) setKept(result.data);
  const offline = !result.data && Boolean(result.error) && readError(result.error!).code === 'NETWORK';
  return {
    data: result.data ?? (offline ? kept : undefined),
    error: result.error,
    offline: offline && Boolean(kept),
  };
}
