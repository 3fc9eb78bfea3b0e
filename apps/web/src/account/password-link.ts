import type { ShownError } from '../graphql/errors';

/** The address the api mails (libs/identity set-password-links.ts), the token after `#jeton=`. */
export const SET_PASSWORD_PATH = '/definir-mot-de-passe';

/**
 * The token of a set-password link, read from the address's fragment (`#jeton=…`), which the
 * browser never sends to any server. Undefined when the link is incomplete.
 */
export function readSetPasswordToken(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('jeton')?.trim();
  return token ? token : undefined;
}

/**
 * Every message the api gave for one field: a refused password may break several rules at once
 * (too short and built on one's name), and each is worth reading.
 */
export function fieldMessages(error: ShownError, field: string): string[] {
  const problems = error.extensions.fields;
  if (!Array.isArray(problems)) return error.fields[field] ? [error.fields[field]] : [];
  const messages = (problems as { field?: unknown; message?: unknown }[])
    .filter((problem) => typeof problem.field === 'string' && problem.field.split('.').pop() === field)
    .map((problem) => String(problem.message));
  return [...new Set(messages)];
}
