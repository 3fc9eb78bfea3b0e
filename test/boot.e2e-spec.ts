import { execFile, spawn } from 'node:child_process';
import { findFreePort } from '@relais/testing';
import { resolve } from 'node:path';
import { processEnvironment } from '@relais/config';

const ROOT = resolve(__dirname, '..');

function boot(app: 'api' | 'worker', env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      ['-r', '@swc-node/register', `apps/${app}/src/main.ts`],
      { cwd: ROOT, env: { PATH: processEnvironment().PATH ?? '', ...env }, timeout: 20_000 },
      (_error, _stdout, stderr) => done({ code: child.exitCode, stderr }),
    );
  });
}

describe('booting with a bad configuration', () => {
  it.each(['api', 'worker'] as const)(
    'stops the %s and names every bad or missing variable',
    async (app) => {
      const { code, stderr } = await boot(app, { API_PORT: 'trois-mille', JWT_SECRET: 'court' });
      expect(code).toBe(78);
      expect(stderr).toContain('Configuration invalide');
      expect(stderr).toContain('DATABASE_URL : variable manquante');
      expect(stderr).toContain('REDIS_URL : variable manquante');
      expect(stderr).toMatch(/API_PORT : /);
      expect(stderr).toMatch(/JWT_SECRET : /);
      expect(stderr).not.toContain('court');
    },
    30_000,
  );
});

describe('graceful shutdown', () => {
  it.each(['api', 'worker'] as const)(
    'the %s stops cleanly on SIGTERM',
    async (app) => {
      const port = await findFreePort();
      const environment = processEnvironment();
      const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
        cwd: ROOT,
        env: {
          ...environment,
          NODE_ENV: 'test',
          API_PORT: String(port),
          LOG_LEVEL: 'info',
        } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      // Ready when Nest says so for the api (then its socket is polled), and when the worker says it
      // handles signals (Nest's own messages come before the handlers are installed).
      const ready = app === 'api' ? 'Nest application successfully started' : 'Worker prêt';
      const deadline = Date.now() + 20_000;
      while (!output.includes(ready) && Date.now() < deadline)
        await new Promise((done) => setTimeout(done, 100));
      expect(output).toContain(ready);
      if (app === 'api') {
        // Nest announces the start a moment before the socket listens.
        let status = 0;
        while (status !== 200 && Date.now() < deadline) {
          status = await fetch(`http://127.0.0.1:${port}/health`).then(
            (response) => response.status,
            () => 0,
          );
          if (status !== 200) await new Promise((done) => setTimeout(done, 100));
        }
        expect(status).toBe(200);
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    40_000,
  );
});
