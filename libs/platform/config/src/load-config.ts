import { join, resolve } from 'node:path';
import { ZodIssue } from 'zod';
import { AppConfig } from './app-config';
import { configSchema, decodeKey32, RawConfig } from './config.schema';
import { Environment, processEnvironment } from './environment';
import { DEFAULT_SENTINEL_MASTER, RedisSentinelConfig } from './redis-sentinels';

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration invalide :\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(issue: ZodIssue): string {
  const variable = issue.path.join('.') || '(environnement)';
  if (issue.code === 'invalid_type' && issue.received === 'undefined')
    return `${variable} : variable manquante`;
  // The message never repeats the value: a malformed secret must not reach the terminal or the logs.
  return `${variable} : ${issue.message}`;
}

/** Validates the environment once, naming every bad or missing variable, and returns a typed object. */
export function loadConfig(environment: Environment = processEnvironment()): AppConfig {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map(describe));
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  if (env.LOGIN_LOCKOUT_AFTER_FAILURES <= env.LOGIN_DELAY_AFTER_FAILURES) {
    throw new ConfigurationError([
      'LOGIN_LOCKOUT_AFTER_FAILURES : doit être supérieur à LOGIN_DELAY_AFTER_FAILURES',
    ]);
  }
  const checkpointDirectory = auditCheckpointDirectory(env.AUDIT_CHECKPOINT_URL, isProduction);
  return {
    environment: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    requestLog: { slowMs: env.LOG_SLOW_REQUEST_MS, sampleRate: env.LOG_ACCESS_SAMPLE_RATE },
    http: {
      host: env.API_HOST,
      port: env.API_PORT,
      publicUrl: env.PUBLIC_URL,
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      webRoot: resolve(env.WEB_ROOT ?? join(__dirname, '../../../../dist/apps/web')),
    },
    database: {
      url: env.DATABASE_URL,
      ownerUrl: env.DATABASE_OWNER_URL,
      replicaUrl: env.DATABASE_REPLICA_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS === 'on',
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, sentinel: redisSentinel(env) },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    metrics: { token: env.METRICS_TOKEN },
    jobs: {
      outboxPollMs: env.OUTBOX_POLL_MS,
      reconcileEveryMs: env.RECONCILE_EVERY_MS,
      lockMs: env.JOB_LOCK_MS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      sessionIdleTimeoutMinutes: env.SESSION_IDLE_TIMEOUT_MINUTES,
      delayAfterFailures: env.LOGIN_DELAY_AFTER_FAILURES,
      lockoutAfterFailures: env.LOGIN_LOCKOUT_AFTER_FAILURES,
      lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
      setPasswordLinkTtlHours: env.SET_PASSWORD_LINK_TTL_HOURS,
    },
    secondFactor: {
      key: decodeKey32(env.SECOND_FACTOR_KEY)!,
      previousKeys: env.SECOND_FACTOR_PREVIOUS_KEYS.map((key) => decodeKey32(key)!),
    },
    meetings: { revealSeconds: env.MEETING_REVEAL_SECONDS },
    audit: { chainKeys: env.AUDIT_CHAIN_KEYS, checkpointDirectory },
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxComplexity: env.GRAPHQL_MAX_COMPLEXITY,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxOperations: env.GRAPHQL_MAX_OPERATIONS,
      maxFieldRepeats: env.GRAPHQL_MAX_FIELD_REPEATS,
      maxRepeatedFields: env.GRAPHQL_MAX_REPEATED_FIELDS,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxQueryLength: env.GRAPHQL_MAX_QUERY_LENGTH,
      jit: env.GRAPHQL_JIT,
      introspection: !isProduction,
      graphiql: !isProduction,
    },
  };
}

/**
 * Checkpoints must live where the database's owner cannot write: production names the place; a
 * development or test run without one uses the local state directory.
 */
function auditCheckpointDirectory(directory: string | undefined, isProduction: boolean): string {
  if (directory) return directory;
  if (isProduction)
    throw new ConfigurationError([
      'AUDIT_CHECKPOINT_URL : variable manquante en production (un répertoire hors de la base, file:///var/lib/relais/audit-checkpoints)',
    ]);
  return resolve('.data', 'audit-checkpoints');
}

/** Sentinel settings without sentinels would silently leave Redis at REDIS_URL's host: refused. */
function redisSentinel(env: RawConfig): RedisSentinelConfig | undefined {
  if (env.REDIS_SENTINELS.length)
    return {
      addresses: env.REDIS_SENTINELS,
      masterName: env.REDIS_SENTINEL_MASTER ?? DEFAULT_SENTINEL_MASTER,
      password: env.REDIS_SENTINEL_PASSWORD,
    };
  const orphans = (['REDIS_SENTINEL_MASTER', 'REDIS_SENTINEL_PASSWORD'] as const).filter(
    (name) => env[name] !== undefined,
  );
  if (orphans.length)
    throw new ConfigurationError(
      orphans.map((name) => `${name} : sans effet sans REDIS_SENTINELS (liste hôte:port des sentinelles)`),
    );
  return undefined;
}

/** Boot helper: prints each problem and stops the process instead of starting half-configured. */
export function loadConfigOrExit(environment?: Environment): AppConfig {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** For commands that only touch the database (migrations): they need nothing else configured. */
export function loadDatabaseConfig(environment: Environment = processEnvironment()): AppConfig['database'] {
  const parsed = configSchema
    .pick({ DATABASE_URL: true, DATABASE_OWNER_URL: true, DATABASE_POOL_SIZE: true })
    .safeParse(environment);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map(describe));
  return {
    url: parsed.data.DATABASE_URL,
    ownerUrl: parsed.data.DATABASE_OWNER_URL,
    poolSize: parsed.data.DATABASE_POOL_SIZE,
  };
}
