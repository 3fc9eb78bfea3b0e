import 'reflect-metadata';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessRefusalReporter, refusalWitness } from '@relais/access';
import { AppConfig, Clock } from '@relais/config';
import { createValidationPipe, GraphqlExceptionFilter } from '@relais/graphql';
import { createLogger, deferredChildLogger, PinoNestLogger, RequestLogController } from '@relais/logging';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { registerGraphiql } from './graphiql/graphiql';
import { registerSecurityHeaders } from './security-headers';
import { registerWebClient } from './web-client';

export interface ApiOptions {
  /** Tests move time with their own clock instead of sleeping. */
  clock?: Clock;
  logDestination?: DestinationStream;
}

export async function createApi(
  config: AppConfig,
  options: ApiOptions = {},
): Promise<NestFastifyApplication> {
  const logger = createLogger({
    level: config.logLevel,
    service: 'api',
    destination: options.logDestination,
  });
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // No line per request: server errors, slow requests and a sample only (LOG_SLOW_REQUEST_MS, LOG_ACCESS_SAMPLE_RATE).
    logController: new RequestLogController(config.requestLog),
    // So a request's logger is made only when it writes a line.
    childLoggerFactory: deferredChildLogger,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.isProduction,
    // A caller's request id is kept only when it is a plain token; otherwise one is made here.
    genReqId: (request: IncomingMessage) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, options.clock),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
      abortOnError: false,
    },
  );
  // Date windows (« within the next 5 years ») are read against the application's clock.
  app.useGlobalPipes(createValidationPipe(app.get(Clock)));
  // An access refusal is recorded before it is answered.
  app.useGlobalFilters(new GraphqlExceptionFilter(refusalWitness(app.get(AccessRefusalReporter))));
  app.enableCors({
    origin: config.http.corsOrigins.length ? [...config.http.corsOrigins] : false,
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
  });
  // Parses the browser's session cookies (`request.cookies`) and lets sign-in set them.
  await app.register(cookie);
  const instance = app.getHttpAdapter().getInstance();
  registerSecurityHeaders(instance, { crossOriginEmbedderPolicy: false });
  // Outside production only, and from this api alone: the page works without any other network.
  if (config.graphql.graphiql) registerGraphiql(instance);
  // The browser client's build at `/`, on the same origin as /graphql: no CORS, cookies SameSite=Strict.
  await registerWebClient(instance, config.http.webRoot);
  instance.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Nearly every answer may carry personal data (GraphQL, documents, their errors): none is
    // kept by a browser or a proxy, unless a route says otherwise itself.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  return app;
}
