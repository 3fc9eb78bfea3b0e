import { Environment } from '@relais/config';
import { WORKER_READY } from '@relais/worker';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../..');

export interface WorkerProcess {
  readonly pid: number;
  /** What the worker wrote (JSON log lines), stdout and stderr interleaved. */
  readonly output: readonly string[];
  /**
   * Resolves once it says it handles signals (a SIGTERM before that would not stop it cleanly);
   * rejects, with its last lines, if it exits or stays silent first, and then it is killed.
   */
  readonly ready: Promise<void>;
  /** SIGKILL: nothing finishes, nothing is acknowledged, as when a machine dies. */
  kill(): Promise<void>;
  /** SIGTERM: running jobs finish and the worker exits; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The real worker in a process of its own, so a test can kill it as production would see it die.
 * Returned at once, before it is ready, so that whoever started it can always kill it.
 */
export function spawnWorkerProcess(environment: Environment, readyTimeoutMs = 45_000): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let said!: () => void;
  const readiness = new Promise<void>((done) => (said = done));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (line.includes(WORKER_READY)) said();
    });
  }
  // `exit` handlers must be synchronous: a worker left behind would keep draining the queues.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  // A spawn failure emits `error` and possibly no `exit`.
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => (process.removeListener('exit', killOnExit), done(code)));
    child.once('error', () => (process.removeListener('exit', killOnExit), done(null)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  const ready = (async () => {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      readiness.then(() => 'ready' as const),
      exited.then(() => 'exited' as const),
      new Promise<'silent'>((done) => (timer = setTimeout(() => done('silent'), readyTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'ready') return;
    await end('SIGKILL');
    const why =
      outcome === 'exited'
        ? `s’est arrêté (${child.signalCode ?? `code ${child.exitCode}`})`
        : `est resté muet ${readyTimeoutMs} ms`;
    throw new Error(`Le worker ${why} avant d’être prêt :\n${output.slice(-30).join('\n')}`);
  })();
  // Whoever awaits `ready` sees the failure; a worker killed before it was ready is no failure.
  ready.catch(() => undefined);

  return {
    pid: child.pid!,
    output,
    ready,
    kill: async () => void (await end('SIGKILL')),
    stop: () => end('SIGTERM'),
  };
}
