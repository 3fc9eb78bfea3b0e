import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, LevelWithSilentOrString } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
type Line = [object: unknown, message?: string, ...values: unknown[]];

/**
 * A request's logger, made the first time something logs through it. Fastify makes a child logger
 * for every request (its request id bound, redaction applied to the binding): about 1 % of the
 * api's CPU, though most requests write no line at all (see `RequestLogController`). It has what
 * Fastify asks of a logger, which is all Relais uses of a request's.
 */
class DeferredLogger {
  #made?: FastifyBaseLogger;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  /** Whether the request's logger was made (tests). */
  get made(): boolean {
    return this.#made !== undefined;
  }

  get level(): LevelWithSilentOrString {
    return this.#made?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.#logger().level = level;
  }

  fatal(...line: Line): void {
    this.#write('fatal', line);
  }
  error(...line: Line): void {
    this.#write('error', line);
  }
  warn(...line: Line): void {
    this.#write('warn', line);
  }
  info(...line: Line): void {
    this.#write('info', line);
  }
  debug(...line: Line): void {
    this.#write('debug', line);
  }
  trace(...line: Line): void {
    this.#write('trace', line);
  }
  silent(...line: Line): void {
    this.#write('silent', line);
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger().child(bindings, options);
  }

  #logger(): FastifyBaseLogger {
    return (this.#made ??= this.#parent.child(this.#bindings, this.#options));
  }

  #write(level: Level, line: Line): void {
    const logger = this.#logger() as unknown as Record<Level, (...line: Line) => void>;
    logger[level](...line);
  }
}

/** Fastify's `childLoggerFactory`: the request's logger, made when first used. */
export function deferredChildLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new DeferredLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}
