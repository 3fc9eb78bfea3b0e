import { z } from 'zod';
import { checkpointDirectoryOf, parseAuditChainKeys } from './audit-chain-keys';
import { parseSentinelAddresses } from './redis-sentinels';

/** A 32-byte key, written as 64 hexadecimal characters or in base64 (standard or URL-safe). */
export function decodeKey32(value: string): Buffer | null {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}
const key32 = z.string().refine((value) => decodeKey32(value) !== null, {
  message: 'doit être une clé de 32 octets (64 caractères hexadécimaux ou base64)',
});

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const csv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A request taking longer than this is logged (one line, no query text nor variables). */
  LOG_SLOW_REQUEST_MS: z.coerce
    .number({ invalid_type_error: 'doit être un nombre de millisecondes' })
    .int('doit être un nombre entier de millisecondes')
    .min(1, 'doit être compris entre 1 et 600000 millisecondes')
    .max(600_000, 'doit être compris entre 1 et 600000 millisecondes')
    .default(1000),
  /** The share of ordinary requests given an access log line (0: none, 1: every one). */
  LOG_ACCESS_SAMPLE_RATE: z.coerce
    .number({ invalid_type_error: 'doit être un nombre entre 0 et 1' })
    .min(0, 'doit être compris entre 0 et 1')
    .max(1, 'doit être compris entre 0 et 1')
    .default(0.01),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: integer(0, 65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: csv,
  /** The web client's build (index.html and assets/), served at `/` when present. */
  WEB_ROOT: z.string().min(1).optional(),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
  /** The application's connection: a role that owns nothing, so row-level security applies. */
  DATABASE_URL: z.string().url().startsWith('postgres'),
  /** The schema owner's connection, for migrations only; the api and the worker never need it. */
  DATABASE_OWNER_URL: z.string().url().startsWith('postgres').optional(),
  /**
   * A streaming standby of DATABASE_URL's server, same role: lists, reports and documents read there
   * once it has replayed what the reader must see; everything else, and every write, stays on the primary.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .url('doit être une URL postgres://')
    .startsWith('postgres', 'doit être une URL postgres://')
    .optional(),
  DATABASE_POOL_SIZE: integer(1, 200).default(10),
  /** `off` sends SQL marked `/* prepared:… *\/` unnamed like the rest (to measure what plan reuse saves). */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['on', 'off'], { errorMap: () => ({ message: 'doit valoir « on » ou « off »' }) })
    .default('on'),
  REDIS_URL: z.string().url().startsWith('redis'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_{}-]+$/)
    .default('relais'),
  /** Sentinels that name the current master (`hôte:port,…`); REDIS_URL then gives credentials, db and TLS. */
  REDIS_SENTINELS: z
    .string()
    .optional()
    .transform((text, context) => {
      const parsed = parseSentinelAddresses(text ?? '');
      if (parsed.problem === undefined) return parsed.addresses;
      context.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem });
      return z.NEVER;
    }),
  /** The master's name in the sentinels' `sentinel monitor` line (`relais` when unset). */
  REDIS_SENTINEL_MASTER: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,100}$/,
      'doit compter 1 à 100 caractères parmi lettres, chiffres, « . », « _ » et « - »',
    )
    .optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(32),
  /** `id:base64,…` — the audit chain's HMAC keys, newest first; the database never holds them. */
  AUDIT_CHAIN_KEYS: z.string().transform((text, context) => {
    const parsed = parseAuditChainKeys(text);
    if (parsed.problem === undefined) return parsed.keys;
    context.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem });
    return z.NEVER;
  }),
  /** Where signed checkpoints of the audit chain are written, outside the database (`file:///…`). */
  AUDIT_CHECKPOINT_URL: z
    .string()
    .optional()
    .transform((url, context) => {
      if (!url) return undefined;
      const directory = checkpointDirectoryOf(url);
      if (directory) return directory;
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'seul un répertoire local ou monté est pris en charge (file:///chemin/absolu)',
      });
      return z.NEVER;
    }),
  /** Encrypts the second-factor (TOTP) secrets at rest (AES-256-GCM); the database never holds it. */
  SECOND_FACTOR_KEY: key32,
  /** Former keys, still read while the secrets they sealed are re-sealed under the current one. */
  SECOND_FACTOR_PREVIOUS_KEYS: csv.pipe(z.array(key32)),
  SMTP_URL: z.string().url().startsWith('smtp').optional(),
  MAIL_FROM: z.string().min(3).default('Relais <ne-pas-repondre@relais.invalid>'),
  /** When set, `/metrics` answers only with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** How often the worker looks for outbox events to relay. */
  OUTBOX_POLL_MS: integer(50, 60_000).default(500),
  /** How often the worker re-enqueues what Redis lost (reminders, outbox events, e-mails). */
  RECONCILE_EVERY_MS: integer(100, 3_600_000).default(60_000),
  /** A worker that stops renewing its lock for this long is presumed dead and its job retried. */
  JOB_LOCK_MS: integer(1_000, 600_000).default(30_000),
  ACCESS_TOKEN_TTL_SECONDS: integer(60, 3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: integer(1, 90).default(14),
  SESSION_IDLE_TIMEOUT_MINUTES: integer(5, 24 * 60).default(30),
  LOGIN_DELAY_AFTER_FAILURES: integer(1, 100).default(3),
  LOGIN_LOCKOUT_AFTER_FAILURES: integer(2, 100).default(10),
  LOGIN_LOCKOUT_MINUTES: integer(1, 24 * 60).default(15),
  /** How long a set-password link (a new account, or one an administrator reset) can be used. */
  SET_PASSWORD_LINK_TTL_HOURS: integer(1, 30 * 24).default(72),
  /** How long a person's identity, revealed to the room for one agenda item, may stay on screen. */
  MEETING_REVEAL_SECONDS: integer(10, 900).default(120),
  GRAPHQL_MAX_DEPTH: integer(2, 50).default(10),
  GRAPHQL_MAX_COMPLEXITY: integer(10, 100_000).default(1000),
  GRAPHQL_MAX_ALIASES: integer(0, 1000).default(15),
  GRAPHQL_MAX_OPERATIONS: integer(1, 50).default(3),
  /** The same field (or alias) at most this many times in one selection, fragments included. */
  GRAPHQL_MAX_FIELD_REPEATS: integer(1, 1000).default(10),
  /** Repeated selections (beyond each field's first) in the whole document. */
  GRAPHQL_MAX_REPEATED_FIELDS: integer(0, 10_000).default(100),
  /** Lexical tokens the parser reads before giving up (checked while parsing, GET and POST). */
  GRAPHQL_MAX_TOKENS: integer(100, 100_000).default(5000),
  /** Characters of query text, checked before parsing. */
  GRAPHQL_MAX_QUERY_LENGTH: integer(1_000, 1_000_000).default(32_768),
  /** Runs of one document before Mercurius compiles it (graphql-jit); 0 never compiles. */
  GRAPHQL_JIT: integer(0, 1000).default(1),
});

export type RawConfig = z.infer<typeof configSchema>;
