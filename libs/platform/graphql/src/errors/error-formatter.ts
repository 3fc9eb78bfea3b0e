import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainException } from './domain.exception';
import { PublicError } from './public-error';

export interface ErrorLogger {
  error(details: object, message: string): void;
}

/**
 * Turns any error raised while answering into what a client may see: a domain exception's own
 * public mapping, a GraphQL validation message as is, and for anything unexpected only an
 * `errorId`, the cause going to the log.
 */
export function formatGraphqlError(error: GraphQLError, logger: ErrorLogger): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof DomainException) {
    return publicShape(error, original.toPublicError());
  }
  if (!original || original instanceof GraphQLError) {
    const source = original instanceof GraphQLError ? original : error;
    const code =
      typeof source.extensions?.code === 'string'
        ? source.extensions.code
        : source.message.startsWith('Syntax Error')
          ? 'GRAPHQL_PARSE_FAILED'
          : 'GRAPHQL_VALIDATION_FAILED';
    return {
      message: source.message,
      locations: error.locations,
      extensions: { ...source.extensions, code },
    };
  }
  const transportStatus = clientErrorStatus(original);
  if (transportStatus) {
    return transportStatus === 413
      ? {
          message: 'La requête dépasse la taille maximale autorisée.',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        }
      : { message: "La requête n'a pas pu être lue.", extensions: { code: 'BAD_REQUEST' } };
  }
  const errorId = randomUUID();
  logger.error({ err: original, errorId, path: error.path }, 'Erreur inattendue');
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

/** Fastify's own refusals (body too large, malformed JSON) carry a 4xx status. */
export function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Validation-phase failures (nothing executed) answer 400; execution errors travel with a 200. */
export function statusFor(errors: readonly GraphQLFormattedError[], hasData: boolean): number {
  if (hasData) return 200;
  if (errors.some((e) => e.extensions?.code === 'PAYLOAD_TOO_LARGE')) return 413;
  if (errors.some((e) => e.extensions?.code === 'BAD_REQUEST')) return 400;
  const validation = errors.some((e) => {
    const code = e.extensions?.code;
    return code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED';
  });
  return validation ? 400 : 200;
}
