import { randomInt } from 'node:crypto';

/** Crockford's alphabet: no I, L, O or U, so a code read aloud at a meeting is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A situation's name in agendas and notifications: random, so it says nothing about the person
 * nor about how many people the cell follows. Unique per territory (a constraint; retried on clash).
 */
export function newCaseCode(): string {
  let code = '';
  for (let index = 0; index < 6; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

export const CASE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/;
