/**
 * Searching a name as people type it: without capitals or accents (« ecole » finds « École »).
 * Postgres folds the column with `lower` and `translate` (no extension needed, and the lists it
 * searches are a territory's partners and people); the typed text is folded the same way here.
 */
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyy';

/**
 * The SQL expression folding `column` as `foldName` folds the typed text. Capital accented letters
 * are translated too: under a `C` collation, `lower` leaves them as they are.
 */
export function foldedSql(column: string): string {
  const from = ACCENTED + ACCENTED.toUpperCase();
  const to = PLAIN + PLAIN;
  const letters = `translate(lower(${column}), '${from}', '${to}')`;
  return [
    ['œ', 'oe'],
    ['Œ', 'oe'],
    ['æ', 'ae'],
    ['Æ', 'ae'],
  ].reduce((folded, [ligature, plain]) => `replace(${folded}, '${ligature}', '${plain}')`, letters);
}

/** The text folded, lower case, each accented letter as its plain one. */
export function foldName(text: string): string {
  let folded = '';
  for (const letter of text.toLowerCase()) {
    const at = ACCENTED.indexOf(letter);
    folded += at >= 0 ? PLAIN[at] : letter === 'œ' ? 'oe' : letter === 'æ' ? 'ae' : letter;
  }
  return folded;
}

/** A LIKE pattern finding the typed text anywhere, its `%`, `_` and `\` taken as themselves. */
export function containsPattern(search: string): string {
  return `%${foldName(search.trim()).replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}
