import Redis from 'ioredis';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startLocalRedis } from './local-redis';

const ROOT = resolve(__dirname, '../../../..');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The process group a process belongs to (Linux's /proc). */
function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

async function withClient<T>(url: string, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url);
  try {
    return await work(client);
  } finally {
    await client.quit();
  }
}

describe('local redis-server', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-local-redis-'));
  const dataDir = join(root, 'redis');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs a private server configured for BullMQ, stops it, and finds its data again', async () => {
    const port = await freePort();
    const server = await startLocalRedis({ dataDir, port, appendOnly: true });
    try {
      await withClient(server.url, async (client) => {
        await client.set('relais:check', 'ok');
        expect(await client.get('relais:check')).toBe('ok');
        expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
        expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
        expect(await client.config('GET', 'appendfsync')).toEqual(['appendfsync', 'everysec']);
        expect(await client.config('GET', 'save')).toEqual(['save', '']);
      });
    } finally {
      await server.stop();
    }
    expect(await portOpen(port)).toBe(false);

    const again = await startLocalRedis({ dataDir, port: await freePort(), appendOnly: true });
    try {
      expect(await withClient(again.url, (client) => client.get('relais:check'))).toBe('ok');
    } finally {
      await again.stop();
    }
  }, 30_000);

  it('shuts down a server left running by a run killed with SIGKILL, keeping its data', async () => {
    const port = await freePort();
    const crashingRun = `
      const Redis = require('ioredis');
      require(${JSON.stringify(join(__dirname, 'local-redis.ts'))})
        .startLocalRedis({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, appendOnly: true })
        .then(async ({ url }) => {
          const client = new Redis(url);
          await client.set('relais:before-crash', 'kept');
          process.kill(process.pid, 'SIGKILL');
        });
    `;
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', crashingRun], {
      cwd: ROOT,
      timeout: 20_000,
    }).catch((error: { signal?: string }) => expect(error.signal).toBe('SIGKILL'));
    expect(await portOpen(port)).toBe(true);

    const lines: string[] = [];
    const server = await startLocalRedis({
      dataDir,
      port,
      appendOnly: true,
      log: (line) => lines.push(line),
    });
    try {
      expect(lines.join('\n')).toContain('laissé par une exécution précédente');
      expect(await withClient(server.url, (client) => client.get('relais:before-crash'))).toBe('kept');
    } finally {
      await server.stop();
    }
    expect(await portOpen(port)).toBe(false);
  }, 30_000);

  it('runs in its own process group when detached, and says how each stop ended', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const options = { dataDir: join(root, 'detached'), appendOnly: false, detached: true, log };
    const server = await startLocalRedis({ ...options, port: await freePort() });
    const pid = Number(
      /process_id:(\d+)/.exec(await withClient(server.url, (client) => client.info('server')))![1],
    );
    // A Ctrl-C in the terminal reaches its foreground group: not this server, whose group is its own.
    expect(processGroup(pid)).toBe(pid);
    expect(processGroup(pid)).not.toBe(processGroup(process.pid));
    expect(await server.stop()).toBe('stopped');
    expect(await server.stop()).toBe('stopped');

    const dying = await startLocalRedis({ ...options, port: await freePort() });
    const dyingPid = Number(
      /process_id:(\d+)/.exec(await withClient(dying.url, (client) => client.info('server')))![1],
    );
    process.kill(dyingPid, 'SIGKILL');
    while (!lines.some((line) => line.includes('de lui-même')))
      await new Promise((done) => setTimeout(done, 50));
    expect(await dying.stop()).toBe('already-stopped');
    expect(lines.filter((line) => line.includes('de lui-même'))).toEqual([
      expect.stringContaining('redis-server s’est arrêté de lui-même (SIGKILL)'),
    ]);
  }, 30_000);

  it('refuses a port held by something else rather than talking to it', async () => {
    const squatter = createServer((socket) => socket.end()).listen(0, '127.0.0.1');
    await new Promise((done) => squatter.once('listening', done));
    const address = squatter.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(
        startLocalRedis({ dataDir: join(root, 'other'), port, appendOnly: false }),
      ).rejects.toThrow(`le port ${port} de 127.0.0.1 est déjà pris`);
    } finally {
      squatter.close();
    }
  });
});
