import { Referral } from './referral.entity';
import { ReferralTransition } from './referral-transition.entity';

export { Referral, ReferralTransition };

export const REFERRAL_ENTITIES = [Referral, ReferralTransition];
