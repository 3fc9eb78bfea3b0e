import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { REDACT_PATHS, REDACTED, scrubText, serializeError } from './redaction';

export type { Logger } from 'pino';

export interface LoggerSettings {
  level: string;
  service: string;
  /** Tests pass a stream to read what would have been written. */
  destination?: DestinationStream;
}

export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.service },
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      err: serializeError,
      error: serializeError,
      req: (req: { id?: string; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings may carry tokens or names: only the path is kept.
        url: req.url?.split('?')[0],
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}

export function createLogger(settings: LoggerSettings): Logger {
  return settings.destination
    ? pino(loggerOptions(settings), settings.destination)
    : pino(loggerOptions(settings));
}
