import { GraphQLError } from 'graphql';

/**
 * graphql-js (16.x) answers in English and, when it can, with "Did you mean …?" suggestions taken
 * from the schema. People meet these messages through the client, so each kind is recognised from
 * its English template and rewritten in French with the field, argument or type it names. Values
 * the client sent are never repeated (they may be personal data), names are: they are GraphQL
 * names by construction. What no template matches still gets a French message, never the English.
 */

export type GraphqlJsErrorCode = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT';

/** A stable name for each kind, under `extensions.reason`: clients may branch on it. */
export type GraphqlJsErrorReason =
  | 'SYNTAX'
  | 'TOO_MANY_TOKENS'
  | 'TOO_LONG'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_ARGUMENT'
  | 'UNKNOWN_TYPE'
  | 'UNKNOWN_FRAGMENT'
  | 'UNKNOWN_DIRECTIVE'
  | 'UNKNOWN_INPUT_FIELD'
  | 'UNKNOWN_ENUM_VALUE'
  | 'MISSING_ARGUMENT'
  | 'MISSING_INPUT_FIELD'
  | 'MISSING_VARIABLE'
  | 'NULL_VALUE'
  | 'INVALID_VALUE'
  | 'SELECTION_REQUIRED'
  | 'SELECTION_FORBIDDEN'
  | 'UNDECLARED_VARIABLE'
  | 'UNUSED_VARIABLE'
  | 'UNUSED_FRAGMENT'
  | 'VARIABLE_TYPE'
  | 'DUPLICATE_NAME'
  | 'FRAGMENT'
  | 'CONFLICTING_FIELDS'
  | 'OPERATION'
  | 'DIRECTIVE'
  | 'TOO_MANY_ERRORS'
  | 'OTHER';

export interface TranslatedGraphqlJsError {
  code: GraphqlJsErrorCode;
  reason: GraphqlJsErrorReason;
  /** French. */
  message: string;
  /** Where in a variable's value the problem is (`person.firstName`), for variable values only. */
  field?: string;
  /** Names graphql-js suggested, kept only when the caller asked for them. */
  suggestions?: string[];
  /** The configured maximum, for the parser's own limits. */
  max?: number;
}

export interface TranslationOptions {
  /**
   * Keep graphql-js's suggestions (in French). They reveal names of the schema: only where the
   * schema is public anyway (introspection on, outside production).
   */
  suggestions: boolean;
}

type Rendered = string | { message: string; reason?: GraphqlJsErrorReason };

interface Template {
  pattern: RegExp;
  reason: GraphqlJsErrorReason;
  render: (match: RegExpExecArray) => Rendered;
}

const q = (name: string): string => `« ${name} »`;

