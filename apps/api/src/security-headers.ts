import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers helmet sets with these options, worked out once. Without nonces they are the same
 * for every answer, and @fastify/helmet built helmet's middleware again on every request (parsing
 * the content security policy each time): about 2 % of a read's CPU.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let applied = false;
  // Helmet's middleware runs synchronously, and reads nothing of the request.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    applied = true;
  });
  if (!applied) throw new Error('helmet n’a pas appliqué ses en-têtes.');
  return Object.freeze(headers);
}

/** Every answer carries them; a route may still set its own (the web client's policy). */
export function registerSecurityHeaders(instance: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  instance.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
