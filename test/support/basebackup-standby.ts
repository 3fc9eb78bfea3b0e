/**
 * A standby made the way operators make one, with a Postgres installation of the machine (Debian's
 * `/usr/lib/postgresql/<major>/bin`): a primary initialised and started, `pg_basebackup -R -X stream`
 * from it while it runs, the copy started as a hot standby. Both servers run that installation, in
 * the suite's temporary directory (Unix sockets included) on free ports of 127.0.0.1: the machine's
 * own clusters are never touched.
 */
import { findFreePort } from '@relais/testing';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerPair } from './streaming-standby';

const PROGRAMS = ['pg_basebackup', 'initdb', 'pg_ctl', 'postgres'] as const;
const SUPERUSER = 'postgres';

export interface PostgresInstallation {
  bin: string;
  major: number;
}

interface ServerUser {
  uid: number;
  gid: number;
}

/**
 * The newest installation whose four programs are of its own major (a standby replays only the WAL
 * of its major), or why there is none.
 */
export async function findPostgresInstallation(
  root = '/usr/lib/postgresql',
): Promise<{ installation: PostgresInstallation } | { missing: string }> {
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  const majorOf = async (program: string) => {
    try {
      // `pg_ctl (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15
      const { stdout } = await promisify(execFile)(program, ['--version']);
      const major = /\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1];
      return major ? Number(major) : undefined;
    } catch {
      return undefined;
    }
  };
  for (const major of majors) {
    const bin = join(root, String(major), 'bin');
    const found = await Promise.all(PROGRAMS.map((program) => majorOf(join(bin, program))));
    if (found.every((programMajor) => programMajor === major)) return { installation: { bin, major } };
  }
  // Debian's client package alone (postgresql-client-<major>) brings pg_basebackup without a server.
  return majors.some((major) => existsSync(join(root, String(major), 'bin', 'pg_basebackup')))
    ? { missing: 'pas d’initdb, de pg_ctl et de postgres de la version de pg_basebackup' }
    : { missing: 'pg_basebackup introuvable' };
}

export async function startBasebackupPair(
  installation: PostgresInstallation,
  root: string,
  standbyName: string,
): Promise<ServerPair> {
  const program = (name: (typeof PROGRAMS)[number]) => join(installation.bin, name);
  const user = serverUser();
  if (user) chownSync(root, user.uid, user.gid);
  const primaryDir = join(root, 'primary');
  const standbyDir = join(root, 'standby');
  const running: string[] = [];
  // A suite killed midway leaves no server behind: pg_ctl's servers are not our children.
  const stopOnExit = () => running.forEach((dir) => signalPostmaster(dir));
  process.on('exit', stopOnExit);
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    // The standby first: stopped after its primary, it would wait for it and log connection errors.
    for (const dir of running.splice(0).reverse()) {
      await run(program('pg_ctl'), ['stop', '-D', dir, '-m', 'fast', '-w'], root, user).catch(() =>
        signalPostmaster(dir),
      );
    }
  };
  const start = async (dir: string, port: number) => {
    running.push(dir);
    try {
      await run(
        program('pg_ctl'),
        ['start', '-w', '-t', '60', '-D', dir, '-l', `${dir}.log`, '-o', `-p ${port}`],
        root,
        user,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logTail(`${dir}.log`)}`);
    }
    return `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  };

  try {
    await run(
      program('initdb'),
      ['-D', primaryDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      root,
      user,
    );
    writeFileSync(
      join(primaryDir, 'pg_hba.conf'),
      [
        `local all         all                    trust`,
        `local replication ${SUPERUSER}           trust`,
        `host  all         all        127.0.0.1/32 trust`,
        `host  replication ${SUPERUSER} 127.0.0.1/32 trust`,
        '',
      ].join('\n'),
    );
    // Copied by pg_basebackup, so the standby's too; each server gets its port on its command line.
    appendFileSync(
      join(primaryDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${root}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        '',
      ].join('\n'),
    );
    const primaryPort = await findFreePort();
    const primaryUrl = await start(primaryDir, primaryPort);
    await run(
      program('pg_basebackup'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        SUPERUSER,
        '-D',
        standbyDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        // Kept by -R in the standby's primary_conninfo: its name in pg_stat_replication.
        '-d',
        `application_name=${standbyName}`,
      ],
      root,
      user,
    );
    const standbyUrl = await start(standbyDir, await findFreePort());
    return { primaryUrl, standbyUrl, madeBy: `pg_basebackup ${installation.major}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Postgres refuses to run as root: as root, its programs run as Debian's `postgres` system user. */
function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Utilisateur système postgres introuvable : Postgres refuse de tourner en root.');
  }
}

function run(program: string, args: string[], cwd: string, user: ServerUser | undefined): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, { ...user, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) =>
      code === 0
        ? done(output)
        : fail(new Error(`${[basename(program), ...args].join(' ')} : ${output.trim() || `code ${code}`}`)),
    );
  });
}

function signalPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // Never started, or already gone.
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