/** A GraphQL name, safe to repeat; anything else the client typed is not repeated. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

// ---------------------------------------------------------------------------------------------
// Syntax (the lexer and the parser)

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

const SYNTAX_TEMPLATES: Template[] = [
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

// ---------------------------------------------------------------------------------------------
// Validation rules (specifiedRules)

const VALIDATION_TEMPLATES: Template[] = [
  {
    pattern: /^Cannot query field "(\w+)" on type "(\w+)"\.$/,
    reason: 'UNKNOWN_FIELD',
    render: (m) => `Le champ ${q(m[1])} n’existe pas sur le type ${q(m[2])}.`,
  },
  {
    pattern: /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\.$/,
    reason: 'UNKNOWN_ARGUMENT',
    render: (m) => `L’argument ${q(m[1])} n’existe pas pour le champ ${q(`${m[2]}.${m[3]}`)}.`,
  },
  {
    pattern: /^Unknown argument "(\w+)" on directive "@(\w+)"\.$/,
    reason: 'UNKNOWN_ARGUMENT',
    render: (m) => `L’argument ${q(m[1])} n’existe pas pour la directive ${q(`@${m[2]}`)}.`,
  },
  {
    pattern: /^Unknown type "(\w+)"\.$/,
    reason: 'UNKNOWN_TYPE',
    render: (m) => `Le type ${q(m[1])} n’existe pas.`,
  },
  {
    pattern: /^Unknown fragment "(\w+)"\.$/,
    reason: 'UNKNOWN_FRAGMENT',
    render: (m) => `Le fragment ${q(m[1])} n’est pas défini.`,
  },
  {
    pattern: /^Unknown directive "@(\w+)"\.$/,
    reason: 'UNKNOWN_DIRECTIVE',
    render: (m) => `La directive ${q(`@${m[1]}`)} n’existe pas.`,
  },
  {
    pattern: /^Directive "@(\w+)" may not be used on (\w+)\.$/,
    reason: 'DIRECTIVE',
    render: (m) => `La directive ${q(`@${m[1]}`)} ne peut pas être employée à cet endroit.`,
  },
  {
    pattern: /^The directive "@(\w+)" can only be used once at this location\.$/,
    reason: 'DIRECTIVE',
    render: (m) => `La directive ${q(`@${m[1]}`)} ne peut être employée qu’une fois à cet endroit.`,
  },
  {
    pattern: /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\.$/,
    reason: 'MISSING_ARGUMENT',
    render: (m) => `L’argument ${q(m[2])} (${m[3]}) du champ ${q(m[1])} est obligatoire.`,
  },
  {
    pattern: /^Directive "@(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\.$/,
    reason: 'MISSING_ARGUMENT',
    render: (m) => `L’argument ${q(m[2])} (${m[3]}) de la directive ${q(`@${m[1]}`)} est obligatoire.`,
  },
  {
    pattern: /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    reason: 'SELECTION_FORBIDDEN',
    render: (m) => `Le champ ${q(m[1])} (${m[2]}) n’a pas de sous-champs : rien ne peut y être sélectionné.`,
  },
  {
    pattern:
      /^Field "(\w+)" of type "([^"]+)" must have (?:a selection of subfields|at least one field selected)\.$/,
    reason: 'SELECTION_REQUIRED',
    render: (m) => `Le champ ${q(m[1])} (${m[2]}) demande de sélectionner au moins un de ses sous-champs.`,
  },
  {
    pattern: /^Fragment (?:"(\w+)" )?cannot condition on non composite type "([^"]+)"\.$/,
    reason: 'FRAGMENT',
    render: (m) => `Un fragment ne peut pas porter sur le type ${q(m[2])}, qui n’a pas de champs.`,
  },
  {
    pattern:
      /^Fragment (?:"(\w+)" )?cannot be spread here as objects of type "([^"]+)" can never be of type "([^"]+)"\.$/,
    reason: 'FRAGMENT',
    render: (m) =>
      `${m[1] ? `Le fragment ${q(m[1])}` : 'Ce fragment'} ne peut pas être employé ici : un objet de type ${q(m[2])} n’est jamais de type ${q(m[3])}.`,
  },
  {
    pattern: /^Fragment "(\w+)" is never used\.$/,
    reason: 'UNUSED_FRAGMENT',
    render: (m) => `Le fragment ${q(m[1])} n’est employé nulle part.`,
  },
  {
    pattern: /^Cannot spread fragment "(\w+)" within itself/,
    reason: 'FRAGMENT',
    render: (m) => `Le fragment ${q(m[1])} s’inclut lui-même.`,
  },
  {
    pattern: /^There can be only one (fragment|operation|argument|input field|variable) named "\$?(\w+)"\.$/,
    reason: 'DUPLICATE_NAME',
    render: (m) => {
      const [what, named] = {
        fragment: ['un seul fragment', 'nommé'],
        operation: ['une seule opération', 'nommée'],
        argument: ['un seul argument', 'nommé'],
        'input field': ['un seul champ', 'nommé'],
        variable: ['une seule variable', 'nommée'],
      }[m[1]]!;
      return `Il ne peut y avoir qu’${what} ${named} ${q(m[1] === 'variable' ? `$${m[2]}` : m[2])}.`;
    },
  },
  {
    pattern: /^This anonymous operation must be the only defined operation\.$/,
    reason: 'OPERATION',
    render: () => 'Une opération sans nom doit être la seule de la requête.',
  },
  {
    pattern: /^The (.+) definition is not executable\.$/,
    reason: 'OPERATION',
    render: () => 'La requête ne peut contenir que des opérations et des fragments.',
  },
  {
    pattern:
      /^(?:Anonymous Subscription|Subscription "\w+") must (?:select only one top level field|not select an introspection top level field)\.$/,
    reason: 'OPERATION',
    render: () => 'Un abonnement doit sélectionner exactement un champ, hors introspection.',
  },
  {
    pattern: /^Variable "\$(\w+)" is not defined(?: by operation "\w+")?\.$/,
    reason: 'UNDECLARED_VARIABLE',
    render: (m) => `La variable ${q(`$${m[1]}`)} est employée sans être déclarée par l’opération.`,
  },
  {
    pattern: /^Variable "\$(\w+)" is never used(?: in operation "\w+")?\.$/,
    reason: 'UNUSED_VARIABLE',
    render: (m) => `La variable ${q(`$${m[1]}`)} est déclarée mais jamais employée.`,
  },
  {
    pattern: /^Variable "\$(\w+)" cannot be non-input type "([^"]+)"\.$/,
    reason: 'VARIABLE_TYPE',
    render: (m) =>
      `La variable ${q(`$${m[1]}`)} ne peut pas être du type ${q(m[2])}, qui n’est pas un type d’entrée.`,
  },
  {
    pattern: /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/,
    reason: 'VARIABLE_TYPE',
    render: (m) =>
      `La variable ${q(`$${m[1]}`)} est de type ${q(m[2])} là où le type ${q(m[3])} est attendu.`,
  },
  {
    pattern:
      /^Variable "\$(\w+)" is of type "([^"]+)" but must be non-nullable to be used for OneOf Input Object "(\w+)"\.$/,
    reason: 'VARIABLE_TYPE',
    render: (m) => `La variable ${q(`$${m[1]}`)} doit être obligatoire (« ! ») pour servir dans ${q(m[3])}.`,
  },
  {
    pattern: /^Field "(\w+)\.(\w+)" of required type "([^"]+)" was not provided\.$/,
    reason: 'MISSING_INPUT_FIELD',
    render: (m) => `Le champ ${q(m[2])} (${m[3]}) est obligatoire dans ${q(m[1])}.`,
  },
  {
    pattern: /^Field "(\w+)" is not defined by type "(\w+)"\.$/,
    reason: 'UNKNOWN_INPUT_FIELD',
    render: (m) => `Le champ ${q(m[1])} n’existe pas dans ${q(m[2])}.`,
  },
  {
    pattern:
      /^OneOf Input Object "(\w+)" must specify exactly one key\.$|^Field "(\w+)\.\w+" must be non-null\.$/,
    reason: 'INVALID_VALUE',
    render: (m) => `${q(m[1] ?? m[2])} demande exactement un champ renseigné, non nul.`,
  },
  {
    // The found value is printed between the type and the leaf's own reason: it is not repeated.
    pattern: /^Expected value of type "([^"]+)", found ([\s\S]*)$/,
    reason: 'INVALID_VALUE',
    render: (m) => leafProblem(m[1], m[2]),
  },
  {
    // A scalar or an enum refusing a literal reports its own message.
    pattern:
      /^(?:Value "[\s\S]*" does not exist in "\w+" enum\.|Enum "\w+" cannot represent|(?:Int|Float|String|Boolean|ID) cannot represent)/,
    reason: 'INVALID_VALUE',
    render: (m) => {
      const known = leafReason('', m.input);
      return { message: `${capitalise(known.message)}.`, reason: known.reason };
    },
  },
  {
    pattern: /^Fields "(\w+)" conflict because /,
    reason: 'CONFLICTING_FIELDS',
    render: (m) =>
      `Le champ ${q(m[1])} est demandé plusieurs fois de façons différentes (arguments ou sous-champs) : donnez un alias à chacun.`,
  },
  {
    pattern: /^Maximum introspection depth exceeded$/,
    reason: 'OTHER',
    render: () => 'La requête d’introspection est trop profonde.',
  },
  {
    pattern: /^Too many validation errors, error limit reached\. Validation aborted\.$/,
    reason: 'TOO_MANY_ERRORS',
    render: () => 'La requête contient trop d’erreurs : la vérification s’est arrêtée là.',
  },
];

/** Why a scalar or enum refused a value, from its own message (after "; " in graphql-js's). */
function leafReason(
  type: string,
  detail: string | undefined,
): { message: string; reason: GraphqlJsErrorReason } {
  const bare = type.replace(/[[\]!]/g, '');
  const enumValue = detail && /^Value "([\s\S]*)" does not exist in "(\w+)" enum\.$/.exec(detail);
  if (enumValue) {
    const value = NAME.test(enumValue[1]) ? ` ${q(enumValue[1])}` : '';
    return {
      message: `la valeur${value} ne fait pas partie de la liste ${q(enumValue[2])}`,
      reason: 'UNKNOWN_ENUM_VALUE',
    };
  }
  const notEnum = detail && /^Enum "(\w+)" cannot represent non-(?:enum|string) value/.exec(detail);
  if (notEnum) {
    return {
      message: `une valeur de la liste ${q(notEnum[1])} est attendue, écrite sans guillemets`,
      reason: 'UNKNOWN_ENUM_VALUE',
    };
  }
  const scalar = detail && /^(Int|Float|String|Boolean|ID) cannot represent (.*)$/s.exec(detail);
  if (scalar) {
    if (scalar[1] === 'Int' && scalar[2].startsWith('non 32-bit'))
      return { message: 'le nombre est trop grand', reason: 'INVALID_VALUE' };
    const expected = {
      Int: 'un nombre entier est attendu',
      Float: 'un nombre est attendu',
      String: 'une chaîne de caractères est attendue',
      Boolean: 'true ou false est attendu',
      ID: 'un identifiant est attendu',
    }[scalar[1]]!;
    return { message: expected, reason: 'INVALID_VALUE' };
  }
  return { message: `la valeur ne convient pas au type ${q(bare)}`, reason: 'INVALID_VALUE' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The leaf's reason follows the printed value after "; ", which the value itself may contain. */
function leafProblem(type: string, found: string): Rendered {
  for (let cut = found.lastIndexOf('; '); cut >= 0; cut = found.lastIndexOf('; ', cut - 1)) {
    const known = leafReason(type, found.slice(cut + 2));
    if (known.reason === 'UNKNOWN_ENUM_VALUE' || !known.message.startsWith('la valeur ne convient'))
      return { message: `${capitalise(known.message)}.`, reason: known.reason };
  }
  return `${capitalise(leafReason(type, undefined).message)}.`;
}

// ---------------------------------------------------------------------------------------------
// Coercion of variables (before execution) and of arguments (during it)

/** What coerceInputValue says about one place in a variable's value (after the path). */
function variableProblem(
  inner: string,
): { message: string; reason: GraphqlJsErrorReason; child?: string } | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^Field "(\w+)" of required type "([^"]+)" was not provided\.$/.exec(inner)))
    return { message: `le champ ${q(m[1])} est obligatoire`, reason: 'MISSING_INPUT_FIELD', child: m[1] };
  if ((m = /^Field "(\w+)" is not defined by type "(\w+)"\.$/.exec(inner)))
    return {
      message: `le champ ${q(m[1])} n’existe pas dans ${q(m[2])}`,
      reason: 'UNKNOWN_INPUT_FIELD',
      child: m[1],
    };
  if ((m = /^Expected non-nullable type "([^"]+)" not to be null\.$/.exec(inner)))
    return { message: 'une valeur est obligatoire', reason: 'NULL_VALUE' };
  if ((m = /^Expected type "(\w+)" to be an object\.$/.exec(inner)))
    return { message: `un objet ${q(m[1])} est attendu`, reason: 'INVALID_VALUE' };
  if (
    (m =
      /^(?:Exactly one key must be specified for OneOf type "(\w+)"\.|Field "(\w+)" must be non-null\.)$/.exec(
        inner,
      ))
  )
    return { message: 'exactement un champ doit être renseigné, non nul', reason: 'INVALID_VALUE' };
  if ((m = /^Expected type "(\w+)"\.(?: [\s\S]*)?$/.exec(inner))) return leafReason(m[1], undefined);
  // graphql-jit's wording of a missing field, should its own coercion ever answer.
  if ((m = /^Field value((?:\.\w+|\[\d+\])*) of required type (\S+) was not provided\.$/.exec(inner)))
    return { message: 'une valeur est obligatoire', reason: 'MISSING_INPUT_FIELD' };
  const leaf = leafReason('', inner);
  return leaf.message.startsWith('la valeur ne convient') ? undefined : leaf;
}

