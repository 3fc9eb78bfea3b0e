/**
 * What every text a person sends goes through before any rule of a context sees it: well-formed
 * Unicode in its composed form (NFC, so « é » typed two ways is one value for searches, duplicates
 * and length bounds), trimmed, and without the characters that have no place in a text field
 * (NUL ends strings in C and is refused by Postgres; the other controls and the bidirectional
 * overrides hide or reorder what a reader sees).
 */
export enum TextKind {
  /** One line: names, titles, places. The default. */
  SINGLE_LINE = 'SINGLE_LINE',
  /** Notes, reasons, descriptions: line breaks and tabs are kept. */
  MULTILINE = 'MULTILINE',
  /** Passwords and other secrets: never trimmed (every character counts), no control characters. */
  SECRET = 'SECRET',
}

/** Bound given to a text whose field declares none (a field should always declare its own). */
export const DEFAULT_TEXT_MAX_LENGTH = 200;
/** Bound given to a secret whose field declares none. */
export const DEFAULT_SECRET_MAX_LENGTH = 256;

export const TEXT_MESSAGES = {
  malformed: 'Ce texte contient des caractères mal encodés.',
  control: 'Ce texte contient des caractères de contrôle ou invisibles qui ne sont pas acceptés.',
  singleLine: 'Ce champ tient sur une seule ligne : retirez les retours à la ligne et les tabulations.',
  tooLong: (max: number) => `Au plus ${max.toLocaleString('fr-FR')} caractères.`,
} as const;

export type CleanText = { ok: true; value: string } | { ok: false; message: string };

// A surrogate half without its other half cannot be stored as UTF-8: the driver would silently
// replace it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls except tab and line feed, DEL, C1 controls, the line and paragraph separators, and
// the bidirectional embeddings, overrides and isolates (text shown reordered).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK_OR_TAB = /[\t\n]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SECRET_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** The text as it will be stored, or why it is refused (French, for the person who typed it). */
export function cleanText(raw: string, kind: TextKind): CleanText {
  if (LONE_SURROGATE.test(raw)) return { ok: false, message: TEXT_MESSAGES.malformed };
  const composed = raw.normalize('NFC');
  if (kind === TextKind.SECRET) {
    return SECRET_CONTROL.test(composed)
      ? { ok: false, message: TEXT_MESSAGES.control }
      : { ok: true, value: composed };
  }
  // A text area sends its line breaks as CRLF; they are one line break each.
  const value = (kind === TextKind.MULTILINE ? composed.replace(/\r\n?/g, '\n') : composed).trim();
  if (CONTROL.test(value)) {
    // A CR left alone is a control character everywhere, but a single-line field with line breaks
    // is better told so.
    const onlyBreaks = !CONTROL.test(value.replace(/[\r\n\t]/g, ''));
    return {
      ok: false,
      message: onlyBreaks && kind === TextKind.SINGLE_LINE ? TEXT_MESSAGES.singleLine : TEXT_MESSAGES.control,
    };
  }
  if (kind === TextKind.SINGLE_LINE && LINE_BREAK_OR_TAB.test(value)) {
    return { ok: false, message: TEXT_MESSAGES.singleLine };
  }
  return { ok: true, value };
}
