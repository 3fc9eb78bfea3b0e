/** The stable codes clients read in `extensions.code`. Adding one is a contract change. */
export const PUBLIC_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CHARTER_REQUIRED',
  /** The password was right; a second-factor code is needed too. */
  'SECOND_FACTOR_REQUIRED',
  /** The password was right; the account must first enrol a second factor (`extensions.enrolmentToken`). */
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INVALID_TRANSITION',
  /** Refused because it is an emergency: the message says whom to call. */
  'EMERGENCY',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  /** POST /graphql takes JSON (or application/graphql) only. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** A mutation sent with GET, or a GET sent with the session cookie. */
  'METHOD_NOT_ALLOWED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the input field, as the client sent it. */
  field: string;
  /** French, meant for the person who typed the value. */
  message: string;
}

export interface PublicError {
  code: PublicErrorCode;
  message: string;
  fields?: FieldProblem[];
  /** More for the client, under `extensions` (never personal data). */
  extensions?: Record<string, unknown>;
}

/** Compile-time proof that a `switch` over a union handled every member. */
export function assertNever(value: never): never {
  throw new Error(`Cas non prévu : ${String(value)}`);
}
