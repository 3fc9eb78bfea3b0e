import { execFile } from 'node:child_process';
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