/** `.person.firstName[0]` (graphql-js's path after the variable's name) as `person.firstName[0]`. */
function fieldPath(path: string, child?: string): string | undefined {
  const joined = `${path}${child ? `.${child}` : ''}`.replace(/^\./, '');
  return joined || undefined;
}

function translateVariableValue(message: string): TranslatedGraphqlJsError | undefined {
  const head = /^Variable "\$(\w+)" got invalid value /.exec(message);
  if (!head) return undefined;
  const name = head[1];
  // The printed value may hold anything, "; " included: the path and the reason are read from the
  // end, the last "; " after which a known reason follows.
  const rest = message.slice(head[0].length);
  for (let cut = rest.lastIndexOf('; '); cut >= 0; cut = rest.lastIndexOf('; ', cut - 1)) {
    const problem = variableProblem(rest.slice(cut + 2));
    if (!problem) continue;
    const at = new RegExp(` at "${name}((?:\\.\\w+|\\[\\d+\\])*)"$`).exec(rest.slice(0, cut));
    const field = fieldPath(at?.[1] ?? '', problem.child);
    const where = field ? ` (${q(field)})` : '';
    return {
      code: 'BAD_USER_INPUT',
      reason: problem.reason,
      message: `La variable ${q(`$${name}`)} n’est pas valide${where} : ${problem.message}.`,
      ...(field && { field }),
    };
  }
  return {
    code: 'BAD_USER_INPUT',
    reason: 'INVALID_VALUE',
    message: `La variable ${q(`$${name}`)} n’a pas une valeur valide.`,
  };
}

