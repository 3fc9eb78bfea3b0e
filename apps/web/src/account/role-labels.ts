/**
 * Roles and professions as people name them (GLOSSARY.md), with what each role does: the api's
 * enum values are never shown.
 */
export interface RoleLabel {
  label: string;
  /** What the role does, in a few words. */
  description: string;
}

const ROLE_LABELS: Record<string, RoleLabel> = {
  COORDINATOR: {
    label: 'Coordination du CLSM',
    description: 'reçoit les saisines, prépare l’ordre du jour, anime les séances, publie les comptes rendus',
  },
  CELL_MEMBER: {
    label: 'Membre de la cellule',
    description: 'examine en séance les situations inscrites à l’ordre du jour',
  },
  REFERRER: {
    label: 'Auteur·rice de saisines',
    description: 'saisit la cellule et suit ce que deviennent ses saisines',
  },
  FOLLOWUP_PRACTITIONER: {
    label: 'Équipe d’accompagnement (trinôme)',
    description: 'accompagne les personnes et prépare les passages de relais',
  },
  TERRITORY_ADMIN: {
    label: 'Administration du territoire',
    description: 'gère les partenaires et les comptes, sans accès aux situations',
  },
  AUDITOR: {
    label: 'Audit',
    description: 'lit le journal des accès, et rien d’autre',
  },
  STEERING: {
    label: 'Comité de pilotage',
    description: 'lit les bilans d’activité, rien de personnel',
  },
};

/** An unknown value (a role added to the api since this build) is shown as sent, not hidden. */
export function roleLabel(role: string): RoleLabel {
  return ROLE_LABELS[role] ?? { label: role, description: '' };
}

const PROFESSION_LABELS: Record<string, string> = {
  ADMINISTRATIVE_STAFF: 'Personnel administratif',
  CLSM_COORDINATOR: 'Coordinateur·rice de CLSM',
  FAMILY_SOCIAL_WORKER: 'Technicien·ne de l’intervention sociale et familiale (TISF)',
  HOUSING_OFFICER: 'Chargé·e de gestion locative',
  LEGAL_PROTECTION_OFFICER: 'Mandataire judiciaire à la protection des majeurs',
  MUNICIPAL_OFFICER: 'Agent·e municipal·e',
  NURSE: 'Infirmier·ère',
  OTHER: 'Autre profession',
  PHYSICIAN: 'Médecin',
  POLICE_OFFICER: 'Agent·e de police',
  PSYCHIATRIC_NURSE: 'Infirmier·ère en psychiatrie',
  PSYCHIATRIST: 'Psychiatre',
  PSYCHOLOGIST: 'Psychologue',
  SOCIAL_ECONOMICS_ADVISOR: 'Conseiller·ère en économie sociale et familiale (CESF)',
  SOCIAL_WORKER: 'Assistant·e de service social',
  SPECIALISED_EDUCATOR: 'Éducateur·rice spécialisé·e',
};

export function professionLabel(profession: string): string {
  return PROFESSION_LABELS[profession] ?? profession;
}
