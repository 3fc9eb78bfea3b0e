import { registerEnumType } from '@nestjs/graphql';

/** Why a user may see something: the relation that grants it and its legal footing. */
export enum LegalBasis {
  /** Membership of the territory, with the role it gives (administration, audit, directory). */
  MEMBERSHIP = 'MEMBERSHIP',
  /** The user's own account or organisation. */
  SELF = 'SELF',
  REFERRAL = 'REFERRAL',
  INVITATION = 'INVITATION',
  CONSENT = 'CONSENT',
  DEROGATION = 'DEROGATION',
}
registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: "Fondement d'un accès : adhésion, soi-même, saisine, invitation, consentement, dérogation.",
});
