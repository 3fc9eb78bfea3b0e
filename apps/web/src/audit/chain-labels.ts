/**
 * What each problem of the audit chain means, in the auditor's words (from the api's descriptions
 * of AuditChainProblem). A problem not listed here is shown by its code.
 */
export const CHAIN_PROBLEMS: Readonly<Record<string, { title: string; meaning: string }>> = {
  BROKEN_LINK: {
    title: 'Maillon rompu',
    meaning:
      'Le maillon ne pointe pas vers l’événement précédent : un événement a été inséré, remplacé ou supprimé.',
  },
  HASH_MISMATCH: {
    title: 'Empreinte qui ne correspond pas',
    meaning:
      'Le maillon ne correspond pas à l’événement sous sa clé : l’événement a été modifié, ou la chaîne recalculée avec une autre clé.',
  },
  KEY_MISMATCH: {
    title: 'Maillon sans clé là où une clé était attendue',
    meaning:
      'Le maillon est un simple condensé SHA-256 : la chaîne a été recalculée par quelqu’un qui ne détient pas la clé.',
  },
  UNKNOWN_KEY: {
    title: 'Clé inconnue',
    meaning:
      'Le maillon nomme une clé que le serveur ne connaît pas : clé retirée trop tôt de la configuration, ou maillon fabriqué.',
  },
  MISSING_EVENT: {
    title: 'Événement manquant',
    meaning: 'Un rang manque dans la chaîne : un événement a été supprimé.',
  },
  TRUNCATED: {
    title: 'Fin de chaîne retirée',
    meaning:
      'La tête de chaîne enregistrée ne correspond pas au dernier événement : la fin de la chaîne a été retirée ou la tête modifiée.',
  },
  CHECKPOINT_INVALID: {
    title: 'Point de contrôle invalide',
    meaning:
      'Un point de contrôle est illisible, ou sa signature est fausse ou faite avec une clé inconnue : il a été altéré ou fabriqué.',
  },
  CHECKPOINT_MISMATCH: {
    title: 'Chaîne différente d’un point de contrôle',
    meaning:
      'La chaîne ne correspond pas à un point de contrôle signé conservé hors de la base : l’historique a été réécrit avant ce point.',
  },
  CHECKPOINT_TRUNCATED: {
    title: 'Chaîne plus courte qu’un point de contrôle',
    meaning: 'La chaîne est plus courte qu’un point de contrôle signé : des événements ont été retirés.',
  },
};

export function chainProblem(code: string): { title: string; meaning: string } {
  return CHAIN_PROBLEMS[code] ?? { title: code, meaning: 'Problème non décrit : voir la documentation.' };
}
