import { registerEnumType } from '@nestjs/graphql';
import { OrganisationKind } from './organisation-kind';

/**
 * Who referred, as told to readers who may not know the referring partner: the partner's kind,
 * except that psychiatry, medico-social services and peer-support groups are told together as
 * « partenaire du soin ou de l’accompagnement » — naming the CMP alone would disclose psychiatric
 * care, and a kind of its own for each would give it back.
 */
export enum ReferrerKind {
  SOCIAL = 'SOCIAL',
  HOUSING = 'HOUSING',
  CARE_OR_SUPPORT = 'CARE_OR_SUPPORT',
  MUNICIPAL = 'MUNICIPAL',
  ASSOCIATION = 'ASSOCIATION',
  JUSTICE_POLICE = 'JUSTICE_POLICE',
  OTHER = 'OTHER',
}
registerEnumType(ReferrerKind, {
  name: 'ReferrerKind',
  description:
    'Nature du partenaire qui a saisi la cellule, telle qu’elle peut être dite sans révéler un soin.',
  valuesMap: {
    SOCIAL: { description: 'Service social (CCAS, service social départemental).' },
    HOUSING: { description: 'Bailleur social.' },
    CARE_OR_SUPPORT: {
      description: 'Partenaire du soin ou de l’accompagnement (psychiatrie, médico-social, entraide).',
    },
    MUNICIPAL: { description: 'Commune.' },
    ASSOCIATION: { description: 'Association.' },
    JUSTICE_POLICE: { description: 'Police ou justice.' },
    OTHER: { description: 'Autre partenaire.' },
  },
});

export const REFERRER_KIND_LABELS: Record<ReferrerKind, string> = {
  SOCIAL: 'service social',
  HOUSING: 'bailleur',
  CARE_OR_SUPPORT: 'partenaire du soin ou de l’accompagnement',
  MUNICIPAL: 'commune',
  ASSOCIATION: 'association',
  JUSTICE_POLICE: 'police ou justice',
  OTHER: 'autre partenaire',
};

const SHOWN_AS: Record<OrganisationKind, ReferrerKind> = {
  SOCIAL: ReferrerKind.SOCIAL,
  HOUSING: ReferrerKind.HOUSING,
  PSYCHIATRY: ReferrerKind.CARE_OR_SUPPORT,
  MEDICO_SOCIAL: ReferrerKind.CARE_OR_SUPPORT,
  PEER_SUPPORT: ReferrerKind.CARE_OR_SUPPORT,
  MUNICIPAL: ReferrerKind.MUNICIPAL,
  ASSOCIATION: ReferrerKind.ASSOCIATION,
  JUSTICE_POLICE: ReferrerKind.JUSTICE_POLICE,
  OTHER: ReferrerKind.OTHER,
};

export function referrerKindOf(kind: OrganisationKind): ReferrerKind {
  return SHOWN_AS[kind];
}
