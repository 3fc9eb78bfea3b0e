import type { ReferralStatus } from './referral-labels';

/** A colour family per status, a second cue after the words. */
const TONE: Record<ReferralStatus, 'draft' | 'waiting' | 'attention' | 'done' | 'closed'> = {
  DRAFT: 'draft',
  SUBMITTED: 'waiting',
  PRE_REVIEW: 'waiting',
  NEEDS_CONSENT: 'attention',
  ACCEPTED: 'done',
  REDIRECTED: 'closed',
  WITHDRAWN: 'closed',
};

/** A referral's status in the api's own French words. */
export function StatusTag({ status, label }: { status: ReferralStatus; label: string }) {
  return <span className={`status-tag status-tag-${TONE[status]}`}>{label}</span>;
}
