/**
 * Finding a pg_dump able to save the server, and giving it the connection without a command line
 * that `ps` would show: the password travels in the child's environment (PGPASSWORD) only.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CommandError, EXIT } from './command';

export interface PgProgram {
  readonly path: string;
  readonly version: string;
  readonly major: number;
}

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15.20, major 15 (and 9.6 → 9). */
export function programVersion(output: string): { version: string; major: number } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return { version: match[2] ? `${match[1]}.${match[2]}` : match[1], major: Number(match[1]) };
}

/**
 * Among the programs found, the oldest whose major is at least the server's: pg_dump refuses a
 * server newer than itself, and a newer pg_dump reads an older server.
 */
export function chooseProgram(
  programs: readonly PgProgram[],
  serverMajor: number,
): { program: PgProgram } | { problem: string } {
  const fitting = programs
    .filter((program) => program.major >= serverMajor)
    .sort((a, b) => a.major - b.major);
  if (fitting.length) return { program: fitting[0] };
  const install =
    `installez postgresql-client-${serverMajor} (Debian, Ubuntu : apt-get install postgresql-client-${serverMajor}, ` +
    `depuis le dépôt apt.postgresql.org si la distribution ne le propose pas)`;
  if (!programs.length) return { problem: `pg_dump est introuvable : ${install}.` };
  const newest = [...programs].sort((a, b) => b.major - a.major)[0];
  return {
    problem:
      `pg_dump ${newest.version} (${newest.path === 'pg_dump' ? 'celui du PATH' : newest.path}) est plus ancien que le serveur (Postgres ${serverMajor}) ` +
      `et refuse de le sauvegarder : ${install}.`,
  };
}

/** pg_dump on the PATH, and those Debian's and the PGDG packages install side by side. */
export async function findPrograms(name: 'pg_dump' | 'pg_restore'): Promise<PgProgram[]> {
  const candidates = new Set<string>([name]);
  for (const root of ['/usr/lib/postgresql', '/usr/local/pgsql']) {
    if (!existsSync(root)) continue;
    for (const version of readdirSync(root)) candidates.add(join(root, version, 'bin', name));
  }
  const programs: PgProgram[] = [];
  for (const path of candidates) {
    if (path !== name && !existsSync(path)) continue;
    try {
      const { stdout } = await promisify(execFile)(path, ['--version']);
      const version = programVersion(stdout);
      if (version && !programs.some((known) => known.version === version.version))
        programs.push({ path, ...version });
    } catch {
      // Not on the PATH, or not runnable: not a candidate.
    }
  }
  return programs;
}

/** libpq's variables for a `postgres://` URL: nothing of it goes on the command line. */
export function libpqEnvironment(url: string): Record<string, string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CommandError("L'adresse de la base (DATABASE_OWNER_URL) est illisible.", EXIT.CONFIG);
  }
  const environment: Record<string, string> = {};
  const set = (key: string, value: string | null | undefined) => {
    if (value) environment[key] = value;
  };
  set('PGHOST', parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname));
  set('PGPORT', parsed.searchParams.get('port') ?? parsed.port);
  set('PGUSER', decodeURIComponent(parsed.username));
  set('PGPASSWORD', decodeURIComponent(parsed.password));
  set('PGDATABASE', decodeURIComponent(parsed.pathname.slice(1)));
  set('PGSSLMODE', parsed.searchParams.get('sslmode'));
  set('PGSSLROOTCERT', parsed.searchParams.get('sslrootcert'));
  return environment;
}
