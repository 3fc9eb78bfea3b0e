import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRedis } from './local-redis';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

describe('local redis-server', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-local-redis-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs a private server configured for BullMQ and stops it', async () => {
    const port = await freePort();
    const server = await startLocalRedis({ dataDir: join(root, 'redis'), port, appendOnly: true });
    const client = new Redis(server.url);
    try {
      await client.set('relais:check', 'ok');
      expect(await client.get('relais:check')).toBe('ok');
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    } finally {
      await client.quit();
      await server.stop();
    }
    expect(await portOpen(port)).toBe(false);
  }, 30_000);
});
