import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The embedded server's binaries package is ESM with its own `__dirname`, which Jest's CommonJS
 * module system cannot load; the check runs in a plain Node process, as `npm start` does.
 */
function runScenario(dataDir: string): {
  sum: number;
  existedAfterRestart: boolean;
  existsAfterDrop: boolean;
} {
  const script = `
    const { createDatabase, databaseExists, dropDatabase, startEmbeddedPostgres, withDatabase } =
      require('./libs/platform/database/src/embedded-postgres.ts');
    const { Client } = require('pg');
    const { createServer } = require('node:net');
    const freePort = () => new Promise((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => done(port));
      });
    });
    (async () => {
      const dataDir = ${JSON.stringify(dataDir)};
      const first = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      await createDatabase(first.url, 'relais_embedded_check');
      const client = new Client({ connectionString: withDatabase(first.url, 'relais_embedded_check') });
      await client.connect();
      const sum = (await client.query('SELECT 1 + 1 AS two')).rows[0].two;
      await client.end();
      await first.stop();
      const second = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      const existedAfterRestart = await databaseExists(second.url, 'relais_embedded_check');
      await dropDatabase(second.url, 'relais_embedded_check');
      const existsAfterDrop = await databaseExists(second.url, 'relais_embedded_check');
      await second.stop();
      process.stdout.write(JSON.stringify({ sum, existedAfterRestart, existsAfterDrop }));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
  return JSON.parse(output.slice(output.lastIndexOf('{')));
}

describe('embedded Postgres', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-embedded-pg-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts a real server, keeps its data between runs, and creates and drops databases', () => {
    expect(runScenario(join(root, 'postgres'))).toEqual({
      sum: 2,
      existedAfterRestart: true,
      existsAfterDrop: false,
    });
  }, 120_000);
});
