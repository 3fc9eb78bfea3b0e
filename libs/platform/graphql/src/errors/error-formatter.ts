import { randomUUID } from 'node:crypto';
import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainException } from './domain.exception';
import {
  isArgumentCoercionMessage,
  translateGraphqlJsError,
  TranslationOptions,
} from './graphql-js-messages';
import { PublicError } from './public-error';
import { REFUSAL_STATUS, RequestRefusal } from './request-refusal';

export interface ErrorLogger {
  error(details: object, message: string): void;
}

const NO_SUGGESTIONS: TranslationOptions = { suggestions: false };

/**
 * Turns any error raised while answering into what a client may see: a domain exception's own
 * public mapping, a graphql-js message in French (`graphql-js-messages`), a refused request as
 * such, and for anything unexpected only an `errorId`, the cause going to the log.
 */
export function formatGraphqlError(
  error: GraphQLError,
  logger: ErrorLogger,
  options: TranslationOptions = NO_SUGGESTIONS,
): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof DomainException) {
    return publicShape(error, original.toPublicError());
  }
  if (original instanceof RequestRefusal) {
    return { message: original.message, extensions: { code: original.code } };
  }
  if (!original || original instanceof GraphQLError) {
    // While executing, graphql-js speaks to the client only about arguments; anything else it
    // raises there (a non-null field left null, an object refused by `isTypeOf`) is a defect.
    // The error itself is read, not its original: a located error repeats its original's message
    // and extensions, and a variable's error wraps its value's reason in words naming the variable.
    const executing = error.path !== undefined && error.path.length > 0;
    if (
      !executing ||
      isArgumentCoercionMessage(error.message) ||
      typeof error.extensions?.code === 'string'
    ) {
      return graphqlJsShape(error, options);
    }
    return unexpected(error, logger, { graphqlError: withoutValues(error.message) });
  }
  if ((original as { code?: unknown }).code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND') {
    return {
      message: 'La requête ne contient pas de document GraphQL (« query »).',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  const refusal = databaseRefusal(original);
  if (refusal) return { message: refusal, path: error.path, extensions: { code: 'CONFLICT' } };
  const transportStatus = clientErrorStatus(original);
  if (transportStatus)
    return {
      message: transportMessage(transportStatus),
      extensions: { code: transportCode(transportStatus) },
    };
  return unexpected(error, logger, { err: original });
}

function graphqlJsShape(error: GraphQLError, options: TranslationOptions): GraphQLFormattedError {
  const translated = translateGraphqlJsError(error, options);
  if (!translated) {
    // Already public: this library's limits, a project scalar's own French.
    return {
      message: error.message,
      locations: error.locations,
      ...(error.path && { path: error.path }),
      extensions: { ...error.extensions },
    };
  }
  const extensions: Record<string, unknown> = { code: translated.code, reason: translated.reason };
  if (translated.field) {
    extensions.fields = [{ field: translated.field, message: translated.fieldMessage ?? translated.message }];
  }
  if (translated.suggestions) extensions.suggestions = translated.suggestions;
  if (translated.max !== undefined) {
    extensions.limit = translated.reason === 'TOO_MANY_TOKENS' ? 'tokens' : 'length';
    extensions.max = translated.max;
  }
  return {
    message: translated.message,
    locations: error.locations,
    ...(error.path && { path: error.path }),
    extensions,
  };
}

/** graphql-js's own words about a defect, up to where it would print a value (personal data). */
function withoutValues(message: string): string {
  return message.split(/ but got:|: |; /)[0];
}

function unexpected(error: GraphQLError, logger: ErrorLogger, cause: object): GraphQLFormattedError {
  const errorId = randomUUID();
  logger.error({ ...cause, errorId, path: error.path }, 'Erreur inattendue');
  return {
    message: `Une erreur inattendue est survenue. Référence : ${errorId}`,
    path: error.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}

function publicShape(error: GraphQLError, shown: PublicError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...shown.extensions, code: shown.code };
  if (shown.fields) extensions.fields = shown.fields;
  return { message: shown.message, path: error.path, extensions };
}

/**
 * A refusal the database raises itself (SQLSTATE class `RL`, the project's own: a change to an
 * archived situation), written in French for the person in the migration that declares it.
 */
function databaseRefusal(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: unknown; message?: unknown } }).driverError;
  return typeof driverError?.code === 'string' &&
    /^RL[0-9A-Z]{3}$/.test(driverError.code) &&
    typeof driverError.message === 'string'
    ? driverError.message
    : undefined;
}

