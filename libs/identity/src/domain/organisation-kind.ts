import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  SOCIAL = 'SOCIAL',
  HOUSING = 'HOUSING',
  PSYCHIATRY = 'PSYCHIATRY',
  MEDICO_SOCIAL = 'MEDICO_SOCIAL',
  MUNICIPAL = 'MUNICIPAL',
  ASSOCIATION = 'ASSOCIATION',
  PEER_SUPPORT = 'PEER_SUPPORT',
  JUSTICE_POLICE = 'JUSTICE_POLICE',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'Nature du partenaire.',
  valuesMap: {
    SOCIAL: { description: 'Service social : CCAS, service social départemental.' },
    HOUSING: { description: 'Bailleur social (hors du secret partagé).' },
    PSYCHIATRY: { description: 'Psychiatrie de secteur : CMP, EPSM, EMPP.' },
    MEDICO_SOCIAL: { description: 'Service médico-social : SAVS, SAMSAH.' },
    MUNICIPAL: { description: 'Mairie ou service municipal (hors du secret partagé).' },
    ASSOCIATION: { description: 'Association.' },
    PEER_SUPPORT: { description: 'Groupe d’entraide mutuelle (GEM).' },
    JUSTICE_POLICE: { description: 'Police ou justice (hors du secret partagé).' },
    OTHER: { description: 'Autre partenaire.' },
  },
});

/**
 * Whatever the profession of the person employed there, these organisations are outside the
 * circle of secret partagé (bailleurs, town halls, police).
 */
export const ORGANISATION_KINDS_NEVER_SHARING: ReadonlySet<OrganisationKind> = new Set([
  OrganisationKind.HOUSING,
  OrganisationKind.MUNICIPAL,
  OrganisationKind.JUSTICE_POLICE,
]);
