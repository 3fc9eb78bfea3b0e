import { isOpen, isOverdue } from '../actions/action-groups';
import type { ActionStatus } from '../actions/action-status';
import type { ReferralStatus } from './referral-labels';

interface ReferralForAttention {
  id: string;
  status: ReferralStatus;
  submittedAt?: string | null;
  actionsForMyOrganisation: readonly { id: string; dueOn: string; status: ActionStatus }[];
}

/** What a referral asks of my organisation now, the most pressing first. */
export type Attention =
  /** The cell asks us to collect the person's consent before it examines the referral. */
  | 'consent-requested'
  /** Actions entrusted to us are past their due day. */
  | 'overdue-actions'
  /** Our draft, not yet sent to the cell. */
  | 'draft'
  /** Actions entrusted to us, not late. */
  | 'open-actions'
  /** Nothing for us to do: the cell has it, or it is over. */
  | 'none';

const RANK: Record<Attention, number> = {
  'consent-requested': 0,
  'overdue-actions': 1,
  draft: 2,
  'open-actions': 3,
  none: 4,
};

export interface NextStep {
  attention: Attention;
  /** Open actions entrusted to us, and how many of them are late. */
  openActions: number;
  overdueActions: number;
}

/** What the referral asks of us on `today` (AAAA-MM-JJ, the reader's day). */
export function nextStepOf(referral: ReferralForAttention, today: string): NextStep {
  const open = referral.actionsForMyOrganisation.filter(isOpen);
  const overdue = open.filter((action) => isOverdue(action, today));
  const counts = { openActions: open.length, overdueActions: overdue.length };
  if (referral.status === 'NEEDS_CONSENT') return { attention: 'consent-requested', ...counts };
  if (overdue.length) return { attention: 'overdue-actions', ...counts };
  if (referral.status === 'DRAFT') return { attention: 'draft', ...counts };
  if (open.length) return { attention: 'open-actions', ...counts };
  return { attention: 'none', ...counts };
}

/**
 * What needs my attention first, then the most recently sent; referrals never sent (drafts,
 * drafts withdrawn) keep the api's order (newest first) after those sent. The sort is stable.
 */
export function sortByAttention<Referral extends ReferralForAttention>(
  referrals: readonly Referral[],
  today: string,
): Referral[] {
  const keyed = referrals.map((referral, index) => ({
    referral,
    index,
    rank: RANK[nextStepOf(referral, today).attention],
    sentAt: referral.submittedAt ? Date.parse(referral.submittedAt) : null,
  }));
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.sentAt !== null && b.sentAt !== null && a.sentAt !== b.sentAt) return b.sentAt - a.sentAt;
    if ((a.sentAt === null) !== (b.sentAt === null)) return a.sentAt === null ? 1 : -1;
    return a.index - b.index;
  });
  return keyed.map(({ referral }) => referral);
}
