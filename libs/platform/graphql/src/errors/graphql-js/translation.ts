/** What the translations of graphql-js's messages share. */

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
  /** What is wrong there, for a form to show beside the field. */
  fieldMessage?: string;
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

export type Rendered = string | { message: string; reason?: GraphqlJsErrorReason };

export interface Template {
  pattern: RegExp;
  reason: GraphqlJsErrorReason;
  render: (match: RegExpExecArray) => Rendered;
}

export const q = (name: string): string => `« ${name} »`;

/** A GraphQL name, safe to repeat; anything else the client typed is not repeated. */
export const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** The first template matching the message, rendered. */
export function fromTemplates(
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
