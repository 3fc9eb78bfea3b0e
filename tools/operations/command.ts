/**
 * What every operations command shares: exit codes after sysexits(3), so that scripts around them
 * can tell a typing mistake from a server down; where it connects, said on stderr; and the French
 * message of each kind of failure. Light on purpose: of the application, only its configuration loads here.
 */
import { processEnvironment } from '@relais/config';
import {
  ConnectionNeeds,
  localDataDirectory,
  LocalServersUnavailable,
  resolveEnvironment,
} from './local-environment';

export const EXIT = {
  OK: 0,
  /** Something went wrong that the messages above explain (a check that failed, an error). */
  FAILURE: 1,
  /** EX_USAGE: an unknown option, a missing or malformed value. */
  USAGE: 64,
  /** EX_DATAERR: the request conflicts with what the database holds. */
  DATA: 65,
  /** EX_UNAVAILABLE: Postgres, Redis or a program the command runs cannot be reached. */
  UNAVAILABLE: 69,
  /** EX_CONFIG: a variable is missing or invalid (`loadConfigOrExit`). */
  CONFIG: 78,
} as const;

/** A mistake in how the command was called: its message is shown with the usage, exit 64. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the operator can act on, shown as it is (French), with its exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * The environment completed from the local servers when unset (see local-environment.ts), the
 * connection said on stderr. Refused (exit 69) when the local servers it would use are not running.
 */
export async function commandEnvironment(
  needs: ConnectionNeeds,
  environment: Readonly<Record<string, string | undefined>> = processEnvironment(),
): Promise<Record<string, string | undefined>> {
  const resolved = await resolveEnvironment(environment, needs, {
    dataDir: localDataDirectory(environment),
  });
  process.stderr.write(`${resolved.connectionLine}\n`);
  return resolved.environment;
}

/** Runs `main` and exits with its code, or with the code of what it threw. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const { message, code } = describeFailure(error);
      process.stderr.write(`${message}\n`);
      process.exit(code);
    },
  );
}

export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: `${error.message}\n${error.usage}`, code: EXIT.USAGE };
  if (error instanceof CommandError) return { message: error.message, code: error.exitCode };
  if (error instanceof LocalServersUnavailable) return { message: error.message, code: EXIT.UNAVAILABLE };
  const named = error as { name?: string; message?: string; code?: string; address?: string; port?: number };
  if (named?.name === 'ConfigurationError') return { message: String(named.message), code: EXIT.CONFIG };
  if (named?.name === 'RedisUnavailableError')
    return {
      message: `${named.message} Vérifiez REDIS_URL et que Redis est démarré.`,
      code: EXIT.UNAVAILABLE,
    };
  const unreachable = unreachableServer(error);
  if (unreachable) return { message: unreachable, code: EXIT.UNAVAILABLE };
  return {
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    code: EXIT.FAILURE,
  };
}

/** Connection refused, unknown host, wrong password: said without the URL (it may hold a password). */
function unreachableServer(error: unknown): string | undefined {
  const failure = error as { code?: string; address?: string; port?: number; errors?: unknown[] };
  // pg reports both addresses of `localhost` (IPv4 and IPv6) as one AggregateError.
  const first = (failure?.errors?.[0] as typeof failure | undefined) ?? failure;
  const where = first?.address ? ` (${first.address}${first.port ? `:${first.port}` : ''})` : '';
  switch (first?.code ?? failure?.code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Serveur injoignable${where} : vérifiez qu'il est démarré et l'adresse donnée (DATABASE_URL, DATABASE_OWNER_URL ou REDIS_URL).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Nom d'hôte inconnu${where} : vérifiez DATABASE_URL, DATABASE_OWNER_URL ou REDIS_URL.`;
    case '28P01':
    case '28000':
      return 'Postgres refuse la connexion (rôle ou mot de passe) : vérifiez DATABASE_URL ou DATABASE_OWNER_URL.';
    case '3D000':
      return "La base de données indiquée n'existe pas : vérifiez DATABASE_URL ou DATABASE_OWNER_URL.";
    default:
      return undefined;
  }
}
