/**
 * What must never reach a log line: credentials, tokens and personal data. Paths cover structured
 * fields; `scrubText` covers values that slip into free text (an e-mail inside a database error).
 */
export const REDACTED = '[masqué]';

const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'email',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'secret',
  'jwtSecret',
  'secondFactorCode',
  'recoveryCodes',
  'enrolmentToken',
  'otpauthUri',
  'setPasswordLink',
  'firstName',
  'lastName',
  'phone',
  'address',
  'birthDate',
  'variables',
  'parameters',
  'detail',
];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-refresh-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const POSTGRES_DETAIL_VALUES = /\(([^()]*)\)=\(([^()]*)\)/g;

export function scrubText(text: string): string {
  return text
    .replace(POSTGRES_DETAIL_VALUES, `($1)=(${REDACTED})`)
    .replace(JWT, REDACTED)
    .replace(EMAIL, REDACTED);
}

interface SerializedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SerializedError;
}

/** Keeps what helps diagnose (type, code, stack) and drops what may carry data (detail, parameters). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(String(error)) };
  const code = (error as { code?: unknown }).code;
  const serialized: SerializedError = {
    type: error.name,
    message: scrubText(error.message),
    stack: error.stack ? scrubText(error.stack) : undefined,
  };
  if (typeof code === 'string') serialized.code = code;
  if (error.cause !== undefined && depth < 3) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}
