import { exportToEnvironment, processEnvironment } from '@relais/config';
import {
  createDatabase,
  dropApplicationLogin,
  dropDatabase,
  startEmbeddedPostgres,
  withCredentials,
  withDatabase,
} from '@relais/database';
import { startLocalRedis } from '@relais/queue';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Redis from 'ioredis';
import { findFreePort, isTcpPortOpen } from './net';
import { chooseServer, privateServerNotice, privateServersAsked } from './test-servers';

const ROOT = resolve(__dirname, '../../../..');

export interface TestInfrastructure {
  adminDatabaseUrl: string;
  databaseName: string;
  redisUrl: string;
  redisKeyPrefix: string;
  stop(): Promise<void>;
}

function say(line: string): void {
  process.stderr.write(`[tests] ${line}\n`);
}

/**
 * Uses the Postgres and Redis named by `RELAIS_TEST_POSTGRES_URL` and `RELAIS_TEST_REDIS_URL`, or
 * those already running on their usual ports, and starts private ones otherwise or when
 * `RELAIS_TEST_LOCAL_SERVERS=1` asks for them; then creates this run's own database and Redis prefix.
 */
export async function provisionTestInfrastructure(): Promise<TestInfrastructure> {
  const env = processEnvironment();
  const stops: (() => Promise<unknown>)[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'relais-tests-'));
  const privateAsked = privateServersAsked(env.RELAIS_TEST_LOCAL_SERVERS);

  const adminDatabaseUrl = await (async (): Promise<string> => {
    const choice = await chooseServer({
      given: env.RELAIS_TEST_POSTGRES_URL,
      privateAsked,
      sharedUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      sharedRuns: () => isTcpPortOpen('127.0.0.1', 5432),
    });
    if (choice.source !== 'private') return choice.url;
    say(
      privateServerNotice(choice.because, {
        name: 'Postgres',
        starting: 'd’un Postgres embarqué',
        usual: '127.0.0.1:5432',
      }),
    );
    const postgres = await startEmbeddedPostgres({
      dataDir: join(scratch, 'postgres'),
      port: await findFreePort(),
    });
    stops.push(postgres.stop);
    return withDatabase(postgres.url, 'postgres');
  })();

  const redisUrl = await (async (): Promise<string> => {
    const choice = await chooseServer({
      given: env.RELAIS_TEST_REDIS_URL,
      privateAsked,
      sharedUrl: 'redis://127.0.0.1:6379',
      sharedRuns: () => isTcpPortOpen('127.0.0.1', 6379),
    });
    if (choice.source !== 'private') return choice.url;
    say(
      privateServerNotice(choice.because, {
        name: 'Redis',
        starting: 'd’un redis-server local',
        usual: '127.0.0.1:6379',
      }),
    );
    const redis = await startLocalRedis({
      dataDir: join(scratch, 'redis'),
      port: await findFreePort(),
      appendOnly: false,
    });
    stops.push(redis.stop);
    return redis.url;
  })();

  const runId = randomBytes(5).toString('hex');
  const databaseName = `relais_test_${runId}`;
  const redisKeyPrefix = `relais-test-${runId}`;
  // The run's own login role, so that concurrent runs on one server never share a password.
  const applicationRole = `relais_app_test_${runId}`;
  await createDatabase(adminDatabaseUrl, databaseName);
  const ownerUrl = withDatabase(adminDatabaseUrl, databaseName);

  const variables = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_URL: withCredentials(ownerUrl, applicationRole, randomBytes(18).toString('hex')),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_CHAIN_KEYS: `test-${runId}:${randomBytes(32).toString('base64')}`,
    AUDIT_CHECKPOINT_URL: pathToFileURL(join(scratch, 'audit-checkpoints')).href,
    SECOND_FACTOR_KEY: randomBytes(32).toString('base64'),
    RELAIS_TEST_ADMIN_DATABASE_URL: adminDatabaseUrl,
  };
  exportToEnvironment(variables);
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/migrations.ts', 'run'], {
    cwd: ROOT,
    env: { ...processEnvironment(), ...variables },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Copied, before any test writes to the run's database, for suites that need a database of their own.
  const templateName = `${databaseName}_template`;
  await createDatabase(adminDatabaseUrl, templateName, databaseName);
  exportToEnvironment({ RELAIS_TEST_TEMPLATE_DATABASE: templateName });

  return {
    adminDatabaseUrl,
    databaseName,
    redisUrl,
    redisKeyPrefix,
    async stop() {
      await dropDatabase(adminDatabaseUrl, databaseName);
      await dropDatabase(adminDatabaseUrl, templateName);
      await dropApplicationLogin(adminDatabaseUrl, applicationRole);
      await deleteKeys(redisUrl, redisKeyPrefix);
      for (const stop of stops.reverse()) await stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** BullMQ keys look like `{prefix}:queue:…`; plain keys `prefix:…`. Both go. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for (const pattern of [`{${prefix}}*`, `${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
