import { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { createLogger } from '@relais/logging';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { formatGraphqlError, statusFor } from './errors/error-formatter';
import { assertComplexityWithin, queryLimitRules } from './limits/query-limits';

/** What every resolver finds in its GraphQL context. */
export interface GraphqlContext {
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface GraphqlModuleOptions {
  /** Applied to the built schema before it is served (the access library's gate guard). */
  transformSchema?: (schema: GraphQLSchema) => GraphQLSchema;
}

export function graphqlModule(options: GraphqlModuleOptions = {}): DynamicModule {
  return GraphQLModule.forRootAsync<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): MercuriusDriverConfig => {
      // Errors raised outside an HTTP request (none today) still reach a redacted log.
      const fallbackLogger = createLogger({ level: config.logLevel, service: 'api' });
      return {
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        transformSchema: options.transformSchema,
        graphiql: config.graphql.graphiql,
        jit: 1,
        allowBatchedQueries: false,
        context: (request: FastifyRequest, reply: FastifyReply): GraphqlContext => ({ request, reply }),
        // A fixed list keeps Mercurius's validated-document cache (and JIT) usable.
        validationRules: queryLimitRules(config.graphql),
        hooks: {
          preExecution: async (schema, document, _context, variables) => {
            assertComplexityWithin(config.graphql.maxComplexity, schema, document, variables);
          },
        },
        graphql: { parseOptions: { maxTokens: 5_000 } },
        errorFormatter: (execution: ExecutionResult, context: unknown) => {
          const logger =
            (context as Partial<GraphqlContext> | undefined)?.reply?.request.log ?? fallbackLogger;
          // Mercurius wraps validation failures in one error carrying the individual ones.
          const raised = (execution.errors ?? []).flatMap((error) => {
            const wrapped = (error.originalError as { errors?: unknown } | undefined)?.errors;
            return Array.isArray(wrapped) ? (wrapped as GraphQLError[]) : [error];
          });
          const errors = raised.map((error) =>
            formatGraphqlError(error instanceof GraphQLError ? error : new GraphQLError(String(error)), {
              error: (details, message) => logger.error(details, message),
            }),
          );
          const hasData = execution.data !== undefined && execution.data !== null;
          return {
            statusCode: statusFor(errors, hasData),
            response: { data: execution.data ?? null, errors },
          };
        },
      };
    },
  });
}
