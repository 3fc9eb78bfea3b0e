import { capitalise, leafReason } from './validation';
import { GraphqlJsErrorReason, q, Template, TranslatedGraphqlJsError } from './translation';

/** Variables coerced before execution, arguments while executing. */

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
export function fieldPath(path: string, child?: string): string | undefined {
  const joined = `${path}${child ? `.${child}` : ''}`.replace(/^\./, '');
  return joined || undefined;
}

export function translateVariableValue(message: string): TranslatedGraphqlJsError | undefined {
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
      ...(field && { field, fieldMessage: `${capitalise(problem.message)}.` }),
    };
  }
  return {
    code: 'BAD_USER_INPUT',
    reason: 'INVALID_VALUE',
    message: `La variable ${q(`$${name}`)} n’a pas une valeur valide.`,
  };
}

export const COERCION_TEMPLATES: Template[] = [
  {
    pattern: /^Too many errors processing variables, error limit reached\. Execution aborted\.$/,
    reason: 'TOO_MANY_ERRORS',
    render: () => 'Les variables contiennent trop d’erreurs : la vérification s’est arrêtée là.',
  },
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
