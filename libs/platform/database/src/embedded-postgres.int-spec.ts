import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from './embedded-postgres';

const ROOT = resolve(__dirname, '../../../..');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded Postgres', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-embedded-pg-'));
  const dataDir = join(root, 'postgres');
  const lockFile = join(dataDir, 'postmaster.pid');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('initialises once, serves real databases, and keeps them across restarts', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    try {
      await createDatabase(first.url, 'relais embarqué "check"');
      const url = withDatabase(first.url, 'relais embarqué "check"');
      expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await query(url, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    } finally {
      await first.stop();
    }

    const lines: string[] = [];
    const port = await freePort();
    const second = await startEmbeddedPostgres({ dataDir, port, log: (line) => lines.push(line) });
    try {
      expect(lines.filter((line) => line.includes('initialisation'))).toEqual([]);
      const url = withDatabase(second.url, 'relais embarqué "check"');
      expect(await query(url, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
      await dropDatabase(second.url, 'relais embarqué "check"');
      expect(await databaseExists(second.url, 'relais embarqué "check"')).toBe(false);
    } finally {
      await second.stop();
    }
    expect(await portOpen(port)).toBe(false);
  }, 120_000);

  it('starts over a lock file left by a crash whose pid now belongs to another process', async () => {
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const lock = readFileSync(lockFile, 'utf8');
    await server.stop();
    // Postgres alone refuses this file: the pid is alive (this very process), so it looks like a running server.
    writeFileSync(lockFile, lock.replace(/^\d+/, String(process.pid)));

    const lines: string[] = [];
    const restarted = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      log: (line) => lines.push(line),
    });
    try {
      expect(lines.join('\n')).toContain('verrou périmé');
      expect(await query(restarted.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await restarted.stop();
    }
  }, 120_000);

  it('stops a server left running by a run killed with SIGKILL, then starts its own on the same port', async () => {
    const port = await freePort();
    const crashingRun = `
      require(${JSON.stringify(join(__dirname, 'embedded-postgres.ts'))})
        .startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} })
        .then(() => process.kill(process.pid, 'SIGKILL'));
    `;
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', crashingRun], {
      cwd: ROOT,
      timeout: 60_000,
    }).catch((error: { signal?: string }) => expect(error.signal).toBe('SIGKILL'));
    expect(await portOpen(port)).toBe(true);
    const orphanPid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, port, log: (line) => lines.push(line) });
    try {
      expect(lines.join('\n')).toContain(`laissé par une exécution précédente (pid ${orphanPid})`);
      expect(await query(server.url, 'SELECT pg_backend_pid() > 0 AS ok')).toEqual([{ ok: true }]);
      expect(Number(readFileSync(lockFile, 'utf8').split('\n')[0])).not.toBe(orphanPid);
    } finally {
      await server.stop();
    }
    expect(existsSync(lockFile)).toBe(false);
    expect(await portOpen(port)).toBe(false);
  }, 120_000);

  it('runs in its own process group when detached, out of reach of a Ctrl-C to its starter', async () => {
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), detached: true });
    const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      expect(group).toBe(pid);
    } finally {
      expect(await server.stop()).toBe('stopped');
    }
    expect(existsSync(lockFile)).toBe(false);
    expect(await server.stop()).toBe('stopped'); // asked once, answered the same
  }, 120_000);

  it('refuses database names Postgres would truncate or a URL would garble', async () => {
    await expect(createDatabase('postgres://unused@127.0.0.1:1/postgres', 'x'.repeat(64))).rejects.toThrow(
      'Nom de base de données invalide',
    );
    expect(() => withDatabase('postgres://u@h/postgres', 'a/b')).toThrow('impossible à mettre dans une URL');
    expect(withDatabase('postgres://u:p%40ss@h:5433/postgres?sslmode=disable', 'relais_test')).toBe(
      'postgres://u:p%40ss@h:5433/relais_test?sslmode=disable',
    );
  });
});
