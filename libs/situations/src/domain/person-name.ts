import { createHash } from 'node:crypto';

/** Lower case, no accents, no punctuation, single spaces: « Dupont-Lefèvre » = « dupont lefevre ». */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** « C. D. » from Camille Dupont: what the plenary cell hears instead of a name. */
export function initialsOf(firstName: string, lastName: string): string {
  const initial = (name: string) => normalizeName(name).charAt(0).toUpperCase();
  return [initial(firstName), initial(lastName)]
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join(' ');
}

/**
 * The key two records of one person share: normalized names (in either order, since forms swap
 * them) and birth date, hashed with the territory so the key means nothing elsewhere.
 */
export function duplicateKeyOf(
  territoryId: string,
  firstName: string,
  lastName: string,
  birthDate: string | null,
): string | null {
  if (!birthDate) return null;
  const names = [normalizeName(firstName), normalizeName(lastName)].sort().join('|');
  return createHash('sha256').update(`${territoryId}|${names}|${birthDate}`).digest('hex');
}
