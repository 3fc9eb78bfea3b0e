import { processEnvironment } from '@relais/config';
import { findFreePort, IsolatedDatabase, provisionIsolatedDatabase } from '@relais/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '..');
const READY = 'Ctrl+C pour arrêter';

/** The launcher's children: processes whose parent it is (Linux's /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/** Gone, or a zombie nobody reaps (an orphan in a container whose init does not): it runs nothing. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * `npm start` stopped as a terminal does on Ctrl-C: SIGINT to the launcher's whole process group.
 * It runs against this test's own database (the embedded Postgres's order is the unit test's) and
 * its own local redis-server, the one whose early stop made the worker wait and log errors.
 */
describe('npm start stopped with Ctrl-C', () => {
  let isolated: IsolatedDatabase;
  let scratch: string;
  let launcher: ChildProcess | undefined;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'relais-launcher-'));
  });

  afterAll(async () => {
    // Whatever a failed run left behind.
    if (launcher?.pid && launcher.exitCode === null && launcher.signalCode === null) {
      process.kill(-launcher.pid, 'SIGKILL');
    }
    await isolated?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stops the api and the worker, then Redis, within 3 s, saying so, without an error', async () => {
    const webRoot = join(scratch, 'web'); // no client build: the launcher does not build one there
    mkdirSync(webRoot);
    const environment: Record<string, string | undefined> = {
      ...processEnvironment(),
      ...isolated.environment,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info', // warnings and errors reach the launcher's output, where they are looked for
      RELAIS_DATA_DIR: join(scratch, 'data'),
      RELAIS_REDIS_PORT: String(await findFreePort()),
      API_PORT: String(await findFreePort()),
      WEB_ROOT: webRoot,
    };
    delete environment.REDIS_URL; // the launcher's own redis-server

    // Its own process group, as a shell gives a command run in a terminal.
    launcher = spawn(process.execPath, ['tools/launch.cjs'], {
      cwd: ROOT,
      env: environment,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let ready!: () => void;
    const readiness = new Promise<void>((done) => (ready = done));
    for (const stream of [launcher.stdout!, launcher.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (line.includes(READY)) ready();
      });
    }
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      launcher!.once('exit', (code, signal) => done({ code, signal })),
    );
    const started = await Promise.race([readiness.then(() => true), exited.then(() => false)]);
    if (!started) throw new Error(`npm start s'est arrêté avant d'être prêt :\n${output.join('\n')}`);

    // The welcome step prints its last lines just before it exits: wait until the launcher has
    // reaped it (a zombie has no command line, hence counting), leaving redis-server, api and worker.
    while (childrenOf(launcher.pid!).length > 3) await new Promise((done) => setTimeout(done, 50));
    const children = childrenOf(launcher.pid!);
    expect(children.map(running)).toEqual([true, true, true]);
    expect(existsSync(join(scratch, 'data', 'logs', 'worker.log'))).toBe(true);
    const before = output.length;

    const signalled = Date.now();
    process.kill(-launcher.pid!, 'SIGINT');
    const { code, signal } = await exited;
    const stopMs = Date.now() - signalled;

    const stopping = output.slice(before);
    // Read in the report when this test runs: how long the stop took on this machine.
    process.stderr.write(`[tests] npm start arrêté en ${stopMs} ms\n`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stopping.filter((line) => line.startsWith('[relais]'))).toEqual([
      '[relais] arrêt demandé (Ctrl-C)…',
      '[relais] api et worker arrêtés',
      '[relais] Redis arrêté',
      '[relais] Relais est arrêté.',
    ]);
    // No connection error, no stack trace, nothing stopped « by itself » nor killed.
    expect(stopping.filter((line) => /error|erreur|^\s+at |de lui-même|de force/i.test(line))).toEqual([]);
    expect(children.filter(running)).toEqual([]);
    // Generous for a loaded two-core machine: it takes well under a second when idle, 30 s before.
    expect(stopMs).toBeLessThan(3_000);
  }, 150_000);
});
