import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { processEnvironment } from '../../libs/platform/config/src/environment';
import { ServerStopOutcome, spawnInGroup, stopChildren, stopServers, Supervised } from './supervision';

const ROOT = resolve(__dirname, '..', '..');

/** Resolves once the child has printed `line`: its signal handlers are in place. */
function said(child: ChildProcess, line: string): Promise<void> {
  return new Promise((done) =>
    createInterface({ input: child.stdout! }).on('line', (l) => l === line && done()),
  );
}

function groupGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('the launcher stopping what it runs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'relais-supervision-'));
  const started: ChildProcess[] = [];
  const script = (name: string, source: string) => {
    const file = join(scratch, `${name}.js`);
    writeFileSync(file, source);
    return file;
  };
  const run = (file: string) => {
    const child = spawnInGroup(ROOT, file, [], { ...processEnvironment() }, 'pipe');
    started.push(child);
    return child;
  };
  afterAll(() => {
    for (const child of started) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone, as expected
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  // Closes in 300 ms, as the api and the worker do while Redis and Postgres still answer them.
  const graceful = script(
    'graceful',
    `process.once('SIGTERM', () => setTimeout(() => process.exit(0), 300));
     setInterval(() => undefined, 1000);
     console.log('prêt');`,
  );

  it('stops the processes first, both at once, then the servers one after the other, saying so', async () => {
    const api = run(graceful);
    const worker = run(graceful);
    await Promise.all([said(api, 'prêt'), said(worker, 'prêt')]);
    const events: string[] = [];
    api.once('exit', () => events.push('api exited'));
    worker.once('exit', () => events.push('worker exited'));
    const server = (name: string): { name: string; stop(): Promise<ServerStopOutcome> } => ({
      name,
      stop: async () => {
        events.push(`${name} stopping`);
        await new Promise((done) => setTimeout(done, 50));
        return 'stopped';
      },
    });
    const lines: string[] = [];
    const say = (line: string) => lines.push(line);
    const children: Supervised[] = [
      { name: 'api', child: api },
      { name: 'worker', child: worker },
    ];

    const began = Date.now();
    expect(await stopChildren(children, 5_000, say)).toBe(true);
    // Both were asked at once: together they took about one closing time, not two.
    expect(Date.now() - began).toBeLessThan(1_500);
    expect(await stopServers([server('Redis'), server('Postgres')], say)).toBe(true);

    expect(events.slice(0, 2).sort()).toEqual(['api exited', 'worker exited']);
    expect(events.slice(2)).toEqual(['Redis stopping', 'Postgres stopping']);
    expect(lines).toEqual(['api et worker arrêtés', 'Redis arrêté', 'Postgres arrêté']);
    expect(groupGone(api.pid!) && groupGone(worker.pid!)).toBe(true);
  }, 30_000);

  it('kills a process, and what it started, that does not stop in time, and says so', async () => {
    const stubborn = run(
      script(
        'stubborn',
        `require('node:child_process').spawn('sleep', ['60'], { stdio: 'ignore' });
         process.on('SIGTERM', () => undefined);
         setInterval(() => undefined, 1000);
         console.log('prêt');`,
      ),
    );
    const quick = run(graceful);
    await Promise.all([said(stubborn, 'prêt'), said(quick, 'prêt')]);
    const lines: string[] = [];

    const clean = await stopChildren(
      [
        { name: 'api', child: quick },
        { name: 'worker', child: stubborn },
      ],
      1_000,
      (line) => lines.push(line),
    );

    expect(clean).toBe(false);
    expect(stubborn.signalCode).toBe('SIGKILL');
    expect(groupGone(stubborn.pid!)).toBe(true); // the `sleep` too
    expect(lines).toEqual([
      'api arrêté',
      "worker ne s'arrêtait pas 1 s après la demande : arrêté de force (SIGKILL)",
    ]);
  }, 30_000);

  it('has a process stop by itself when the launcher is gone (its stdin pipe closed)', async () => {
    const orphan = run(
      script(
        'orphan',
        `process.once('SIGTERM', () => { console.log('arrêt propre'); process.exit(0); });
         setInterval(() => undefined, 1000);
         console.log('prêt');`,
      ),
    );
    await said(orphan, 'prêt');
    const closing = said(orphan, 'arrêt propre');
    const exited = new Promise((done) => orphan.once('exit', (code) => done(code)));

    orphan.stdin!.destroy(); // as the kernel does when the launcher dies, even by SIGKILL

    await closing;
    expect(await exited).toBe(0);
  }, 30_000);

  it('says only what happened to each server', async () => {
    const lines: string[] = [];
    const clean = await stopServers(
      [
        { name: 'Redis', stop: async () => 'already-stopped' },
        { name: 'Postgres', stop: async () => 'forced' },
      ],
      (line) => lines.push(line),
    );
    expect(clean).toBe(false);
    // Redis's own stop was said when it happened; nothing is claimed about it here.
    expect(lines).toEqual(["Postgres ne s'arrêtait pas à la demande : arrêté de force"]);
  });
});
