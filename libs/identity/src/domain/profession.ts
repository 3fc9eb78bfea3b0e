import { registerEnumType } from '@nestjs/graphql';
import { SharingCategory } from '@relais/access';
import { ORGANISATION_KINDS_NEVER_SHARING, OrganisationKind } from './organisation-kind';

export enum Profession {
  PSYCHIATRIST = 'PSYCHIATRIST',
  PHYSICIAN = 'PHYSICIAN',
  PSYCHIATRIC_NURSE = 'PSYCHIATRIC_NURSE',
  NURSE = 'NURSE',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  SPECIALISED_EDUCATOR = 'SPECIALISED_EDUCATOR',
  FAMILY_SOCIAL_WORKER = 'FAMILY_SOCIAL_WORKER',
  SOCIAL_ECONOMICS_ADVISOR = 'SOCIAL_ECONOMICS_ADVISOR',
  LEGAL_PROTECTION_OFFICER = 'LEGAL_PROTECTION_OFFICER',
  HOUSING_OFFICER = 'HOUSING_OFFICER',
  CLSM_COORDINATOR = 'CLSM_COORDINATOR',
  MUNICIPAL_OFFICER = 'MUNICIPAL_OFFICER',
  POLICE_OFFICER = 'POLICE_OFFICER',
  ADMINISTRATIVE_STAFF = 'ADMINISTRATIVE_STAFF',
  OTHER = 'OTHER',
}
registerEnumType(Profession, {
  name: 'Profession',
  description:
    'Profession d’un·e professionnel·le ; avec la nature de son organisation, elle fixe sa catégorie de partage (R1110-2 CSP).',
  valuesMap: {
    PSYCHIATRIST: { description: 'Psychiatre (profession de santé).' },
    PHYSICIAN: { description: 'Médecin (profession de santé).' },
    PSYCHIATRIC_NURSE: { description: 'Infirmier·ère en psychiatrie (profession de santé).' },
    NURSE: { description: 'Infirmier·ère (profession de santé).' },
    PSYCHOLOGIST: { description: 'Psychologue (rangé·e parmi les professions sociales et médico-sociales).' },
    SOCIAL_WORKER: { description: 'Assistant·e de service social.' },
    SPECIALISED_EDUCATOR: { description: 'Éducateur·rice spécialisé·e.' },
    FAMILY_SOCIAL_WORKER: { description: 'Technicien·ne de l’intervention sociale et familiale (TISF).' },
    SOCIAL_ECONOMICS_ADVISOR: { description: 'Conseiller·ère en économie sociale et familiale (CESF).' },
    LEGAL_PROTECTION_OFFICER: { description: 'Mandataire judiciaire à la protection des majeurs.' },
    HOUSING_OFFICER: { description: 'Chargé·e de gestion locative (hors de la liste R1110-2).' },
    CLSM_COORDINATOR: { description: 'Coordinateur·rice de CLSM (hors de la liste R1110-2).' },
    MUNICIPAL_OFFICER: { description: 'Agent·e municipal·e (hors de la liste R1110-2).' },
    POLICE_OFFICER: { description: 'Agent·e de police (hors de la liste R1110-2).' },
    ADMINISTRATIVE_STAFF: { description: 'Personnel administratif (hors de la liste R1110-2).' },
    OTHER: { description: 'Autre profession (hors de la liste R1110-2).' },
  },
});

export const PROFESSION_LABELS: Record<Profession, string> = {
  PSYCHIATRIST: 'Psychiatre',
  PHYSICIAN: 'Médecin',
  PSYCHIATRIC_NURSE: 'Infirmier·ère en psychiatrie',
  NURSE: 'Infirmier·ère',
  PSYCHOLOGIST: 'Psychologue',
  SOCIAL_WORKER: 'Assistant·e de service social',
  SPECIALISED_EDUCATOR: 'Éducateur·rice spécialisé·e',
  FAMILY_SOCIAL_WORKER: "Technicien·ne de l'intervention sociale et familiale (TISF)",
  SOCIAL_ECONOMICS_ADVISOR: 'Conseiller·ère en économie sociale et familiale',
  LEGAL_PROTECTION_OFFICER: 'Mandataire judiciaire à la protection des majeurs',
  HOUSING_OFFICER: 'Chargé·e de gestion locative',
  CLSM_COORDINATOR: 'Coordinateur·rice de CLSM',
  MUNICIPAL_OFFICER: 'Agent·e municipal·e',
  POLICE_OFFICER: 'Agent·e de police',
  ADMINISTRATIVE_STAFF: 'Personnel administratif',
  OTHER: 'Autre',
};

/**
 * R1110-2 CSP: 1° the health professions of the Code's fourth part; 2° the social and medico-social
 * professions it enumerates (assistants de service social, psychologues, éducateurs, TISF, CESF,
 * mandataires judiciaires…). Everyone else is outside the list.
 */
const PROFESSION_CATEGORY: Record<Profession, SharingCategory> = {
  PSYCHIATRIST: SharingCategory.HEALTH,
  PHYSICIAN: SharingCategory.HEALTH,
  PSYCHIATRIC_NURSE: SharingCategory.HEALTH,
  NURSE: SharingCategory.HEALTH,
  PSYCHOLOGIST: SharingCategory.SOCIAL_MEDICOSOCIAL,
  SOCIAL_WORKER: SharingCategory.SOCIAL_MEDICOSOCIAL,
  SPECIALISED_EDUCATOR: SharingCategory.SOCIAL_MEDICOSOCIAL,
  FAMILY_SOCIAL_WORKER: SharingCategory.SOCIAL_MEDICOSOCIAL,
  SOCIAL_ECONOMICS_ADVISOR: SharingCategory.SOCIAL_MEDICOSOCIAL,
  LEGAL_PROTECTION_OFFICER: SharingCategory.SOCIAL_MEDICOSOCIAL,
  HOUSING_OFFICER: SharingCategory.NOT_LISTED,
  CLSM_COORDINATOR: SharingCategory.NOT_LISTED,
  MUNICIPAL_OFFICER: SharingCategory.NOT_LISTED,
  POLICE_OFFICER: SharingCategory.NOT_LISTED,
  ADMINISTRATIVE_STAFF: SharingCategory.NOT_LISTED,
  OTHER: SharingCategory.NOT_LISTED,
};

export function sharingCategoryOf(
  profession: Profession,
  organisationKind: OrganisationKind,
): SharingCategory {
  if (ORGANISATION_KINDS_NEVER_SHARING.has(organisationKind)) return SharingCategory.NOT_LISTED;
  return PROFESSION_CATEGORY[profession];
}
