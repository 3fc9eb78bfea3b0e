import { PublicError } from './public-error';

/**
 * Base of every context's typed exception. A context declares its own code union and one
 * exhaustive mapping (`toPublicError`) to a public code and a French message.
 */
export abstract class DomainException<TCode extends string = string> extends Error {
  protected constructor(
    readonly code: TCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = new.target.name;
  }

  abstract toPublicError(): PublicError;
}
