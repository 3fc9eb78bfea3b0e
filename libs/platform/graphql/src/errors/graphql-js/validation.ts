import { NAME, q, Rendered, GraphqlJsErrorReason, Template } from './translation';

/** The messages of the spec's validation rules (graphql-js's `specifiedRules`). */

export const VALIDATION_TEMPLATES: Template[] = [
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
    // Choosing the operation to run (graphql-js's execution context).
    pattern: /^Must provide operation name if query contains multiple operations\.$/,
    reason: 'OPERATION',
    render: () =>
      'La requête contient plusieurs opérations : indiquez laquelle exécuter (« operationName »).',
  },
  {
    pattern: /^Unknown operation named "(\w+)"\.$/,
    reason: 'OPERATION',
    render: (m) => `L’opération ${q(m[1])} ne figure pas dans la requête.`,
  },
  {
    pattern: /^Must provide an operation\.$/,
    reason: 'OPERATION',
    render: () => 'La requête ne contient aucune opération à exécuter.',
  },
  {
    pattern: /^Schema is not configured to execute (\w+) operation\.$/,
    reason: 'OPERATION',
    render: (m) => `Les opérations de type ${q(m[1])} ne sont pas disponibles.`,
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
export function leafReason(
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
      return { message: 'le nombre dépasse les limites permises', reason: 'INVALID_VALUE' };
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

export function capitalise(text: string): string {
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
