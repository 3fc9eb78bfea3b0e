import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from './logger';
import { RequestLogController, requestLogLevel } from './request-log';

async function server(settings: { slowMs: number; sampleRate: number }, lines: string[]) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const instance = Fastify({
    loggerInstance: createLogger({ level: 'info', service: 'test', destination }),
    logController: new RequestLogController(settings),
    requestIdHeader: 'x-request-id',
  });
  instance.get('/fast', async () => ({ ok: true }));
  instance.get('/slow', async () => {
    await sleep(60);
    return { ok: true };
  });
  instance.get('/broken', async () => {
    throw new Error('panne');
  });
  instance.get('/refused', async (_request, reply) => reply.code(403).send({ refused: true }));
  await instance.ready();
  return instance;
}

describe('request log', () => {
  it('chooses errors, then slow requests, then a sample of the others', () => {
    const settings = { slowMs: 1000, sampleRate: 0.01 };
    expect(requestLogLevel(502, 3, settings, () => 0.5)).toBe('error');
    expect(requestLogLevel(200, 1000, settings, () => 0.5)).toBe('warn');
    expect(requestLogLevel(200, 999, settings, () => 0.5)).toBeNull();
    expect(requestLogLevel(404, 999, settings, () => 0.5)).toBeNull();
    expect(requestLogLevel(200, 5, settings, () => 0.009)).toBe('info');
    expect(requestLogLevel(200, 5, { slowMs: 1000, sampleRate: 0 }, () => 0)).toBeNull();
  });

  it('writes nothing for an ordinary request, one line with the request id for a slow one or a server error', async () => {
    const lines: string[] = [];
    const instance = await server({ slowMs: 50, sampleRate: 0 }, lines);
    try {
      await instance.inject({ url: '/fast?query=secret', headers: { 'x-request-id': 'ordinary' } });
      await instance.inject('/refused');
      expect(lines).toEqual([]);

      await instance.inject('/nowhere');
      expect(lines).toEqual([]);

      await instance.inject({ url: '/slow?name=Camille', headers: { 'x-request-id': 'slow' } });
      await instance.inject({ url: '/broken', headers: { 'x-request-id': 'broken' } });
      const written = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      // The server error's cause has a line of its own (its stack); the request has one more.
      const requestLines = written.filter((line) => line.path !== undefined);
      expect(requestLines).toEqual([
        expect.objectContaining({
          level: 40,
          message: 'Requête lente',
          reqId: 'slow',
          method: 'GET',
          path: '/slow',
          statusCode: 200,
        }),
        expect.objectContaining({
          level: 50,
          message: 'Requête en erreur',
          reqId: 'broken',
          path: '/broken',
          statusCode: 500,
        }),
      ]);
      expect(lines.join('')).not.toContain('Camille');
    } finally {
      await instance.close();
    }
  });

  it('gives every request its line at a sample rate of 1', async () => {
    const lines: string[] = [];
    const instance = await server({ slowMs: 1000, sampleRate: 1 }, lines);
    try {
      await instance.inject('/fast');
      await instance.inject('/fast');
      expect(lines.map((line) => JSON.parse(line) as { level: number; message: string })).toEqual([
        expect.objectContaining({ level: 30, message: 'Requête', path: '/fast' }),
        expect.objectContaining({ level: 30, message: 'Requête', path: '/fast' }),
      ]);
    } finally {
      await instance.close();
    }
  });
});
