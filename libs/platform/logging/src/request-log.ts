import { FastifyReply, FastifyRequest, LogController } from 'fastify';

export interface RequestLogSettings {
  /** A request taking at least this long gets its line. */
  slowMs: number;
  /** The share of the other requests that get one (an access log by sample). */
  sampleRate: number;
}

export type RequestLogLevel = 'error' | 'warn' | 'info';

/**
 * Whether a finished request gets a line, and at which level. Fastify's own two lines per request
 * (received, completed) cost a fifth of the api's time, written synchronously: only what someone
 * looks for is kept, a server error, a slow request, and a sample for the rates.
 */
export function requestLogLevel(
  statusCode: number,
  elapsedMs: number,
  settings: RequestLogSettings,
  random: () => number = Math.random,
): RequestLogLevel | null {
  if (statusCode >= 500) return 'error';
  if (elapsedMs >= settings.slowMs) return 'warn';
  if (settings.sampleRate > 0 && random() < settings.sampleRate) return 'info';
  return null;
}

const MESSAGES: Record<RequestLogLevel, string> = {
  error: 'Requête en erreur',
  warn: 'Requête lente',
  info: 'Requête',
};

/**
 * Fastify's log lines for requests (its `logController` option): instead of two lines for every
 * request, one line for the chosen ones, through the request's logger (it carries the request id).
 * Only the method, the path (never the query string: a GET of /graphql carries the query and its
 * variables there), the status and the duration are written, with the error for a failure.
 */
export class RequestLogController extends LogController {
  constructor(
    private readonly settings: RequestLogSettings,
    private readonly random: () => number = Math.random,
  ) {
    super();
  }

  override incomingRequest(): void {
    // The line, if any, is written once the answer is known.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const elapsedMs = reply.elapsedTime;
    const level = error ? 'error' : requestLogLevel(reply.statusCode, elapsedMs, this.settings, this.random);
    if (!level) return;
    request.log[level](
      {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        durationMs: Math.round(elapsedMs),
        ...(error && { err: error }),
      },
      MESSAGES[level],
    );
  }

  /** A server error's cause is kept (its own line); a refusal (4xx) was a line per request. */
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
  }

  /** An unknown address is answered, not written down: the path may be anything a caller typed. */
  override routeNotFound(): void {}
}
