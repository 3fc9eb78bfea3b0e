import { Environment, processEnvironment } from '@relais/config';
import { createDatabase, dropDatabase, withDatabase } from '@relais/database';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { adminDatabaseUrl, testConfig } from './test-environment';

export interface IsolatedDatabase {
  /** Variables pointing the api, the worker or a child process at this database and Redis prefix. */
  environment: Environment;
  drop(): Promise<void>;
}

/**
 * A database (a copy of the run's freshly migrated one) and a Redis prefix of a suite's own, for suites whose worker must see no
 * other suite's events or jobs: the run's shared database holds everyone's outbox.
 */
export async function provisionIsolatedDatabase(): Promise<IsolatedDatabase> {
  const shared = testConfig();
  const suffix = randomBytes(4).toString('hex');
  const name = `${new URL(shared.database.ownerUrl!).pathname.slice(1)}_${suffix}`;
  const admin = adminDatabaseUrl();
  const template = processEnvironment().RELAIS_TEST_TEMPLATE_DATABASE;
  if (!template) throw new Error("La base modèle des tests n'a pas été préparée (globalSetup de Jest).");
  // The run's migrated schema, copied: running the migrations again cost seconds of CPU per suite.
  await createDatabase(admin, name, template);
  const environment: Environment = {
    DATABASE_OWNER_URL: withDatabase(shared.database.ownerUrl!, name),
    DATABASE_URL: withDatabase(shared.database.url, name),
    REDIS_KEY_PREFIX: `${shared.redis.keyPrefix}-${suffix}`,
  };
  return {
    environment,
    async drop() {
      await dropDatabase(admin, name);
      await deleteQueueKeys(shared.redis.url, String(environment.REDIS_KEY_PREFIX));
    },
  };
}

/** Deletes every BullMQ key of a deployment prefix (the `{prefix}` hash-tagged keys). */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