const COERCION_TEMPLATES: Template[] = [
  {
    pattern: /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/,
    reason: 'MISSING_VARIABLE',
    render: (m) => `La variable ${q(`$${m[1]}`)} (${m[2]}) est obligatoire et n’a pas été fournie.`,
  },
  {
    pattern: /^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\.$/,
    reason: 'NULL_VALUE',
    render: (m) => `La variable ${q(`$${m[1]}`)} (${m[2]}) ne peut pas être nulle.`,
  },
  {
    pattern: /^Variable "\$(\w+)" expected value of type "([^"]+)" which cannot be used as an input type\.$/,
    reason: 'VARIABLE_TYPE',
    render: (m) => `La variable ${q(`$${m[1]}`)} ne peut pas être du type ${q(m[2])}.`,
  },
  {
    pattern:
      /^Argument "(\w+)" of required type "([^"]+)" was provided the variable "\$(\w+)" which was not provided a runtime value\.$/,
    reason: 'MISSING_VARIABLE',
    render: (m) =>
      `L’argument ${q(m[1])} est obligatoire, mais la variable ${q(`$${m[3]}`)} n’a pas de valeur.`,
  },
  {
    pattern: /^Argument "(\w+)" of required type "([^"]+)" was not provided\.$/,
    reason: 'MISSING_ARGUMENT',
    render: (m) => `L’argument ${q(m[1])} (${m[2]}) est obligatoire.`,
  },
  {
    pattern: /^Argument "(\w+)" of non-null type "([^"]+)" must not be null\.$/,
    reason: 'NULL_VALUE',
    render: (m) => `L’argument ${q(m[1])} (${m[2]}) ne peut pas être nul.`,
  },
  {
    pattern: /^Argument "(\w+)" has invalid value [\s\S]*\.$/,
    reason: 'INVALID_VALUE',
    render: (m) => `L’argument ${q(m[1])} n’a pas une valeur valide.`,
  },
];

