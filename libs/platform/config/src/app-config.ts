import { AuditChainKeyConfig } from './audit-chain-keys';
import { RawConfig } from './config.schema';
import { RedisSentinelConfig } from './redis-sentinels';

/** The validated configuration, grouped by concern. Built once at boot by `loadConfig`. */
export interface AppConfig {
  readonly environment: RawConfig['NODE_ENV'];
  readonly isProduction: boolean;
  readonly logLevel: RawConfig['LOG_LEVEL'];
  /** One line per request only for errors (5xx), slow requests and a sample of the others. */
  readonly requestLog: { readonly slowMs: number; readonly sampleRate: number };
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string | undefined;
    readonly corsOrigins: readonly string[];
    readonly bodyLimitBytes: number;
    /** Absolute path of the web client's build, served at `/` when it exists. */
    readonly webRoot: string;
  };
  readonly database: {
    /** The application role (member of `relais_app`, owner of nothing). */
    readonly url: string;
    /** The schema owner, for migrations and seeding only. */
    readonly ownerUrl: string | undefined;
    /** A hot standby of `url`'s server (same role), for the reads that may lag; unset, all reads stay on `url`. */
    readonly replicaUrl?: string | undefined;
    readonly poolSize: number;
    /** Marked statements are prepared by name per connection (plans reused); on unless said otherwise. */
    readonly preparedStatements?: boolean;
  };
  readonly redis: {
    readonly url: string;
    readonly keyPrefix: string;
    /** Set, the master is the one the sentinels name; REDIS_URL's host and port are then unused. */
    readonly sentinel?: RedisSentinelConfig | undefined;
  };
  /** Outgoing mail; unset means notifications stay in the application. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  readonly metrics: { readonly token: string | undefined };
  readonly jobs: {
    readonly outboxPollMs: number;
    readonly reconcileEveryMs: number;
    readonly lockMs: number;
  };
  readonly auth: {
    readonly jwtSecret: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly sessionIdleTimeoutMinutes: number;
    readonly delayAfterFailures: number;
    readonly lockoutAfterFailures: number;
    readonly lockoutMinutes: number;
    readonly setPasswordLinkTtlHours: number;
  };
  readonly secondFactor: {
    /** Seals second-factor secrets (AES-256-GCM, 32 bytes). */
    readonly key: Buffer;
    /** Former keys, for reading secrets sealed before a rotation. */
    readonly previousKeys: readonly Buffer[];
  };
  readonly meetings: {
    /** How long an identity revealed in a meeting may stay shown (`visibleUntil`). */
    readonly revealSeconds: number;
  };
  readonly audit: {
    /** The first signs new links and checkpoints; the others only verify what they signed. */
    readonly chainKeys: readonly AuditChainKeyConfig[];
    /** The directory signed checkpoints are written to, outside the database. */
    readonly checkpointDirectory: string;
  };
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxComplexity: number;
    readonly maxAliases: number;
    readonly maxOperations: number;
    readonly maxFieldRepeats: number;
    readonly maxRepeatedFields: number;
    readonly maxTokens: number;
    readonly maxQueryLength: number;
    /** Runs of a document before it is compiled; 0: never. */
    readonly jit: number;
    readonly introspection: boolean;
    readonly graphiql: boolean;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
