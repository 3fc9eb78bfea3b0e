import { dictionary } from '@zxcvbn-ts/language-common';
import { FRENCH_FREQUENT_PASSWORDS } from './french-frequent-passwords';

/**
 * OWASP ASVS 5.0, 6.2: at least 12 characters, up to 128 at least allowed, any character (spaces
 * and passphrases included), no composition rule; refused when frequent or breached, or built on
 * the account's own name or address. Lengths count characters as people see them: code points
 * after NFC normalisation, the form passwords are hashed in.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Whom the password is for: what it must not be built on. */
export interface PasswordOwner {
  email: string;
  firstName?: string;
  lastName?: string;
}

export const PASSWORD_MESSAGES = {
  tooShort: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  tooLong: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  frequent:
    'Ce mot de passe est trop courant : il figure parmi les mots de passe les plus utilisés ou déjà divulgués. Choisissez-en un autre, par exemple une phrase de plusieurs mots.',
  personal: 'Le mot de passe ne doit contenir ni votre prénom, ni votre nom, ni votre adresse e-mail.',
} as const;

/** Characters as a person counts them: code points of the NFC form. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_MESSAGES.tooLong);
  if (isFrequentPassword(password)) problems.push(PASSWORD_MESSAGES.frequent);
  if (containsOwnerWords(password, owner)) problems.push(PASSWORD_MESSAGES.personal);
  return problems;
}

let frequent: ReadonlySet<string> | undefined;

/** Built once, on first use: about 50,000 entries, a few milliseconds. */
function frequentPasswords(): ReadonlySet<string> {
  frequent ??= new Set(
    [...dictionary['passwords-common'], ...FRENCH_FREQUENT_PASSWORDS].map((entry) => simplified(entry)),
  );
  return frequent;
}

/**
 * True when the password, or what people dress a frequent one in, is frequent: the list is checked
 * after taking off the digits and symbols around it (`Azerty123456!`), undoing common substitutions
 * (`P@ssw0rd`), joining words (`mot de passe 2024`) and folding repetitions (`soleilsoleil`). A short
 * unit repeated (`abababababab`) or a plain sequence (`123456789012`, `abcdefghijkl`) counts too.
 */
export function isFrequentPassword(password: string): boolean {
  const list = frequentPasswords();
  for (const candidate of candidates(password)) {
    if (list.has(candidate) || isSequence(candidate) || /^(.{1,3})\1+$/su.test(candidate)) return true;
  }
  return false;
}

const LEET_SYMBOLS: Record<string, string> = { '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '£': 'l' };
const LEET_DIGITS: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

function candidates(password: string): Set<string> {
  const base = simplified(password);
  const substituted = (one: string) =>
    base.replace(/[@$!|€£0-9]/g, (char) =>
      char === '1' ? one : (LEET_SYMBOLS[char] ?? LEET_DIGITS[char] ?? char),
    );
  const symbolsOnly = base.replace(/[@$!|€£]/g, (char) => LEET_SYMBOLS[char] ?? char);
  const found = new Set<string>();
  for (const variant of [base, symbolsOnly, substituted('i'), substituted('l')]) {
    const joined = variant.replace(/[\s\-_.,;:'’/\\+*#~=]+/g, '');
    for (const form of [variant, joined, trimEnds(variant), trimEnds(joined)]) {
      if (!form) continue;
      found.add(form);
      const unit = /^(.+?)\1+$/su.exec(form)?.[1];
      if (unit) found.add(unit);
    }
  }
  return found;
}

/** The form both a password and a list entry are compared in: lower case, accents removed. */
function simplified(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** Digits and symbols before and after the letters: `2024!`, `!!`, `123`. */
function trimEnds(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** Consecutive characters, up or down (`1234…`, `abcd…`, `9876…`), digits wrapping from 9 to 0. */
function isSequence(text: string): boolean {
  if ([...text].length < 4) return false;
  const codes = [...text].map((char) => char.codePointAt(0)!);
  const digits = /^\d+$/.test(text);
  for (const step of [1, -1]) {
    if (
      codes.every(
        (code, index) =>
          index === 0 ||
          code - codes[index - 1] === step ||
          (digits && (code - codes[index - 1] + 10) % 10 === (step + 10) % 10),
      )
    ) {
      return true;
    }
  }
  return false;
}

/** First name, last name, the address's local part and its pieces, from 3 characters on. */
function containsOwnerWords(password: string, owner: PasswordOwner): boolean {
  const squash = (text: string) => simplified(text).replace(/[^\p{L}\p{N}]+/gu, '');
  const haystack = squash(password);
  const localPart = owner.email.split('@')[0] ?? '';
  const words = [owner.firstName, owner.lastName, localPart, ...localPart.split(/[._+-]+/)]
    .filter((word): word is string => Boolean(word))
    .map(squash)
    .filter((word) => [...word].length >= 3);
  return words.some((word) => haystack.includes(word));
}
