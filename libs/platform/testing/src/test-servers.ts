/**
 * Where a test run's Postgres or Redis comes from: the one named by a variable, the one already
 * running on its usual port, or a private one started for the run — because none runs there, or
 * because `RELAIS_TEST_LOCAL_SERVERS=1` asks for private servers whatever runs.
 */
export type ServerChoice =
  | { source: 'given'; url: string }
  | { source: 'shared'; url: string }
  | { source: 'private'; because: 'asked' | 'none-running' };

export interface ServerOptions {
  /** `RELAIS_TEST_POSTGRES_URL` or `RELAIS_TEST_REDIS_URL`. */
  given: string | undefined;
  /** `RELAIS_TEST_LOCAL_SERVERS=1`. */
  privateAsked: boolean;
  sharedUrl: string;
  /** Asked only when the answer decides: a private server asked for is started without looking. */
  sharedRuns: () => Promise<boolean>;
}

export function privateServersAsked(value: string | undefined): boolean {
  return value === '1';
}

export async function chooseServer(options: ServerOptions): Promise<ServerChoice> {
  if (options.given) return { source: 'given', url: options.given };
  if (options.privateAsked) return { source: 'private', because: 'asked' };
  if (await options.sharedRuns()) return { source: 'shared', url: options.sharedUrl };
  return { source: 'private', because: 'none-running' };
}

/** The line that says why a private server starts: `server` names it, `usual` is where one was looked for. */
export function privateServerNotice(
  because: 'asked' | 'none-running',
  server: { name: string; starting: string; usual: string },
): string {
  return because === 'asked'
    ? `RELAIS_TEST_LOCAL_SERVERS=1 : démarrage ${server.starting} privé, sans utiliser celui de ${server.usual} s’il y en a un`
    : `aucun ${server.name} sur ${server.usual} : démarrage ${server.starting}`;
}
