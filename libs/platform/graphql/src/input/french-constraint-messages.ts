/**
 * The safety net under every input rule: a class-validator constraint declared without its own
 * message answers in English (« first must not be greater than 200 »). Such a message is replaced
 * here, by the constraint's name, with a French one; its figures are read back from the English
 * text. Every field should carry its own message (a unit test walks them): this is only so that a
 * forgotten one never reaches a person in English.
 */
const figures = (message: string): string[] => message.match(/-?\d+(?:[.,]\d+)?/g) ?? [];
const number = (value: string | undefined) =>
  value === undefined ? undefined : Number(value.replace(',', '.')).toLocaleString('fr-FR');

type Translation = (numbers: (string | undefined)[]) => string;

const BY_CONSTRAINT: Record<string, Translation> = {
  isInt: () => 'Un nombre entier est attendu.',
  isNumber: () => 'Un nombre est attendu.',
  isPositive: () => 'Un nombre positif est attendu.',
  min: ([min]) => (min === undefined ? 'La valeur est trop petite.' : `La valeur doit être au moins ${min}.`),
  max: ([max]) => (max === undefined ? 'La valeur est trop grande.' : `La valeur doit être au plus ${max}.`),
  isBoolean: () => 'Oui ou non est attendu.',
  isString: () => 'Un texte est attendu.',
  isNotEmpty: () => 'Ce champ est obligatoire.',
  isDefined: () => 'Ce champ est obligatoire.',
  minLength: ([min]) => (min === undefined ? 'Le texte est trop court.' : `Au moins ${min} caractères.`),
  maxLength: ([max]) => (max === undefined ? 'Le texte est trop long.' : `Au plus ${max} caractères.`),
  isLength: () => 'La longueur du texte n’est pas acceptée.',
  matches: () => 'Le format n’est pas valide.',
  isUuid: () => 'L’identifiant n’est pas valide.',
  isEnum: () => 'Cette valeur est inconnue.',
  isIn: () => 'Cette valeur n’est pas acceptée ici.',
  isEmail: () => 'L’adresse e-mail n’est pas valide.',
  isUrl: () => 'L’adresse web n’est pas valide.',
  isDate: () => 'La date n’est pas valide.',
  isArray: () => 'Une liste est attendue.',
  arrayNotEmpty: () => 'La liste ne peut pas être vide.',
  arrayMinSize: ([min]) => (min === undefined ? 'La liste est trop courte.' : `Au moins ${min} éléments.`),
  arrayMaxSize: ([max]) => (max === undefined ? 'La liste est trop longue.' : `Au plus ${max} éléments.`),
  isObject: () => 'Un objet est attendu.',
  nestedValidation: () => 'Le contenu de ce champ n’est pas valide.',
  whitelistValidation: () => 'Ce champ n’est pas attendu.',
  unknownValue: () => 'Cette valeur n’est pas attendue.',
};

const FALLBACK = 'Cette valeur n’est pas valide.';

// Words of class-validator's default messages that no French message of ours contains.
const ENGLISH =
  /\b(must|should|shorter|longer|greater|less than|following values|each value|property|was passed|is not|conforming)\b/i;

/** True for a message class-validator wrote by default rather than one of ours. */
export function isEnglishDefault(message: string): boolean {
  return ENGLISH.test(message);
}

/** A French message for a constraint whose message is class-validator's English default. */
export function frenchConstraintMessage(constraint: string, englishMessage: string): string {
  const found = figures(englishMessage).map(number);
  const last = found[found.length - 1];
  if (constraint === 'isLength' && last !== undefined) {
    return /longer/.test(englishMessage) ? `Au moins ${last} caractères.` : `Au plus ${last} caractères.`;
  }
  const translate = BY_CONSTRAINT[constraint];
  return translate ? translate([last]) : FALLBACK;
}
