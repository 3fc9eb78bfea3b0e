import { GraphQLError } from 'graphql';
import { DomainException } from './domain.exception';
import { formatExecutionResult, formatGraphqlError, statusFor } from './error-formatter';
import { RequestRefusal } from './request-refusal';
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

describe('formatGraphqlError with graphql-js errors', () => {
  const logged: object[] = [];
  const logger = { error: (details: object) => logged.push(details) };

  it('answers a validation error in French with its code and reason', () => {
    const error = new GraphQLError('Cannot query field "nam" on type "User". Did you mean "name"?');
    expect(formatGraphqlError(error, logger)).toEqual({
      message: 'Le champ « nam » n’existe pas sur le type « User ».',
      locations: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'UNKNOWN_FIELD' },
    });
  });

  it('puts the field of a variable in extensions.fields', () => {
    const error = new GraphQLError(
      'Variable "$input" got invalid value "x" at "input.first"; Int cannot represent non-integer value: "x"',
    );
    expect(formatGraphqlError(error, logger).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      fields: [{ field: 'first', message: 'Un nombre entier est attendu.' }],
    });
  });

  it('hides what graphql-js raises while executing, other than about arguments, and logs no value', () => {
    const refused = new GraphQLError('Expected value of type "Person" but got: { lastName: "Dupont" }.');
    const located = new GraphQLError(refused.message, { path: ['person'], originalError: refused });
    const formatted = formatGraphqlError(located, logger);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(formatted)).not.toContain('Dupont');
    expect(JSON.stringify(logged)).not.toContain('Dupont');
    expect(logged.at(-1)).toMatchObject({ graphqlError: 'Expected value of type "Person"' });

    const argument = new GraphQLError('Argument "first" of non-null type "Int!" must not be null.');
    const locatedArgument = new GraphQLError(argument.message, { path: ['people'], originalError: argument });
    expect(formatGraphqlError(locatedArgument, logger)).toMatchObject({
      message: 'L’argument « first » (Int!) ne peut pas être nul.',
      path: ['people'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers a refused request with its code, and its status', () => {
    const refusal = new RequestRefusal('UNSUPPORTED_MEDIA_TYPE', 'En JSON.');
    const formatted = formatGraphqlError(raised(refusal), logger);
    expect(formatted).toEqual({ message: 'En JSON.', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(statusFor([formatted], false, false)).toBe(415);
  });

  it('answers 400 for variables refused before execution, 200 for a refusal while executing', () => {
    const badInput = [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }];
    expect(statusFor(badInput, false, false)).toBe(400);
    expect(statusFor(badInput, false, true)).toBe(200);
  });
});

describe('unwrapMercuriusErrors', () => {
  const logger = { error: () => undefined };

  it("answers Mercurius's refusal of a mutation sent with GET in French, with 405", () => {
    const wrapper = Object.assign(new Error('Method not allowed'), {
      code: 'MER_ERR_METHOD_NOT_ALLOWED',
      errors: [new Error('Operation cannot be performed via a GET request')],
    });
    const result = formatExecutionResult({ errors: [raised(wrapper)] }, logger);
    expect(result).toEqual({
      statusCode: 405,
      response: {
        data: null,
        errors: [
          {
            message: 'Une modification (mutation) doit être envoyée en POST.',
            extensions: { code: 'METHOD_NOT_ALLOWED' },
          },
        ],
      },
    });
  });

  it("answers a body of the wrong shape (Fastify's schema validation) in French", () => {
    const wrapper = Object.assign(new Error('Graphql validation error'), {
      code: 'MER_ERR_GQL_VALIDATION',
      errors: [Object.assign(new Error('body must be object'), { validation: [] })],
    });
    const result = formatExecutionResult({ errors: [raised(wrapper)] }, logger);
    expect(result.statusCode).toBe(400);
    expect(result.response.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(result.response.errors?.[0].message).toMatch(/^Le corps de la requête doit être un objet JSON/);
  });

  it('lists each graphql-js error a validation failure carries', () => {
    const wrapper = Object.assign(new Error('Graphql validation error'), {
      errors: [new GraphQLError('Unknown type "X".'), new GraphQLError('Unknown fragment "F".')],
    });
    const result = formatExecutionResult({ errors: [raised(wrapper)] }, logger);
    expect(result.statusCode).toBe(400);
    expect(result.response.errors?.map((error) => error.extensions?.reason)).toEqual([
      'UNKNOWN_TYPE',
      'UNKNOWN_FRAGMENT',
    ]);
  });
});
