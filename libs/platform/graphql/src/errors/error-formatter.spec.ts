import { GraphQLError } from 'graphql';
import { DomainException } from './domain.exception';
import { formatGraphqlError, statusFor } from './error-formatter';
import { PublicError } from './public-error';

class SampleException extends DomainException<'TAKEN'> {
  constructor() {
    super('TAKEN');
  }
  toPublicError(): PublicError {
    return { code: 'CONFLICT', message: 'Déjà pris.' };
  }
}

function raised(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['field'], originalError: original });
}

describe('formatGraphqlError', () => {
  const logged: object[] = [];
  const logger = { error: (details: object) => logged.push(details) };

  it('answers a domain exception with its own code and French message, and logs nothing', () => {
    const formatted = formatGraphqlError(raised(new SampleException()), logger);
    expect(formatted).toEqual({ message: 'Déjà pris.', path: ['field'], extensions: { code: 'CONFLICT' } });
    expect(logged).toHaveLength(0);
  });

  it('hides an unexpected error behind an errorId and logs the cause with the same id', () => {
    const cause = new Error('connexion perdue vers 10.0.0.4, utilisateur marie@example.org');
    const formatted = formatGraphqlError(raised(cause), logger);
    const errorId = formatted.extensions?.errorId as string;
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).toBe(`Une erreur inattendue est survenue. Référence : ${errorId}`);
    expect(JSON.stringify(formatted)).not.toContain('marie@example.org');
    expect(logged).toEqual([expect.objectContaining({ err: cause, errorId })]);
  });

  it('answers 400 for a refused document and 413 for an oversized body', () => {
    expect(statusFor([{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }], false)).toBe(400);
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(statusFor([formatGraphqlError(raised(tooLarge), logger)], false)).toBe(413);
  });
});
