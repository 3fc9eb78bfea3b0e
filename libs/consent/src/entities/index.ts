import { Consent } from './consent.entity';
import { ConsentException } from './consent-exception.entity';

export { Consent, ConsentException };

export const CONSENT_ENTITIES = [Consent, ConsentException];
