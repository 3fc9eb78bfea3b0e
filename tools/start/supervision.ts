/**
 * How the launcher runs its processes and stops them, in order. Each child (api, worker, a step,
 * and the servers) has a process group of its own: the terminal's Ctrl-C reaches the launcher
 * alone, which stops the api and the worker while Redis and Postgres still answer them, then the
 * servers. Plain node only: the launcher holds what it loads for as long as Relais runs.
 */
import { ChildProcess, spawn, StdioOptions } from 'node:child_process';
import { join } from 'node:path';

export type ServerStopOutcome = 'stopped' | 'already-stopped' | 'forced';

export interface Supervised {
  /** As said to people: « api », « worker », « préparation »… */
  name: string;
  feminine?: boolean;
  child: ChildProcess;
}

export interface StoppableServer {
  name: string;
  stop(): Promise<ServerStopOutcome>;
}

/**
 * A TypeScript entry point run with node in its own process group. Its stdin is a pipe the
 * launcher never writes to: `exit-with-launcher.cjs` stops it when that pipe closes, which is how
 * it learns that the launcher died without stopping it (killed with SIGKILL).
 */
export function spawnInGroup(
  root: string,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  output: 'pipe' | 'inherit',
): ChildProcess {
  const stdio: StdioOptions = ['pipe', output, output];
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-r',
      join(root, 'tools', 'start', 'exit-with-launcher.cjs'),
      script,
      ...args,
    ],
    { cwd: root, env, stdio, detached: true },
  );
  // A child that exits closes its end; writing is never done, but the error must not go unheard.
  child.stdin?.on('error', () => undefined);
  return child;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** The whole group: whatever the child started (a build, a shell) goes with it. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    return child.pid !== undefined && process.kill(-child.pid, 0);
  } catch {
    return false;
  }
}

/** Resolves true once the child has exited and nothing is left in its group, false at the deadline. */
async function groupEnded(child: ChildProcess, deadline: number): Promise<boolean> {
  if (isRunning(child)) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const late = new Promise<void>((done) => setTimeout(done, Math.max(0, deadline - Date.now())).unref());
    await Promise.race([exited, late]);
  }
  while (!isRunning(child) && groupAlive(child) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 20));
  }
  return !isRunning(child) && !groupAlive(child);
}

/** « api et worker », « préparation ». */
export function listNames(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}` : names.join('');
}

function stoppedWord(children: readonly Supervised[]): string {
  const feminine = children.every((each) => each.feminine);
  return `arrêté${feminine ? 'e' : ''}${children.length > 1 ? 's' : ''}`;
}

/**
 * SIGTERM to every running child at once (each closes gracefully while the servers still answer),
 * SIGKILL to those still there after `timeoutMs`. Resolves true when none had to be killed.
 */
export async function stopChildren(
  children: readonly Supervised[],
  timeoutMs: number,
  say: (line: string) => void,
): Promise<boolean> {
  const running = children.filter(({ child }) => isRunning(child) || groupAlive(child));
  if (!running.length) return true;
  for (const { child } of running) signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  const ended = await Promise.all(running.map(({ child }) => groupEnded(child, deadline)));
  const late = running.filter((_, index) => !ended[index]);
  for (const { child } of late) signalGroup(child, 'SIGKILL');
  await Promise.all(late.map(({ child }) => groupEnded(child, Date.now() + 5_000)));
  const inTime = running.filter((_, index) => ended[index]);
  if (inTime.length) say(`${listNames(inTime.map((each) => each.name))} ${stoppedWord(inTime)}`);
  for (const { name } of late) {
    say(`${name} ne s'arrêtait pas ${timeoutMs / 1000} s après la demande : arrêté de force (SIGKILL)`);
  }
  return late.length === 0;
}

/** One after the other, in the order given; resolves true when none had to be forced. */
export async function stopServers(
  servers: readonly StoppableServer[],
  say: (line: string) => void,
): Promise<boolean> {
  let clean = true;
  for (const server of servers) {
    let outcome: ServerStopOutcome | undefined;
    try {
      outcome = await server.stop();
    } catch (error) {
      say(`${server.name} : arrêt impossible (${error instanceof Error ? error.message : String(error)})`);
    }
    // A server that stopped by itself was said when it happened.
    if (outcome === 'stopped') say(`${server.name} arrêté`);
    if (outcome === 'forced') say(`${server.name} ne s'arrêtait pas à la demande : arrêté de force`);
    if (outcome !== 'stopped' && outcome !== 'already-stopped') clean = false;
  }
  return clean;
}
