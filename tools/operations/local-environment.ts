/**
 * Where an operations command connects. Variables set in the environment always win; what is
 * missing is taken from what `npm start` made on this machine (tools/start.ts): the embedded
 * Postgres on 127.0.0.1:54329 (owner `postgres`, its password beside its data, database `relais`),
 * the application role `relais_api` and the secrets kept in `.data/local-secrets.json`, and the
 * local redis-server on 127.0.0.1:63790. Light on purpose (node only): a command that is refused
 * here stops before loading the application.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const LOCAL_HOST = '127.0.0.1';
export const LOCAL_POSTGRES_PORT = 54329;
export const LOCAL_REDIS_PORT = 63790;
const LOCAL_DATABASE = 'relais';
const LOCAL_OWNER = 'postgres';
const LOCAL_APPLICATION_ROLE = 'relais_api';

type Environment = Readonly<Record<string, string | undefined>>;

/** What a command talks to: the owner's or the application's Postgres role, and Redis. */
export interface ConnectionNeeds {
  readonly postgres?: 'owner' | 'application';
  readonly redis?: boolean;
}

export interface ResolvedEnvironment {
  /** The environment to validate (`loadConfig`), completed from the local servers where unset. */
  readonly environment: Record<string, string | undefined>;
  /** « connexion : Postgres 127.0.0.1:54329/relais (rôle relais_api), Redis 127.0.0.1:63790 » */
  readonly connectionLine: string;
}

/** The local servers a command needs are not running (or were never started): exit 69. */
export class LocalServersUnavailable extends Error {
  constructor(reason: string) {
    super(
      `${reason} : lancez d'abord npm start, ou définissez DATABASE_URL (et DATABASE_OWNER_URL), ` +
        `REDIS_URL et les secrets (JWT_SECRET, AUDIT_CHAIN_KEYS, SECOND_FACTOR_KEY) vers vos serveurs.`,
    );
    this.name = 'LocalServersUnavailable';
  }
}

interface LocalSecrets {
  jwtSecret?: string;
  auditChainKeys?: string;
  secondFactorKey?: string;
  applicationDatabasePassword?: string;
}

/** `npm start` keeps its state in the checkout's `.data` (npm runs scripts from the checkout). */
export function localDataDirectory(environment: Environment): string {
  return resolve(environment.RELAIS_DATA_DIR || join(process.cwd(), '.data'));
}

export async function resolveEnvironment(
  environment: Environment,
  needs: ConnectionNeeds,
  options: {
    dataDir: string;
    isPortOpen?: (host: string, port: number) => Promise<boolean>;
  },
): Promise<ResolvedEnvironment> {
  const isPortOpen = options.isPortOpen ?? isTcpPortOpen;
  const resolved: Record<string, string | undefined> = { ...environment };
  // An empty variable (`DATABASE_URL= npm run …`) counts as unset, as in a shell script.
  for (const [key, value] of Object.entries(resolved)) if (value === '') delete resolved[key];
  const secrets = readLocalSecrets(options.dataDir);
  // The ports npm start was told to use (RELAIS_POSTGRES_PORT, RELAIS_REDIS_PORT), else its own.
  const postgresPort = Number(resolved.RELAIS_POSTGRES_PORT || LOCAL_POSTGRES_PORT);
  const redisPort = Number(resolved.RELAIS_REDIS_PORT || LOCAL_REDIS_PORT);
  const production = environment.NODE_ENV === 'production';

  if (!resolved.DATABASE_URL && !resolved.DATABASE_OWNER_URL && !production) {
    const passwordFile = join(options.dataDir, 'postgres.password');
    const local = existsSync(passwordFile);
    if (needs.postgres && !local) throw new LocalServersUnavailable('Aucun Postgres configuré');
    if (local) {
      if (needs.postgres && !(await isPortOpen(LOCAL_HOST, postgresPort)))
        throw new LocalServersUnavailable(`Le Postgres local (${LOCAL_HOST}:${postgresPort}) ne répond pas`);
      const owner = postgresUrl(LOCAL_OWNER, readFileSync(passwordFile, 'utf8').trim(), postgresPort);
      resolved.DATABASE_OWNER_URL = owner;
      // Without the application role's password (never started to the end), only the owner is known.
      if (secrets?.applicationDatabasePassword)
        resolved.DATABASE_URL = postgresUrl(
          LOCAL_APPLICATION_ROLE,
          secrets.applicationDatabasePassword,
          postgresPort,
        );
      else if (needs.postgres === 'application')
        throw new LocalServersUnavailable('Le rôle applicatif local est inconnu (.data/local-secrets.json)');
      else resolved.DATABASE_URL = owner;
    }
  } else if (needs.postgres && !resolved.DATABASE_URL) {
    // An owner given alone still needs the application's URL to pass the configuration.
    resolved.DATABASE_URL = resolved.DATABASE_OWNER_URL;
  }

  if (!resolved.REDIS_URL && !production) {
    const local = `redis://${LOCAL_HOST}:${redisPort}`;
    if (needs.redis) {
      if (!existsSync(options.dataDir) || !(await isPortOpen(LOCAL_HOST, redisPort)))
        throw new LocalServersUnavailable(`Le Redis local (${LOCAL_HOST}:${redisPort}) ne répond pas`);
      resolved.REDIS_URL = local;
    } else if (existsSync(options.dataDir)) {
      // Required by the configuration, never opened by this command.
      resolved.REDIS_URL = local;
    }
  }

  if (secrets && !production) {
    resolved.JWT_SECRET ||= secrets.jwtSecret;
    resolved.AUDIT_CHAIN_KEYS ||= secrets.auditChainKeys;
    resolved.SECOND_FACTOR_KEY ||= secrets.secondFactorKey;
    resolved.AUDIT_CHECKPOINT_URL ||= pathToFileURL(join(options.dataDir, 'audit-checkpoints')).href;
  }

  return { environment: resolved, connectionLine: connectionLine(resolved, needs) };
}

/** Says where, and as whom, never with which password. */
export function connectionLine(environment: Environment, needs: ConnectionNeeds): string {
  const parts: string[] = [];
  const postgres =
    needs.postgres === 'owner'
      ? (environment.DATABASE_OWNER_URL ?? environment.DATABASE_URL)
      : needs.postgres
        ? environment.DATABASE_URL
        : undefined;
  if (postgres) parts.push(`Postgres ${describePostgres(postgres)}`);
  if (needs.redis && environment.REDIS_URL) parts.push(`Redis ${describeServer(environment.REDIS_URL)}`);
  return `connexion : ${parts.join(', ') || 'aucune'}`;
}

function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    const role = decodeURIComponent(parsed.username) || 'par défaut';
    return `${describeServer(url)}${parsed.pathname || '/'} (rôle ${role})`;
  } catch {
    return '(adresse illisible)';
  }
}

function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  } catch {
    return '(adresse illisible)';
  }
}

function postgresUrl(user: string, password: string, port: number): string {
  const url = new URL(`postgres://${LOCAL_HOST}:${port}/${LOCAL_DATABASE}`);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

function readLocalSecrets(dataDir: string): LocalSecrets | undefined {
  const file = join(dataDir, 'local-secrets.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  } catch {
    return undefined;
  }
}

export function isTcpPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.connect(port, host);
  });
}
