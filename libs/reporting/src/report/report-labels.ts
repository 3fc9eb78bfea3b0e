/**
 * French labels of the codes the projection keeps, as the report shows them. Listed here (and not
 * read from the other contexts) because the report is computed from the projection alone; a code
 * the report does not know yet is shown as it is rather than dropped.
 */
export type Labels = Readonly<Record<string, string>>;

export const ORGANISATION_KIND_LABELS: Labels = {
  SOCIAL: 'Service social (CCAS, service social départemental)',
  HOUSING: 'Bailleur social',
  PSYCHIATRY: 'Psychiatrie de secteur (CMP, EPSM)',
  MEDICO_SOCIAL: 'Service médico-social (SAVS, SAMSAH)',
  MUNICIPAL: 'Mairie, service municipal',
  ASSOCIATION: 'Association',
  PEER_SUPPORT: 'Groupe d’entraide mutuelle (GEM)',
  JUSTICE_POLICE: 'Police, justice',
  OTHER: 'Autre partenaire',
};

export const DIFFICULTY_AREA_LABELS: Labels = {
  HOUSING_DEBT: 'Dette locative',
  EVICTION_PROCEDURE: 'Procédure d’expulsion',
  NEIGHBOUR_DISTURBANCE: 'Troubles du voisinage',
  HYGIENE_HOARDING: 'Incurie, accumulation (Diogène)',
  CARE_INTERRUPTION: 'Rupture de soins',
  NO_GP: 'Pas de médecin traitant',
  SOCIAL_RIGHTS: 'Accès aux droits sociaux',
  ISOLATION: 'Isolement',
  SAFETY_RISK: 'Risque pour la sécurité',
  OTHER: 'Autre difficulté',
};

export const ADMISSIBILITY_LABELS: Labels = {
  ADMISSIBLE: 'Recevable',
  CONSENT_NEEDED: 'Consentement à recueillir',
  REDIRECTED: 'Réorientée dès la réception',
  PENDING: 'Pas encore examinée',
};

export const OUTCOME_LABELS: Labels = {
  ACCEPTED: 'Acceptée',
  REDIRECTED: 'Réorientée',
  WITHDRAWN: 'Retirée par son auteur',
  PENDING: 'Sans décision à ce jour',
};

export const ACTION_STATE_LABELS: Labels = {
  DONE: 'Réalisées',
  OVERDUE: 'En retard à la fin de la période',
  OPEN: 'En cours, dans les délais',
  CANCELLED: 'Annulées',
};

export const CLOSURE_REASON_LABELS: Labels = {
  PLAN_COMPLETED_HANDED_TO_COMMON_LAW: 'Plan mené à bien, relais au droit commun',
  PERSON_REFUSED: 'Refus de la personne',
  MOVED_OR_LOST_CONTACT: 'Déménagement ou contact perdu',
  DECEASED: 'Décès',
  REDIRECTED_OTHER_BODY: 'Réorientation vers une autre instance',
  NO_LONGER_COMPLEX: 'Situation qui n’est plus complexe',
  UNKNOWN: 'Motif non renseigné',
};

export const CONSENT_STATUS_LABELS: Labels = {
  GIVEN: 'Donné (et toujours en vigueur ou échu)',
  REFUSED: 'Refusé',
  WITHDRAWN: 'Retiré depuis',
  SUPERSEDED: 'Remplacé depuis par une nouvelle réponse',
};

export const DEROGATION_GROUND_LABELS: Labels = {
  INCAPACITY_OR_URGENCY: 'Hors d’état de consentir ou urgence (R1110-3 CSP)',
  PERIL: 'Péril grave et imminent (223-6 CP)',
  VULNERABLE_PERSON_REPORT: 'Signalement d’une personne vulnérable (226-14 CP)',
  MAYOR_INFORMATION: 'Information du maire (L121-6-2 CASF)',
};

export const FOLLOW_UP_KIND_LABELS: Labels = {
  ASSESSMENT: 'Diagnostic-évaluation',
  HOUSING_SUSTAINMENT: 'Maintien dans le logement',
};

export const HANDOFF_STATUS_LABELS: Labels = {
  PROPOSED: 'En attente de réponse',
  ACCEPTED: 'Acceptés',
  DECLINED: 'Déclinés',
};

export const CMP_FOLLOW_UP_LABELS: Labels = {
  NONE: 'Aucun suivi au CMP',
  REQUESTED: 'Suivi demandé au CMP',
  APPOINTMENT_SET: 'Rendez-vous fixé au CMP',
  ONGOING: 'Suivi en cours au CMP',
  NOT_NEEDED: 'Suivi au CMP non nécessaire',
  UNKNOWN: 'Non renseigné',
};

export function labelOf(labels: Labels, code: string): string {
  return labels[code] ?? code;
}
