import { definePolicy, LegalBasis } from '@relais/access';
import { SecondFactor } from './entities';

/** One's own second factor: its recovery codes are renewed by its owner only. */
export const secondFactorPolicy = definePolicy({
  name: 'second-factor',
  subjects: {
    SecondFactor: { entity: SecondFactor, description: 'second facteur' },
  },
  define(principal, { allow }) {
    allow(
      'update',
      'SecondFactor',
      { userId: principal.userId },
      { basis: LegalBasis.SELF, explanation: 'Il s’agit de votre propre second facteur.' },
    );
  },
});
