/**
 * The journal's codes in French words. A code not listed here (a new kind of event) is shown as the
 * api sent it: the auditor sees every event, named or not.
 */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  ACTION_CREATED: 'Action décidée',
  ACTION_UPDATED: 'Action mise à jour',
  AGENDA_ITEM_ADDED: 'Situation inscrite à l’ordre du jour',
  AGENDA_ITEM_RECORDED: 'Décision de séance enregistrée',
  AGENDA_ITEM_REMOVED: 'Situation retirée de l’ordre du jour',
  AGENDA_ITEM_UPDATED: 'Point de l’ordre du jour modifié',
  AGENDA_PUBLISHED: 'Ordre du jour publié',
  ATTENDANCE_RECORDED: 'Présences enregistrées',
  CHARTER_ACCEPTED: 'Charte acceptée',
  CHARTER_PUBLISHED: 'Charte publiée',
  CONSENT_RECORDED: 'Consentement enregistré',
  CONSENT_REFUSED: 'Refus de consentement enregistré',
  CONSENT_RENEWED: 'Consentement renouvelé',
  CONSENT_WITHDRAWN: 'Consentement retiré',
  DEROGATION_APPROVED: 'Dérogation accordée',
  DEROGATION_DECIDED: 'Dérogation décidée',
  DEROGATION_REQUESTED: 'Dérogation demandée',
  DOCUMENT_DOWNLOADED: 'Document téléchargé',
  FOLLOW_UP_ACT_RECORDED: 'Acte de suivi enregistré',
  FOLLOW_UP_ENDED: 'Suivi terminé',
  FOLLOW_UP_OBJECTIVE_UPDATED: 'Objectif de suivi modifié',
  FOLLOW_UP_PHASE_CHANGED: 'Phase de suivi changée',
  FOLLOW_UP_RENEWED: 'Suivi renouvelé',
  FOLLOW_UP_STARTED: 'Suivi commencé',
  FOLLOW_UP_TEAM_ASSIGNED: 'Équipe de suivi désignée',
  IDENTITY_REVEALED_IN_MEETING: 'Identité d’une personne montrée en séance',
  IDENTITY_REVEAL_REFUSED: 'Identité refusée en séance (salle non couverte par l’accord)',
  HANDOFF_ACCEPTED: 'Relais accepté',
  HANDOFF_DECLINED: 'Relais décliné',
  // A meeting's moves are journalled as MEETING_<its new status>.
  MEETING_AGENDA_PUBLISHED: 'Séance : ordre du jour publié',
  MEETING_CANCELLED: 'Séance annulée',
  MEETING_HELD: 'Séance tenue',
  MEETING_MINUTES_PUBLISHED: 'Séance : compte rendu publié',
  MEETING_PLANNED: 'Séance programmée',
  MEMBERSHIP_REACTIVATED: 'Accès rétabli',
  MEMBERSHIP_SUSPENDED: 'Accès suspendu',
  MINUTES_PREVIEWED: 'Compte rendu vu comme le lira un partenaire',
  MINUTES_PUBLISHED: 'Relevé de décisions publié',
  ORGANISATION_CREATED: 'Organisation créée',
  PERSON_DATA_READ: 'Données d’une personne consultées',
  PERSON_DUPLICATE_MERGED: 'Doublon de personne fusionné',
  REFERRAL_ACCEPTED: 'Saisine acceptée',
  // A referral's moves are journalled as REFERRAL_<its new status>.
  REFERRAL_DRAFT: 'Saisine rédigée',
  REFERRAL_NEEDS_CONSENT: 'Saisine renvoyée pour recueillir l’accord',
  REFERRAL_PRE_REVIEW: 'Saisine en pré-examen',
  REFERRAL_REDIRECTED: 'Saisine réorientée',
  REFERRAL_SUBMITTED: 'Saisine envoyée',
  REFERRAL_WITHDRAWN: 'Saisine retirée',
  REFERRAL_UPDATED: 'Saisine modifiée',
  REMINDER_POLICY_TUNED: 'Règles de relance ajustées',
  RESTRICTED_NOTE_WRITTEN: 'Note réservée écrite',
  ROLE_GRANTED: 'Rôle attribué',
  ROLE_REVOKED: 'Rôle retiré',
  SECOND_FACTOR_POLICY_CHANGED: 'Règle du second facteur changée',
  SECOND_FACTOR_RESET: 'Second facteur réinitialisé par l’administration',
  SHARING_MATRIX_NARROWED: 'Partage d’informations restreint',
  SITUATION_CLOSED: 'Situation clôturée',
  SITUATION_OPENED: 'Situation ouverte',
  TERRITORY_CREATED: 'Territoire créé (installation)',
  USER_CREATED: 'Compte créé',
  SECURITY_LOGIN_FAILED: 'Connexion échouée',
  SECURITY_ACCOUNT_LOCKED: 'Compte bloqué après trop d’échecs',
  SECURITY_PASSWORD_CHANGED: 'Mot de passe changé',
  SECURITY_PASSWORD_SET: 'Mot de passe choisi',
  SECURITY_PASSWORD_RESET: 'Nouveau lien de mot de passe envoyé par l’administration',
  SECURITY_SECOND_FACTOR_FAILED: 'Code du second facteur refusé',
  SECURITY_SECOND_FACTOR_ENROLLED: 'Second facteur activé',
  SECURITY_SECOND_FACTOR_RESET: 'Second facteur réinitialisé',
  SECURITY_RECOVERY_CODE_USED: 'Code de secours utilisé',
  SECURITY_RECOVERY_CODES_REGENERATED: 'Nouveaux codes de secours',
  SECURITY_ACCESS_REFUSED: 'Accès refusé',
  SECURITY_CHARTER_REFUSED: 'Action refusée : charte non acceptée',
  SECURITY_MUTATION_REFUSED: 'Modification refusée',
};

export const SUBJECT_TYPE_LABELS: Readonly<Record<string, string>> = {
  Action: 'Action',
  AgendaItem: 'Point de l’ordre du jour',
  Charter: 'Charte',
  Consent: 'Consentement',
  Derogation: 'Dérogation',
  Document: 'Document',
  FollowUp: 'Suivi',
  Meeting: 'Séance',
  Membership: 'Adhésion',
  Organisation: 'Organisation',
  Person: 'Personne',
  Referral: 'Saisine',
  Situation: 'Situation',
  Territory: 'Territoire',
  User: 'Compte',
};

export const actionLabel = (code: string): string => ACTION_LABELS[code] ?? code;
export const subjectTypeLabel = (type: string): string => SUBJECT_TYPE_LABELS[type] ?? type;

/** The codes to filter on, in the order of their French names. */
export const ACTION_OPTIONS = Object.entries(ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

export const SUBJECT_TYPE_OPTIONS = Object.entries(SUBJECT_TYPE_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

/** The event's details (ids, roles, field names: never a value about a person) as « clé : valeur ». */
export function detailLines(details: string): string[] {
  try {
    const parsed: unknown = JSON.parse(details);
    if (!parsed || typeof parsed !== 'object') return details && details !== '{}' ? [details] : [];
    return Object.entries(parsed as Record<string, unknown>).map(
      ([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  } catch {
    return [details];
  }
}
