import { ORGANISATION_KIND_LABELS } from '../administration/organisation-kinds';
import { readError } from '../graphql/errors';
import { useConnectionList } from '../inbox/use-cursor-list';
import type { CursorList } from '../inbox/use-cursor-list';
import { HandoffRecipientsQuery } from './handoffs.operations';
import type { HandoffRecipient } from './recipient-choice';

/** A territory's partners fit in one page; more are read with « Afficher plus de partenaires ». */
const PAGE_SIZE = 100;

export interface HandoffRecipients {
  /** The partners as the api orders them; undefined until read. */
  list?: HandoffRecipient[];
  error?: string;
  more: Pick<CursorList<unknown>, 'hasMore' | 'loadingMore' | 'showMore'>;
}

/** The partners a hand-off of the situation could go to, each allowed or not, with the api's reason. */
export function useHandoffRecipients(situationId: string): HandoffRecipients {
  const list = useConnectionList(HandoffRecipientsQuery, { situationId }, PAGE_SIZE, 'handoffRecipients');
  return {
    list: list.nodes?.map((node) => ({
      organisationId: node.organisationId,
      name: node.name,
      kindLabel: ORGANISATION_KIND_LABELS[node.kind].label,
      allowed: node.allowed,
      reason: node.reason ?? null,
    })),
    error: list.error ? readError(list.error).message : undefined,
    more: list,
  };
}
