import { Environment, processEnvironment } from '@relais/config';
import { createDatabase, dropDatabase, withDatabase } from '@relais/database';
import { adminDatabaseUrl, findFreePort, testConfig } from '@relais/testing';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The image runs the server as tools/build-server.cjs compiles it, with node alone: no TypeScript
 * loader resolves the tsconfig aliases or reads decorator types there. Built here into a directory
 * of this run's own (inside the checkout, so node_modules is found as in the image).
 */
const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'dist', `server-test-${process.pid}`);

// The build script is CommonJS, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildServer, entryPoints } = require('../tools/build-server.cjs') as {
  buildServer(options: { outDir: string }): Promise<string[]>;
  entryPoints(root: string): string[];
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** node on a compiled file, without the test runner's loader, with the given variables only. */
function runCompiled(args: readonly string[], environment: Environment): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: ROOT,
        env: {
          PATH: processEnvironment().PATH ?? '',
          RELAIS_DATA_DIR: join(tmpdir(), 'relais-no-local-state'),
          ...environment,
        } as NodeJS.ProcessEnv,
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const built = (path: string) => join(OUT, path);

let files: string[];

beforeAll(async () => {
  files = await buildServer({ outDir: OUT });
}, 60_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('server build', () => {
  it('compiles the api, the worker, every migration and every operations command, and no test', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'apps/api/src/main.js',
        'apps/worker/src/main.js',
        'tools/territory-create.js',
      ]),
    );
    for (const entry of entryPoints(ROOT)) expect(files).toContain(entry.replace(/\.ts$/, '.js'));
    const migrations = readdirSync(join(ROOT, 'migrations')).filter((name) => name.endsWith('.ts'));
    expect(readdirSync(built('migrations')).sort()).toEqual(
      migrations.map((name) => name.replace(/\.ts$/, '.js')).sort(),
    );
    expect(entryPoints(ROOT)).not.toContain('tools/start.ts');
    expect(files.filter((file) => /\.(int-|e2e-)?spec\.js$|platform\/testing\//.test(file))).toEqual([]);
    // Data the code imports is copied beside it.
    expect(existsSync(built('libs/reporting/src/subject-rights/ppcs/ppcs.schema.json'))).toBe(true);
  });

  it('loads every compiled module the api, the worker and the commands import, aliases resolved, and finds the compiled migrations', async () => {
    // The commands run when loaded: what they import is loaded instead, in a process of its own.
    const script = `
      const { readFileSync } = require('node:fs');
      const { dirname, join } = require('node:path');
      const out = ${JSON.stringify(OUT)};
      const entries = ${JSON.stringify(entryPoints(ROOT).map((entry) => entry.replace(/\.ts$/, '.js')))};
      for (const entry of entries) {
        const file = join(out, entry);
        for (const [, request] of readFileSync(file, 'utf8').matchAll(/require\\("([^"]+)"\\)/g))
          require(request.startsWith('.') ? join(dirname(file), request) : request);
      }
      const { MIGRATIONS_GLOB } = require(join(out, 'libs/platform/database/src'));
      process.stdout.write(JSON.stringify({ glob: MIGRATIONS_GLOB }));
    `;
    const run = await runCompiled(['-e', script], {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { glob } = JSON.parse(run.stdout) as { glob: string };
    expect(glob).toBe(join(OUT, 'migrations', '*.js'));
    const unresolved = files.filter(
      (file) => file.endsWith('.js') && readFileSync(built(file), 'utf8').includes('require("@relais/'),
    );
    expect(unresolved).toEqual([]);
  }, 60_000);

  describe('against a new database', () => {
    const shared = testConfig();
    const name = `${new URL(shared.database.ownerUrl!).pathname.slice(1)}_build_${randomBytes(4).toString('hex')}`;
    const environment: Environment = {
      ...processEnvironment(),
      NODE_ENV: 'test',
      DATABASE_OWNER_URL: withDatabase(shared.database.ownerUrl!, name),
      DATABASE_URL: withDatabase(shared.database.url, name),
      REDIS_KEY_PREFIX: `${shared.redis.keyPrefix}-build`,
      LOG_LEVEL: 'warn',
    };

    beforeAll(() => createDatabase(adminDatabaseUrl(), name));
    afterAll(() => dropDatabase(adminDatabaseUrl(), name));

    it('migrates it with the compiled migrations, then creates a territory with the compiled command', async () => {
      const migrated = await runCompiled([built('tools/migrations.js'), 'run'], environment);
      expect(migrated.stderr).not.toMatch(/Error|erreur/i);
      expect(migrated.code).toBe(0);
      const applied = /Migrations appliquées : (.*)/.exec(migrated.stdout)?.[1].split(', ') ?? [];
      expect(applied).toHaveLength(
        readdirSync(join(ROOT, 'migrations')).filter((file) => file.endsWith('.ts')).length,
      );

      const created = await runCompiled(
        [
          built('tools/territory-create.js'),
          '--name',
          'CLSM de Compilville',
          '--admin-email',
          'admin@compilville.relais.test',
        ],
        { ...environment, PUBLIC_URL: 'https://relais.compilville.test' },
      );
      expect(created.stderr).not.toMatch(/Cannot find module|Error:/);
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('https://relais.compilville.test/definir-mot-de-passe#jeton=');
    }, 90_000);

    it('boots the compiled api: healthy, its schema built and its inputs validated from the decorators’ metadata', async () => {
      const port = await findFreePort();
      const api = spawn(process.execPath, [built('apps/api/src/main.js')], {
        cwd: ROOT,
        env: { ...environment, API_PORT: String(port), LOG_LEVEL: 'info' } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => api.once('exit', (code) => done(code)));
      try {
        let status = 0;
        const deadline = Date.now() + 30_000;
        while (status !== 200 && api.exitCode === null && Date.now() < deadline) {
          status = await fetch(`http://127.0.0.1:${port}/health`).then(
            (response) => response.status,
            () => 0,
          );
          if (status !== 200) await new Promise((done) => setTimeout(done, 200));
        }
        expect([status, api.exitCode === null ? '' : output]).toEqual([200, '']);

        // class-validator's rules come from decorators and their emitted types: a bad address is
        // refused by validation, before any password is checked.
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
            variables: { input: { email: 'pas-une-adresse', password: 'x'.repeat(12) } },
          }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      } finally {
        api.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    }, 90_000);
  });
});
