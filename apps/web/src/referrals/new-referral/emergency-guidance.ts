/**
 * What the api answers a referral marked as an imminent danger (`EMERGENCY`, its
 * `extensions.guidance`), word for word: shown as soon as the person's answers call for it, before
 * anything is sent. The browser tests check it still matches the api's.
 */
export const EMERGENCY_GUIDANCE: readonly string[] = [
  'La cellule ne traite pas les urgences : elle se réunit à date fixe.',
  'Danger immédiat pour la personne ou pour autrui : appelez le 15 (SAMU), le 17 (police, gendarmerie) ou le 112.',
  'Crise psychiatrique : contactez les urgences psychiatriques de l’hôpital de secteur (ou le 15, qui oriente).',
  'Idées suicidaires : le 3114, numéro national de prévention du suicide, répond jour et nuit, gratuitement.',
  'Personne vulnérable en danger (maltraitance, péril) : signalez-le au procureur de la République (art. 226-14 et 223-6 du code pénal).',
  'Une fois la situation mise à l’abri, vous pourrez adresser une saisine à la cellule pour la suite.',
];

/** The guidance the api sent with a refusal, when it sent one. */
export function guidanceOf(extensions: Record<string, unknown>): readonly string[] | undefined {
  const guidance = extensions.guidance;
  return Array.isArray(guidance) && guidance.every((line) => typeof line === 'string')
    ? (guidance as string[])
    : undefined;
}
