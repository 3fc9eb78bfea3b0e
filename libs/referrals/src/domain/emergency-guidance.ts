/**
 * What the cell is not: an emergency service. A referrer who marks imminent danger is told, at
 * once and in plain words, whom to call instead.
 */
export const EMERGENCY_GUIDANCE: readonly string[] = [
  'La cellule ne traite pas les urgences : elle se réunit à date fixe.',
  'Danger immédiat pour la personne ou pour autrui : appelez le 15 (SAMU), le 17 (police, gendarmerie) ou le 112.',
  'Crise psychiatrique : contactez les urgences psychiatriques de l’hôpital de secteur (ou le 15, qui oriente).',
  'Idées suicidaires : le 3114, numéro national de prévention du suicide, répond jour et nuit, gratuitement.',
  'Personne vulnérable en danger (maltraitance, péril) : signalez-le au procureur de la République (art. 226-14 et 223-6 du code pénal).',
  'Une fois la situation mise à l’abri, vous pourrez adresser une saisine à la cellule pour la suite.',
];
