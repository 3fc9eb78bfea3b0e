/** French words for the codes the person's documents print (a code not listed is printed as is). */
export const LABELS: Record<string, Record<string, string>> = {
  consentStatus: { GIVEN: 'donné', REFUSED: 'refusé', WITHDRAWN: 'retiré' },
  consentMethod: {
    WRITTEN: 'par écrit',
    ORAL_BEFORE_WITNESS: 'oralement, devant un témoin',
    LEGAL_REPRESENTATIVE: 'par son représentant légal',
  },
  purpose: {
    CELL_EXAMINATION: 'examen par la cellule',
    FOLLOW_UP: 'accompagnement',
    HANDOFF: 'passage de relais',
    INFORMATION_SHARING: 'partage d’informations',
  },
  derogationStatus: { PENDING: 'en attente de validation', APPROVED: 'validée', REJECTED: 'refusée' },
  actionStatus: {
    TODO: 'à faire',
    IN_PROGRESS: 'en cours',
    DONE: 'faite',
    BLOCKED: 'bloquée',
    CANCELLED: 'annulée',
  },
  followUpKind: { ASSESSMENT: 'diagnostic-évaluation', HOUSING_SUSTAINMENT: 'maintien dans le logement' },
  phase: {
    ORIENTATION: 'orientation',
    ASSESSMENT: 'évaluation',
    SUPPORT: 'soutien',
    HANDOFF: 'passage de relais',
    ENDED: 'terminé',
  },
  teamRole: {
    PATHWAY_COORDINATOR: 'coordination du parcours',
    FAMILY_SOCIAL_WORKER: 'TISF',
    PSYCHIATRIC_PROFESSIONAL: 'professionnel·le de psychiatrie',
  },
  actType: {
    HOME_VISIT: 'visite à domicile',
    ACCOMPANIED_APPOINTMENT: 'accompagnement à un rendez-vous',
    PHONE: 'appel téléphonique',
    PARTNER_MEETING: 'réunion avec un partenaire',
    OTHER: 'autre contact',
  },
  objectiveStatus: { OPEN: 'en cours', ACHIEVED: 'atteint', ABANDONED: 'abandonné' },
  handoffStatus: { PROPOSED: 'proposé', ACCEPTED: 'accepté', DECLINED: 'décliné' },
  protectionMeasure: {
    NONE: 'aucune',
    SAFEGUARD_OF_JUSTICE: 'sauvegarde de justice',
    CURATORSHIP: 'curatelle',
    REINFORCED_CURATORSHIP: 'curatelle renforcée',
    GUARDIANSHIP: 'tutelle',
    FAMILY_AUTHORISATION: 'habilitation familiale',
    UNKNOWN: 'inconnue',
  },
  requestKind: {
    ACCESS: 'accès',
    RECTIFICATION: 'rectification',
    OPPOSITION: 'opposition',
    ERASURE: 'effacement',
    LIMITATION: 'limitation',
  },
  requestStatus: { RECEIVED: 'reçue', IN_PROGRESS: 'en cours', DONE: 'satisfaite', REFUSED: 'refusée' },
  category: {
    LOGISTIC: 'suivi',
    IDENTITY: 'identité',
    HOUSING: 'logement',
    SOCIAL_CONFIDENTIAL: 'confidentiel social',
    HEALTH_SECRET: 'secret médical',
  },
  readAction: {
    PERSON_DATA_READ: 'consultation',
    DOCUMENT_DOWNLOADED: 'document téléchargé',
    IDENTITY_REVEALED_IN_MEETING: 'identité montrée en séance',
  },
};

export function label(list: keyof typeof LABELS, code: string | null | undefined): string {
  if (!code) return '—';
  return LABELS[list]?.[code] ?? code;
}