// ---------------------------------------------------------------------------------------------

const SUGGESTION = /\s*Did you mean ([\s\S]*)\?$/;

/** Splits graphql-js's trailing "Did you mean …?" from the message, keeping the names. */
function withoutSuggestion(message: string): { base: string; suggestions: string[]; onFragment: boolean } {
  const match = SUGGESTION.exec(message);
  if (!match) return { base: message, suggestions: [], onFragment: false };
  const names = [...match[1].matchAll(/"([^"]+)"/g)].map((name) => name[1]);
  return {
    base: message.slice(0, match.index),
    suggestions: names,
    onFragment: match[1].startsWith('to use an inline fragment on'),
  };
}

function suggestionText(names: string[], onFragment: boolean): string {
  const listed = names.map(q).join(', ');
  return onFragment ? ` Vouliez-vous employer un fragment sur ${listed} ?` : ` Vouliez-vous dire ${listed} ?`;
}

function fromTemplates(
  message: string,
  templates: Template[],
  code: GraphqlJsErrorCode,
): TranslatedGraphqlJsError | undefined {
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const rendered = template.render(match);
    return typeof rendered === 'string'
      ? { code, reason: template.reason, message: rendered }
      : { code, reason: rendered.reason ?? template.reason, message: rendered.message };
  }
  return undefined;
}

