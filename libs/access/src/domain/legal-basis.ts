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
  valuesMap: {
    MEMBERSHIP: {
      description: 'Adhésion au territoire, avec le rôle qu’elle donne (administration, audit, annuaire).',
    },
    SELF: { description: 'Votre propre compte ou votre propre organisation.' },
    REFERRAL: { description: 'Une saisine faite par vous ou par votre organisation.' },
    INVITATION: { description: 'Une invitation à l’examen de cette situation en séance de la cellule.' },
    CONSENT: { description: 'Le consentement de la personne, qui nomme votre organisation.' },
    DEROGATION: {
      description: 'Une dérogation approuvée (partage sans consentement, cas prévus par la loi).',
    },
  },
});
