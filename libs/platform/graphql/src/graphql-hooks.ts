import { AppConfig } from '@relais/config';
import { FastifyReply } from 'fastify';
import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, Location, validate } from 'graphql';
import { coerceVariables } from './execution/variables';
import { assertComplexityWithin, structuralLimitRules } from './limits/query-limits';

/** Several errors refusing one request before it runs; the formatter lists each. */
export class GraphqlRequestErrors extends Error {
  readonly statusCode = 400;

  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors[0]?.message ?? 'Requête refusée');
    this.name = 'GraphqlRequestErrors';
  }
}

function parseFailure(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', ...extensions } });
}

/** The operation the request names (body for POST, query string for GET), as graphql-js reads it. */
function requestedOperationName(context: unknown): string | undefined {
  const request = (context as { reply?: FastifyReply } | undefined)?.reply?.request;
  const envelope = (request?.method === 'GET' ? request.query : request?.body) as
    { operationName?: unknown } | undefined;
  return typeof envelope?.operationName === 'string' ? envelope.operationName : undefined;
}

/**
 * Mercurius hooks putting each limit where it costs least, in this order:
 * 1. `preParsing`: the query's length, before the lexer reads a character (the parser's token cap,
 *    `parseOptions.maxTokens`, then stops it mid-way, on GET as on POST);
 * 2. `preValidation` (documents not yet in Mercurius's cache): a document the parser did not make
 *    is refused (Mercurius would take a JSON AST in place of a query that does not parse, past the
 *    token cap), then the shape's limits run in one linear pass before the spec's rules;
 * 3. `preExecution` (every request): variables coerced by graphql-js with their defaults written
 *    in (see `coerceVariables`), then complexity, which depends on them.
 */
export function graphqlHooks(config: AppConfig['graphql']) {
  const shapeRules = structuralLimitRules(config);
  return {
    preParsing: async (_schema: GraphQLSchema, source: string): Promise<void> => {
      if (source.length > config.maxQueryLength) {
        throw parseFailure(`La requête est trop longue (plus de ${config.maxQueryLength} caractères).`, {
          reason: 'TOO_LONG',
          limit: 'length',
          max: config.maxQueryLength,
        });
      }
    },
    preValidation: async (schema: GraphQLSchema, document: DocumentNode): Promise<void> => {
      if (!(document?.loc instanceof Location)) {
        throw parseFailure('La requête doit être un document GraphQL.', { reason: 'SYNTAX' });
      }
      const errors = validate(schema, document, shapeRules, { maxErrors: 10 });
      if (errors.length) throw new GraphqlRequestErrors(errors);
    },
    preExecution: async (
      schema: GraphQLSchema,
      document: DocumentNode,
      context: unknown,
      variables: Record<string, unknown> | undefined,
    ): Promise<{ variables: Record<string, unknown> } | undefined> => {
      const operation = getOperationAST(document, requestedOperationName(context));
      // No operation to run (none named, or an unknown name): graphql-js refuses it itself.
      if (!operation) return undefined;
      let coerced = variables;
      if (operation.variableDefinitions?.length) {
        const result = coerceVariables(schema, operation, variables, {
          hideSuggestions: !config.introspection,
        });
        if (result.errors) throw new GraphqlRequestErrors(result.errors);
        coerced = result.variables;
      }
      assertComplexityWithin(config.maxComplexity, schema, document, coerced);
      return coerced === variables || !coerced ? undefined : { variables: coerced };
    },
  };
}
