import type { CombinedError } from 'urql';

/** What a page shows of a refused operation: the api's own French words, by field when it gives one. */
export interface ShownError {
  code: string;
  message: string;
  /** Field name (last segment of the api's dotted path) → message, for react-aria's `validationErrors`. */
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

const NETWORK_MESSAGE =
  'Relais ne répond pas. Vérifiez votre connexion à Internet, puis réessayez ; ce que vous avez saisi est conservé.';

export function readError(error: CombinedError): ShownError {
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'NETWORK', message: NETWORK_MESSAGE, fields: {}, extensions: {} };
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  if (Array.isArray(extensions.fields)) {
    for (const problem of extensions.fields as { field?: unknown; message?: unknown }[]) {
      if (typeof problem.field === 'string' && typeof problem.message === 'string') {
        fields[problem.field.split('.').pop() ?? problem.field] = problem.message;
      }
    }
  }
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'ERROR',
    message: first.message,
    fields,
    extensions,
  };
}
