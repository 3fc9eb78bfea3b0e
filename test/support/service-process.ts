import { Environment, processEnvironment } from '@relais/config';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../..');

export interface ServiceProcess {
  readonly pid: number;
  /** What the process wrote (JSON log lines), stdout and stderr interleaved. */
  readonly output: readonly string[];
  /**
   * Resolves once it wrote its ready line (a SIGTERM before that would not stop it cleanly);
   * rejects, with its last lines, if it exits or stays silent first, and then it is killed.
   */
  readonly ready: Promise<void>;
  /** Resolves with its exit code once it has ended, however it ended. */
  readonly exited: Promise<number | null>;
  /** SIGKILL: nothing finishes, nothing is acknowledged, as when a machine dies. */
  kill(): Promise<void>;
  /** SIGTERM: what runs finishes and the process exits; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * One of the project's entry points (`apps/…/main.ts`) in a process of its own, so a test can stop
 * or kill it as production would see it end. Returned at once, before it is ready, so that
 * whoever started it can always kill it.
 */
export function spawnServiceProcess(options: {
  entry: string;
  environment: Environment;
  /** The line that says it is ready. */
  readyLine: string;
  /** Its name in French, for the failure message (« Le worker », « L’api »). */
  called: string;
  readyTimeoutMs: number;
}): ServiceProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', options.entry], {
    cwd: ROOT,
    env: { ...options.environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let said!: () => void;
  const readiness = new Promise<void>((done) => (said = done));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (line.includes(options.readyLine)) said();
    });
  }
  // `exit` handlers must be synchronous: a process left behind would keep serving or draining queues.
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
      new Promise<'silent'>((done) => (timer = setTimeout(() => done('silent'), options.readyTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'ready') return;
    await end('SIGKILL');
    const why =
      outcome === 'exited'
        ? `s’est arrêté (${child.signalCode ?? `code ${child.exitCode}`})`
        : `est resté muet ${options.readyTimeoutMs} ms`;
    throw new Error(`${options.called} ${why} avant d’être prêt :\n${output.slice(-30).join('\n')}`);
  })();
  // Whoever awaits `ready` sees the failure; a process killed before it was ready is no failure.
  ready.catch(() => undefined);

  return {
    pid: child.pid!,
    output,
    ready,
    exited,
    kill: async () => void (await end('SIGKILL')),
    stop: () => end('SIGTERM'),
  };
}

/**
 * What the api and worker processes of a multi-process suite run with: this run's variables over
 * `database`, mail to the suite's SMTP sink, no web client build (`webRoot` an empty directory), and
 * the outbox, reconciler and job locks turned quick so a suite sees them act within seconds.
 */
export function serviceProcessEnvironment(options: {
  database: Environment;
  smtpUrl: string;
  webRoot: string;
}): Environment {
  return {
    ...processEnvironment(),
    ...options.database,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SMTP_URL: options.smtpUrl,
    WEB_ROOT: options.webRoot,
    OUTBOX_POLL_MS: '100',
    // Each replica also upserts the job schedulers at every round: twice a second here.
    RECONCILE_EVERY_MS: '500',
    JOB_LOCK_MS: '2000',
  };
}
