import { ConsentPurpose } from '@relais/consent';
import { ReferralRequest } from './referral-form.enums';

/**
 * What a consent collected for a referral may cover: the purposes that serve what the referral
 * asks, and sharing information between the partners it names. A wider consent is collected
 * later, for a new request.
 */
const PURPOSES_BY_REQUEST: Record<ReferralRequest, readonly ConsentPurpose[]> = {
  CELL_EXAMINATION: [ConsentPurpose.CELL_EXAMINATION, ConsentPurpose.HANDOFF],
  ADVICE: [ConsentPurpose.CELL_EXAMINATION],
  FOLLOW_UP_ASSESSMENT: [ConsentPurpose.CELL_EXAMINATION, ConsentPurpose.FOLLOW_UP, ConsentPurpose.HANDOFF],
  FOLLOW_UP_HOUSING_SUSTAINMENT: [
    ConsentPurpose.CELL_EXAMINATION,
    ConsentPurpose.FOLLOW_UP,
    ConsentPurpose.HANDOFF,
  ],
};

export function purposesAllowedFor(requests: readonly ReferralRequest[]): Set<ConsentPurpose> {
  return new Set([
    ConsentPurpose.INFORMATION_SHARING,
    ...requests.flatMap((request) => PURPOSES_BY_REQUEST[request]),
  ]);
}
