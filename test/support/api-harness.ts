import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig, Environment } from '@relais/config';
import { IdentityFactory } from '@relais/identity/testing';
import { GraphqlClient, LogCapture, MovableClock, ownerDatabase, testConfig } from '@relais/testing';
import { createRelaisDataSource } from '@relais/persistence';
import { DataSource } from 'typeorm';
import { createApi } from '@relais/api';

export interface RunningApi {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  anonymous: GraphqlClient;
  clock: MovableClock;
  logs: LogCapture;
  /** The schema owner's connection (past row-level security): fixtures and checks only. */
  dataSource: DataSource;
  /** The api's own connection, under row-level security. */
  appDataSource: DataSource;
  factory: IdentityFactory;
  close(): Promise<void>;
}

/**
 * Boots the real api in this process, on a free port, against this run's database and Redis
 * prefix; tests then speak to it over HTTP only.
 */
export async function startApi(environment: Environment = {}): Promise<RunningApi> {
  const config = testConfig({ API_PORT: '0', LOG_LEVEL: 'info', ...environment });
  const clock = new MovableClock();
  const logs = new LogCapture();
  const app = await createApi(config, { clock, logDestination: logs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const url = `http://127.0.0.1:${port}`;
  const appDataSource = app.get<DataSource>(getDataSourceToken());
  // The owner of the database this api uses (the run's, or a suite's own given in `environment`).
  const owner = config.database.ownerUrl
    ? { ...config.database, url: config.database.ownerUrl }
    : ownerDatabase();
  const dataSource = await createRelaisDataSource(owner, 'relais-test-fixtures').initialize();
  return {
    app,
    config,
    url,
    // Second-factor codes are typed at the api's moment, which tests move.
    anonymous: new GraphqlClient(url, undefined, { now: () => clock.now() }),
    clock,
    logs,
    dataSource,
    appDataSource,
    factory: new IdentityFactory(dataSource, { secondFactorKey: config.secondFactor.key }),
    async close() {
      await app.close();
      await dataSource.destroy();
      // Errors the api logged are shown with the test output, to explain a failure.
      const errors = logs.lines.filter((line) => /"level":(50|60)/.test(line));
      if (errors.length) process.stderr.write(`Erreurs journalisées par l'api :\n${errors.join('')}`);
    },
  };
}
