import Fastify, { FastifyBaseLogger } from 'fastify';
import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { RequestLogController } from './request-log';
import { deferredChildLogger } from './request-logger';

function capture(lines: Record<string, unknown>[]) {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
}

const made = (logger: FastifyBaseLogger) => (logger as unknown as { made: boolean }).made;

describe('a request’s deferred logger', () => {
  it('is made by the first line only, which carries the request id and stays redacted', () => {
    const lines: Record<string, unknown>[] = [];
    const parent = createLogger({ level: 'info', service: 'test', destination: capture(lines) });
    const logger = deferredChildLogger(parent, { reqId: 'requete-1' }, {});
    expect(made(logger)).toBe(false);
    expect(logger.level).toBe('info');
    logger.debug('sous le niveau');
    expect(lines).toEqual([]);
    logger.warn({ password: 'secret', path: '/graphql' }, 'Requête lente');
    expect(made(logger)).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        reqId: 'requete-1',
        service: 'test',
        path: '/graphql',
        message: 'Requête lente',
        password: expect.not.stringContaining('secret'),
      }),
    ]);
    logger.child({ step: 'suite' }).error('Requête en erreur');
    expect(lines[1]).toMatchObject({ level: 50, reqId: 'requete-1', step: 'suite' });
  });

  it('serves Fastify as its request logger: no logger is made for a request that writes nothing', async () => {
    const lines: Record<string, unknown>[] = [];
    const loggers: FastifyBaseLogger[] = [];
    const instance = Fastify({
      loggerInstance: createLogger({ level: 'info', service: 'test', destination: capture(lines) }),
      logController: new RequestLogController({ slowMs: 60_000, sampleRate: 0 }),
      childLoggerFactory: (parent, bindings, options) => {
        const logger = deferredChildLogger(parent, bindings, options);
        loggers.push(logger);
        return logger;
      },
      requestIdHeader: 'x-request-id',
    });
    instance.get('/quiet', async () => ({ ok: true }));
    instance.get('/broken', async () => {
      throw new Error('panne');
    });
    await instance.ready();

    expect((await instance.inject({ url: '/quiet' })).statusCode).toBe(200);
    expect(loggers.map(made)).toEqual([false]);
    expect(lines).toEqual([]);

    await instance.inject({ url: '/broken', headers: { 'x-request-id': 'requete-en-panne' } });
    expect(made(loggers[1])).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.reqId === 'requete-en-panne')).toBe(true);
    await instance.close();
  });
});
