/** The timeline's lines, in French. Contexts add theirs here so every reader gets one wording. */
export const SITUATION_EVENT_LABELS: Record<string, string> = {
  REFERRAL_SUBMITTED: 'Saisine transmise à la cellule',
  REFERRAL_ACCEPTED: 'Saisine acceptée',
  SITUATION_OPENED: 'Situation ouverte',
  REFERRAL_ATTACHED: 'Nouvelle saisine rattachée à la situation',
  CONSENT_RECORDED: 'Consentement de la personne enregistré',
  CONSENT_REFUSED: 'Refus de la personne enregistré',
  CONSENT_WITHDRAWN: 'Consentement retiré par la personne',
  DEROGATION_REQUESTED: 'Dérogation au consentement demandée',
  DEROGATION_APPROVED: 'Dérogation au consentement validée',
  DEROGATION_REJECTED: 'Dérogation au consentement refusée',
  ACTION_CREATED: 'Action confiée',
  CIRCLE_MEMBER_ADDED: 'Partenaire ajouté au cercle',
  SITUATION_SCHEDULED: "Inscrite à l'ordre du jour d'une séance",
  SITUATION_EXAMINED: 'Examinée en séance',
  MINUTES_PUBLISHED: 'Compte rendu publié : actions en cours',
  REVIEW_DUE: 'Date de réexamen atteinte',
  SITUATION_CLOSED: 'Situation close',
  FOLLOW_UP_STARTED: 'Accompagnement commencé',
  HANDOFF_PROPOSED: 'Passage de relais proposé',
  HANDOFF_ACCEPTED: 'Passage de relais accepté',
  HANDOFF_DECLINED: 'Passage de relais décliné',
};

export function situationEventLabel(kind: string): string {
  return SITUATION_EVENT_LABELS[kind] ?? kind;
}