function parserLimit(message: string): TranslatedGraphqlJsError | undefined {
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/.exec(message);
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      code: 'GRAPHQL_PARSE_FAILED',
      reason: 'TOO_MANY_TOKENS',
      max,
      message: `La requête est trop longue (plus de ${max.toLocaleString('fr-FR')} éléments).`,
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
      message: `La requête est trop longue (plus de ${max.toLocaleString('fr-FR')} caractères).`,
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

function translateWithoutSuggestion(message: string): TranslatedGraphqlJsError {
  if (message.startsWith('Syntax Error: ')) {
    return (
      parserLimit(message) ??
      fromTemplates(message, SYNTAX_TEMPLATES, 'GRAPHQL_PARSE_FAILED') ?? {
        code: 'GRAPHQL_PARSE_FAILED',
        reason: 'SYNTAX',
        message: 'Erreur de syntaxe dans la requête GraphQL.',
      }
    );
  }
  const coercion =
    translateVariableValue(message) ?? fromTemplates(message, COERCION_TEMPLATES, 'BAD_USER_INPUT');
  if (coercion) return coercion;
  if (
    /^(Variable|Argument) "\$?\w+"/.test(message) &&
    !/ is (not defined|never used)| used in position| cannot be non-input| is of type /.test(message)
  ) {
    // A coercion message of a kind not listed above.
    return {
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      message: 'Une valeur fournie n’est pas valide.',
    };
  }
  return (
    fromTemplates(message, VALIDATION_TEMPLATES, 'GRAPHQL_VALIDATION_FAILED') ?? {
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'OTHER',
      message: 'La requête GraphQL ne correspond pas au schéma.',
    }
  );
}

/**
 * The French for one graphql-js message (parse, validation, variable or argument coercion), its
 * public code and reason. Suggestions are dropped unless `options.suggestions`.
 */
export function translateGraphqlJsMessage(
  message: string,
  options: TranslationOptions,
): TranslatedGraphqlJsError {
  const { base, suggestions, onFragment } = withoutSuggestion(message);
  const translated = translateWithoutSuggestion(base);
  const named = suggestions.filter((name) => /^[_A-Za-z][_0-9A-Za-z]*(?: \{ \.\.\. \})?$/.test(name));
  if (!options.suggestions || !named.length) return translated;
  return {
    ...translated,
    message: `${translated.message}${suggestionText(named, onFragment)}`,
    suggestions: named,
  };
}

/** True for the argument-coercion messages graphql-js raises while executing a field. */
export function isArgumentCoercionMessage(message: string): boolean {
  return /^Argument "\w+" (?:of required type|of non-null type|has invalid value)/.test(message);
}

function innermost(error: GraphQLError): GraphQLError {
  let current = error;
  while (current.originalError instanceof GraphQLError) current = current.originalError;
  return current;
}

/**
 * The French for a graphql-js error, or undefined when it is already public: an error carrying its
 * own `extensions.code` (this library's limits, a scalar of the project refusing a value). A
 * variable's value refused by such a scalar keeps the scalar's own message, with the field.
 */
export function translateGraphqlJsError(
  error: GraphQLError,
  options: TranslationOptions,
): TranslatedGraphqlJsError | undefined {
  const inner = innermost(error);
  const innerCode = inner.extensions?.code;
  const wrapper = /^Variable "\$(\w+)" got invalid value /.exec(error.message);
  if (
    wrapper &&
    inner !== error &&
    typeof innerCode === 'string' &&
    error.message.endsWith(`; ${inner.message}`)
  ) {
    const before = error.message.slice(0, -(inner.message.length + 2));
    const at = new RegExp(` at "${wrapper[1]}((?:\\.\\w+|\\[\\d+\\])*)"$`).exec(before);
    const field = fieldPath(at?.[1] ?? '');
    return {
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      message: inner.message,
      ...(field && { field }),
    };
  }
  if (typeof error.extensions?.code === 'string') return undefined;
  return translateGraphqlJsMessage(error.message, options);
}
