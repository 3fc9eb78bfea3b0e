import { q, Template, TranslatedGraphqlJsError } from './translation';

/** The lexer's and the parser's messages (`Syntax Error: …`). */

function tokenInFrench(description: string): string {
  if (description === '<EOF>') return 'la fin de la requête';
  const named = /^(Name|Int|Float|String|BlockString) /.exec(description);
  if (named) {
    return {
      Name: 'un nom',
      Int: 'un nombre entier',
      Float: 'un nombre',
      String: 'une chaîne',
      BlockString: 'une chaîne',
    }[named[1]]!;
  }
  if (description === 'Name') return 'un nom';
  if (/^"[^"]{1,3}"$/.test(description)) return q(description.slice(1, -1));
  return 'un élément';
}

export const SYNTAX_TEMPLATES: Template[] = [
  {
    pattern: /^Syntax Error: Unterminated string\.$/,
    reason: 'SYNTAX',
    render: () => 'Erreur de syntaxe : une chaîne de caractères n’est pas fermée.',
  },
  {
    pattern: /^Syntax Error: Unexpected single quote character/,
    reason: 'SYNTAX',
    render: () =>
      'Erreur de syntaxe : les chaînes s’écrivent entre guillemets doubles ("), pas entre apostrophes.',
  },
  {
    pattern: /^Syntax Error: Expected (.+?), found (.+)\.$/,
    reason: 'SYNTAX',
    render: (m) => `Erreur de syntaxe : on attend ${tokenInFrench(m[1])}, et non ${tokenInFrench(m[2])}.`,
  },
  {
    pattern:
      /^Syntax Error: Unexpected (<EOF>|Name "|Int "|Float "|String "|BlockString "|"[^"]{1,3}"$|"[^"]{1,3}"\.$)/,
    reason: 'SYNTAX',
    render: (m) =>
      m[1] === '<EOF>'
        ? 'Erreur de syntaxe : la requête se termine trop tôt.'
        : 'Erreur de syntaxe : élément inattendu.',
  },
  {
    pattern:
      /^Syntax Error: (Unexpected character|Invalid character|Invalid number|Invalid Unicode|Invalid character escape)/,
    reason: 'SYNTAX',
    render: () => 'Erreur de syntaxe : caractère inattendu.',
  },
];

/** The parser's own caps (tokens, length, comments), with their maximum. */
export function parserLimit(message: string): TranslatedGraphqlJsError | undefined {
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/.exec(message);
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      code: 'GRAPHQL_PARSE_FAILED',
      reason: 'TOO_MANY_TOKENS',
      max,
      message: `La requête est trop longue (plus de ${max} éléments).`,
    };
  }
  const length = /^Syntax Error: Source contains more than (\d+) UTF-16 code units\. Parsing aborted\.$/.exec(
    message,
  );
  if (length) {
    const max = Number(length[1]);
    return {
      code: 'GRAPHQL_PARSE_FAILED',
      reason: 'TOO_LONG',
      max,
      message: `La requête est trop longue (plus de ${max} caractères).`,
    };
  }
  if (/^Syntax Error: Document contains more than (\d+) comments\./.test(message)) {
    return {
      code: 'GRAPHQL_PARSE_FAILED',
      reason: 'TOO_LONG',
      message: 'La requête contient trop de commentaires.',
    };
  }
  return undefined;
}
