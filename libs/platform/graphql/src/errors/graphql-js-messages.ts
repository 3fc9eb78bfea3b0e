import { GraphQLError } from 'graphql';
import { COERCION_TEMPLATES, fieldPath, translateVariableValue } from './graphql-js/coercion';
import { parserLimit, SYNTAX_TEMPLATES } from './graphql-js/syntax';
import { fromTemplates, q, TranslatedGraphqlJsError, TranslationOptions } from './graphql-js/translation';
import { VALIDATION_TEMPLATES } from './graphql-js/validation';

export type {
  GraphqlJsErrorCode,
  GraphqlJsErrorReason,
  TranslatedGraphqlJsError,
  TranslationOptions,
} from './graphql-js/translation';

/**
 * graphql-js (16.x) answers in English and, when it can, with "Did you mean …?" suggestions taken
 * from the schema. People meet these messages through the client, so each kind is recognised from
 * its English template and rewritten in French with the field, argument or type it names. Values
 * the client sent are never repeated (they may be personal data), names are: they are GraphQL
 * names by construction. What no template matches still gets a French message, never the English.
 */

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
      ...(field && { field, fieldMessage: inner.message }),
    };
  }
  if (typeof error.extensions?.code === 'string') return undefined;
  return translateGraphqlJsMessage(error.message, options);
}
