import { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { createLogger } from '@relais/logging';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ExecutionResult, GraphQLSchema } from 'graphql';
import { formatExecutionResult } from './errors/error-formatter';
import { readPlainFieldsDirectly } from './execution/plain-field-reads';
import { graphqlHooks } from './graphql-hooks';
import { schemaLimitRules } from './limits/query-limits';
import { refuseUnsafeTransport } from './transport/graphql-transport';

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
      // graphql-js's "Did you mean …?" names parts of the schema: only where introspection shows
      // them anyway (outside production).
      const suggestions = config.graphql.introspection;
      // graphql-js 16.15 takes `hideSuggestions` (Mercurius's types predate it and pass it on).
      const validateOptions: { maxErrors?: number; hideSuggestions?: boolean } = {
        maxErrors: 25,
        hideSuggestions: !suggestions,
      };
      return {
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        transformSchema: (schema) =>
          readPlainFieldsDirectly(options.transformSchema ? options.transformSchema(schema) : schema),
        // Mercurius's page loads GraphiQL from a CDN: the api serves its own (apps/api, graphiql/).
        graphiql: false,
        // Compiled after this many runs of a document; the variables hook keeps compiled and
        // interpreted runs reading the same values.
        jit: config.graphql.jit,
        allowBatchedQueries: false,
        // Content type, cookies and method are checked before the body is read.
        additionalRouteOptions: { preParsing: refuseUnsafeTransport },
        context: (request: FastifyRequest, reply: FastifyReply): GraphqlContext => ({ request, reply }),
        // A fixed list keeps Mercurius's validated-document cache (and JIT) usable; the limits read
        // from the shape alone run earlier, in the preValidation hook.
        validationRules: schemaLimitRules(config.graphql),
        hooks: graphqlHooks(config.graphql),
        graphql: {
          parseOptions: {
            maxTokens: config.graphql.maxTokens,
            maxSourceLength: config.graphql.maxQueryLength,
          },
          validateOptions,
        },
        errorFormatter: (execution: ExecutionResult, context: unknown) => {
          const logger =
            (context as Partial<GraphqlContext> | undefined)?.reply?.request.log ?? fallbackLogger;
          return formatExecutionResult(
            execution,
            { error: (details, message) => logger.error(details, message) },
            { suggestions },
          );
        },
      };
    },
  });
}