/** Fastify's own refusals (body too large, malformed JSON, unknown content type) carry a 4xx status. */
export function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function transportCode(status: number): 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_REQUEST' {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return 'BAD_REQUEST';
}

function transportMessage(status: number): string {
  if (status === 413) return 'La requête dépasse la taille maximale autorisée.';
  if (status === 415) return UNSUPPORTED_MEDIA_TYPE_MESSAGE;
  return "La requête n'a pas pu être lue.";
}

export const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'Le corps de la requête doit être en JSON (Content-Type: application/json).';

/**
 * Mercurius wraps refusals in one error carrying the individual ones (`errors`): graphql-js's,
 * or, for a malformed body, Fastify's schema validation error; a mutation sent with GET has its
 * own. Each comes out as a GraphQL error the formatter knows.
 */
export function unwrapMercuriusErrors(errors: readonly unknown[]): GraphQLError[] {
  return errors.flatMap((error): GraphQLError[] => {
    const raised = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    const wrapper = raised.originalError as { code?: unknown; errors?: unknown } | undefined;
    if (wrapper?.code === 'MER_ERR_METHOD_NOT_ALLOWED') {
      return [refusal('METHOD_NOT_ALLOWED', 'Une modification (mutation) doit être envoyée en POST.')];
    }
    if (!Array.isArray(wrapper?.errors)) return [raised];
    return (wrapper.errors as unknown[]).map((inner) =>
      inner instanceof GraphQLError
        ? inner
        : refusal(
            'BAD_REQUEST',
            'Le corps de la requête doit être un objet JSON : { "query": "…", "variables": { … }, "operationName": "…" }.',
          ),
    );
  });
}

function refusal(code: RequestRefusal['code'], message: string): GraphQLError {
  const cause = new RequestRefusal(code, message);
  return new GraphQLError(message, { originalError: cause });
}

/**
 * The HTTP status of an answer. With data, 200. A request refused before anything ran (`executed`
 * false: nothing but errors) answers its 4xx; errors raised while executing travel with a 200.
 */
export function statusFor(
  errors: readonly GraphQLFormattedError[],
  hasData: boolean,
  executed = true,
): number {
  if (hasData) return 200;
  const codes = new Set(errors.map((error) => error.extensions?.code));
  for (const code of ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'METHOD_NOT_ALLOWED'] as const) {
    if (codes.has(code)) return REFUSAL_STATUS[code];
  }
  if (
    codes.has('BAD_REQUEST') ||
    codes.has('GRAPHQL_VALIDATION_FAILED') ||
    codes.has('GRAPHQL_PARSE_FAILED')
  ) {
    return 400;
  }
  // Variables refused before execution: the request as a whole is bad.
  return !executed && codes.has('BAD_USER_INPUT') ? 400 : 200;
}

/** Mercurius's `errorFormatter`: every error formatted once, with the answer's status. */
export function formatExecutionResult(
  execution: ExecutionResult,
  logger: ErrorLogger,
  options: TranslationOptions = NO_SUGGESTIONS,
): { statusCode: number; response: FormattedExecutionResult } {
  const errors = unwrapMercuriusErrors(execution.errors ?? []).map((error) =>
    formatGraphqlError(error, logger, options),
  );
  const hasData = execution.data !== undefined && execution.data !== null;
  // An execution always answers `data` (null included); a request refused before has none.
  const executed = 'data' in execution;
  return {
    statusCode: statusFor(errors, hasData, executed),
    response: { data: execution.data ?? null, errors },
  };
}
