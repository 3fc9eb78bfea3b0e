import { PublicErrorCode } from './public-error';

export type RefusalCode = Extract<
  PublicErrorCode,
  'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'METHOD_NOT_ALLOWED'
>;

export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
};

/**
 * A request refused as a whole before any GraphQL runs (its method, content type, cookies or
 * envelope), with its French message. `statusCode` is the HTTP status, read by Fastify too.
 */
export class RequestRefusal extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefusal';
    this.statusCode = REFUSAL_STATUS[code];
  }
}
