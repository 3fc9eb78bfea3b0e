import {
  buildSchema,
  execute,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import {
  translateGraphqlJsError,
  translateGraphqlJsMessage,
  TranslatedGraphqlJsError,
} from './graphql-js-messages';

// The messages come from graphql-js itself, never written by hand: a new wording in a graphql-js
// release fails these tests instead of slipping through in English.
const schema = buildSchema(`
  enum Status { OPEN CLOSED }
  input Nested { label: String! }
  input Filter { territoryId: ID!, first: Int! = 50, status: Status, nested: Nested, tags: [String!] }
  type User { id: ID! name: String friends: [User!]! }
  type Query {
    me: User
    users(filter: Filter!): [User!]!
    byStatus(status: Status!): [User!]!
    count(n: Int): Int
  }
`);

const hidden = { suggestions: false };

function validationErrors(query: string): GraphQLError[] {
  return [...validate(schema, parse(query))];
}

function onlyValidationError(query: string): GraphQLError {
  const errors = validationErrors(query);
  expect(errors).toHaveLength(1);
  return errors[0];
}

function variableErrors(query: string, variables: Record<string, unknown>): readonly GraphQLError[] {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return result.errors ?? [];
}

function parseError(query: string, options?: { maxTokens?: number; maxSourceLength?: number }): GraphQLError {
  try {
    parse(query, options);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('parsed');
}

/** No English left: the words graphql-js uses in every one of its templates. */
function expectFrench(translated: TranslatedGraphqlJsError): void {
  expect(translated.message).not.toMatch(
    /\b(Did you mean|Cannot|Unknown|Expected|Variable "|Argument "|Field "|found|provided|type "|Syntax Error)\b/,
  );
}

describe('translateGraphqlJsMessage', () => {
  describe('validation', () => {
    it('names an unknown field and its type, without the suggestion', () => {
      const error = onlyValidationError('{ me { nam } }');
      expect(error.message).toContain('Did you mean');
      const translated = translateGraphqlJsMessage(error.message, hidden);
      expect(translated).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'UNKNOWN_FIELD',
        message: 'Le champ « nam » n’existe pas sur le type « User ».',
      });
    });

    it('gives the suggestion in French only when asked to', () => {
      const error = onlyValidationError('{ me { nam } }');
      const translated = translateGraphqlJsMessage(error.message, { suggestions: true });
      expect(translated.message).toBe(
        'Le champ « nam » n’existe pas sur le type « User ». Vouliez-vous dire « name » ?',
      );
      expect(translated.suggestions).toEqual(['name']);
    });

    it('names an unknown argument with its field', () => {
      const translated = translateGraphqlJsMessage(onlyValidationError('{ count(m: 1) }').message, hidden);
      expect(translated).toMatchObject({
        reason: 'UNKNOWN_ARGUMENT',
        message: 'L’argument « m » n’existe pas pour le champ « Query.count ».',
      });
    });

    it('names an unknown enum value written in the query, and its enum', () => {
      const error = onlyValidationError('{ byStatus(status: OPN) { id } }');
      expect(error.message).toContain('Did you mean the enum value "OPEN"');
      const translated = translateGraphqlJsMessage(error.message, hidden);
      expect(translated).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'UNKNOWN_ENUM_VALUE',
        message: 'La valeur « OPN » ne fait pas partie de la liste « Status ».',
      });
      expectFrench(translated);
    });

    it('explains an enum value written as a string', () => {
      const translated = translateGraphqlJsMessage(
        onlyValidationError('{ byStatus(status: "OPEN") { id } }').message,
        hidden,
      );
      expect(translated).toMatchObject({
        reason: 'UNKNOWN_ENUM_VALUE',
        message: 'Une valeur de la liste « Status » est attendue, écrite sans guillemets.',
      });
    });

    it('says which scalar a literal should have been, without repeating the value', () => {
      const translated = translateGraphqlJsMessage(
        onlyValidationError('{ count(n: "douze; pas un nombre") }').message,
        hidden,
      );
      expect(translated).toMatchObject({ reason: 'INVALID_VALUE', message: 'Un nombre entier est attendu.' });
      expect(translated.message).not.toContain('douze');
    });

    it('names a missing required argument and a missing or unknown input field', () => {
      expect(
        translateGraphqlJsMessage(onlyValidationError('{ users { id } }').message, hidden),
      ).toMatchObject({
        reason: 'MISSING_ARGUMENT',
        message: 'L’argument « filter » (Filter!) du champ « users » est obligatoire.',
      });
      expect(
        translateGraphqlJsMessage(onlyValidationError('{ users(filter: {}) { id } }').message, hidden),
      ).toMatchObject({
        reason: 'MISSING_INPUT_FIELD',
        message: 'Le champ « territoryId » (ID!) est obligatoire dans « Filter ».',
      });
      expect(
        translateGraphqlJsMessage(
          onlyValidationError('{ users(filter: { territoryId: "t", statu: OPEN }) { id } }').message,
          hidden,
        ),
      ).toMatchObject({
        reason: 'UNKNOWN_INPUT_FIELD',
        message: 'Le champ « statu » n’existe pas dans « Filter ».',
      });
    });

    it('names fields whose selection is missing or impossible', () => {
      expect(translateGraphqlJsMessage(onlyValidationError('{ me }').message, hidden)).toMatchObject({
        reason: 'SELECTION_REQUIRED',
        message: 'Le champ « me » (User) demande de sélectionner au moins un de ses sous-champs.',
      });
      expect(
        translateGraphqlJsMessage(onlyValidationError('{ me { id { x } } }').message, hidden),
      ).toMatchObject({
        reason: 'SELECTION_FORBIDDEN',
      });
    });

    it('names undeclared, unused and mistyped variables', () => {
      expect(
        translateGraphqlJsMessage(onlyValidationError('query Q { count(n: $n) }').message, hidden),
      ).toMatchObject({
        reason: 'UNDECLARED_VARIABLE',
        message: 'La variable « $n » est employée sans être déclarée par l’opération.',
      });
      expect(
        translateGraphqlJsMessage(onlyValidationError('query Q($n: Int) { me { id } }').message, hidden),
      ).toMatchObject({ reason: 'UNUSED_VARIABLE' });
      expect(
        translateGraphqlJsMessage(
          onlyValidationError('query Q($s: Status) { byStatus(status: $s) { id } }').message,
          hidden,
        ),
      ).toMatchObject({
        reason: 'VARIABLE_TYPE',
        message: 'La variable « $s » est de type « Status » là où le type « Status! » est attendu.',
      });
      const nonInput = validationErrors('query Q($u: User) { count(n: 1) }');
      expect(translateGraphqlJsMessage(nonInput[0].message, hidden).reason).toBe('VARIABLE_TYPE');
    });

    it('names an unknown type, fragment and directive', () => {
      const unknownType = validationErrors('query Q($n: Entier) { count(n: $n) }');
      expect(translateGraphqlJsMessage(unknownType[0].message, hidden)).toMatchObject({
        reason: 'UNKNOWN_TYPE',
        message: 'Le type « Entier » n’existe pas.',
      });
      expect(translateGraphqlJsMessage(onlyValidationError('{ me { ...F } }').message, hidden)).toMatchObject(
        {
          reason: 'UNKNOWN_FRAGMENT',
        },
      );
      expect(
        translateGraphqlJsMessage(onlyValidationError('{ me @cache { id } }').message, hidden),
      ).toMatchObject({
        reason: 'UNKNOWN_DIRECTIVE',
      });
    });

    it('translates fragments and operation rules', () => {
      const messages = [
        ...validationErrors('{ me { id } } fragment F on User { id }'),
        ...validationErrors('{ me { ... on Status { x } } }'),
        ...validationErrors('query A { me { id } } query A { me { name } }'),
        ...validationErrors('{ me { id } } { me { name } }'),
        ...validationErrors('{ me { id: name id } }'),
      ].map((error) => translateGraphqlJsMessage(error.message, hidden));
      for (const translated of messages) {
        expect(translated.reason).not.toBe('OTHER');
        expectFrench(translated);
      }
    });
  });

  it('names the operation problems found when choosing what to run', async () => {
    const twoOperations = await execute({
      schema,
      document: parse('query A { me { id } } query B { me { id } }'),
    });
    const unknownName = await execute({
      schema,
      document: parse('query A { me { id } }'),
      operationName: 'Z',
    });
    const noSubscription = await execute({ schema, document: parse('subscription { me { id } }') });
    expect(
      [twoOperations, unknownName, noSubscription].map(
        (result) => translateGraphqlJsMessage(result.errors![0].message, hidden).message,
      ),
    ).toEqual([
      'La requête contient plusieurs opérations : indiquez laquelle exécuter (« operationName »).',
      'L’opération « Z » ne figure pas dans la requête.',
      'Les opérations de type « subscription » ne sont pas disponibles.',
    ]);
  });

  describe('variables', () => {
    const query =
      'query Q($filter: Filter!, $status: Status!) { users(filter: $filter) { id } byStatus(status: $status) { id } }';

    it('names a missing variable with a stable BAD_USER_INPUT', () => {
      const [error] = variableErrors(query, { status: 'OPEN' });
      expect(translateGraphqlJsMessage(error.message, hidden)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'MISSING_VARIABLE',
        message: 'La variable « $filter » (Filter!) est obligatoire et n’a pas été fournie.',
      });
    });

    it('names an unknown enum value and drops the suggestion', () => {
      const [error] = variableErrors(query, { filter: { territoryId: 't' }, status: 'OPN' });
      expect(error.message).toContain('Did you mean');
      expect(translateGraphqlJsMessage(error.message, hidden)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_ENUM_VALUE',
        message:
          'La variable « $status » n’est pas valide : la valeur « OPN » ne fait pas partie de la liste « Status ».',
      });
    });

    it('does not repeat a value that is not a name', () => {
      const [error] = variableErrors(query, { filter: { territoryId: 't' }, status: 'Marie Dupont; 12 rue' });
      const translated = translateGraphqlJsMessage(error.message, hidden);
      expect(translated.reason).toBe('UNKNOWN_ENUM_VALUE');
      expect(translated.message).not.toContain('Marie');
    });

    it('points at the field inside the variable', () => {
      const wrongType = variableErrors(query, {
        filter: { territoryId: 't', first: 'cinquante' },
        status: 'OPEN',
      });
      expect(translateGraphqlJsMessage(wrongType[0].message, hidden)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_VALUE',
        field: 'first',
        fieldMessage: 'Un nombre entier est attendu.',
        message: 'La variable « $filter » n’est pas valide (« first ») : un nombre entier est attendu.',
      });
      const missing = variableErrors(query, { filter: { territoryId: 't', nested: {} }, status: 'OPEN' });
      expect(translateGraphqlJsMessage(missing[0].message, hidden)).toMatchObject({
        reason: 'MISSING_INPUT_FIELD',
        field: 'nested.label',
        message:
          'La variable « $filter » n’est pas valide (« nested.label ») : le champ « label » est obligatoire.',
      });
      const unknown = variableErrors(query, { filter: { territoryId: 't', statu: 'OPEN' }, status: 'OPEN' });
      expect(translateGraphqlJsMessage(unknown[0].message, hidden)).toMatchObject({
        reason: 'UNKNOWN_INPUT_FIELD',
        field: 'statu',
      });
      const nullInList = variableErrors(query, {
        filter: { territoryId: 't', tags: ['a', null] },
        status: 'OPEN',
      });
      expect(translateGraphqlJsMessage(nullInList[0].message, hidden)).toMatchObject({
        reason: 'NULL_VALUE',
        field: 'tags[1]',
      });
      const notAnObject = variableErrors(query, { filter: 'tout', status: 'OPEN' });
      expectFrench(translateGraphqlJsMessage(notAnObject[0].message, hidden));
    });

    it('reads the reason from the end even when the value holds "; "', () => {
      const [error] = variableErrors(query, {
        filter: { territoryId: 't', first: 'a; Field "x" is not defined by type "Filter".' },
        status: 'OPEN',
      });
      expect(translateGraphqlJsMessage(error.message, hidden)).toMatchObject({
        reason: 'INVALID_VALUE',
        field: 'first',
      });
    });

    it('says when the variables hold too many errors to list', () => {
      const operation = parse('query Q($a: Int, $b: Int) { count(n: $a) other: count(n: $b) }')
        .definitions[0] as OperationDefinitionNode;
      const errors = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        { a: 'x', b: 'y' },
        {
          maxErrors: 1,
        },
      ).errors!;
      expect(translateGraphqlJsMessage(errors.at(-1)!.message, hidden)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ERRORS',
      });
    });

    it('names a null given for a required variable', () => {
      const [error] = variableErrors(query, { filter: null, status: 'OPEN' });
      expect(translateGraphqlJsMessage(error.message, hidden)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NULL_VALUE',
        message: 'La variable « $filter » (Filter!) ne peut pas être nulle.',
      });
    });
  });

  describe('arguments, while executing', () => {
    it('names an argument whose variable is null', async () => {
      const result = await execute({
        schema,
        document: parse('query Q($s: Status = OPEN) { byStatus(status: $s) { id } }'),
        variableValues: { s: null },
        rootValue: { byStatus: () => [] },
      });
      expect(translateGraphqlJsMessage(result.errors![0].message, hidden)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'NULL_VALUE',
        message: 'L’argument « status » (Status!) ne peut pas être nul.',
      });
    });
  });

  describe('syntax', () => {
    it('answers GRAPHQL_PARSE_FAILED in French', () => {
      for (const query of [
        '{ me { id }',
        '{ me { id } ]',
        'query { me(id: "a) }',
        "{ me(id: 'a') }",
        '{ me { id } } ¤',
      ]) {
        const translated = translateGraphqlJsMessage(parseError(query).message, hidden);
        expect(translated.code).toBe('GRAPHQL_PARSE_FAILED');
        expect(translated.message).toMatch(/^Erreur de syntaxe/);
        expectFrench(translated);
      }
      expect(translateGraphqlJsMessage(parseError('{ me { id }').message, hidden).message).toBe(
        'Erreur de syntaxe : on attend un nom, et non la fin de la requête.',
      );
    });

    it('names the token and length limits with their maximum', () => {
      const tokens = translateGraphqlJsMessage(
        parseError('{ a b c d e f }', { maxTokens: 4 }).message,
        hidden,
      );
      expect(tokens).toEqual({
        code: 'GRAPHQL_PARSE_FAILED',
        reason: 'TOO_MANY_TOKENS',
        max: 4,
        message: 'La requête est trop longue (plus de 4 éléments).',
      });
      const length = translateGraphqlJsMessage(
        parseError('{ me { id } }', { maxSourceLength: 5 }).message,
        hidden,
      );
      expect(length).toMatchObject({ reason: 'TOO_LONG', max: 5 });
    });
  });

  describe('errors already public', () => {
    const dated = new GraphQLScalarType({
      name: 'Day',
      parseValue: () => {
        throw new GraphQLError('Cette date n’existe pas.', { extensions: { code: 'BAD_USER_INPUT' } });
      },
    });
    const withDay = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          on: {
            type: GraphQLInt,
            args: {
              input: { type: new GraphQLInputObjectType({ name: 'In', fields: { day: { type: dated } } }) },
            },
          },
        },
      }),
    });

    it('keeps the French of a project scalar refusing a variable, with the field', () => {
      const operation = parse('query Q($input: In) { on(input: $input) }')
        .definitions[0] as OperationDefinitionNode;
      const [error] = getVariableValues(withDay, operation.variableDefinitions ?? [], {
        input: { day: '2027-02-30' },
      }).errors!;
      expect(translateGraphqlJsError(error, hidden)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_VALUE',
        field: 'day',
        fieldMessage: 'Cette date n’existe pas.',
        message: 'Cette date n’existe pas.',
      });
    });

    it('leaves an error with its own code alone', () => {
      const own = new GraphQLError('La requête est trop profonde.', {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(translateGraphqlJsError(own, hidden)).toBeUndefined();
      expect(translateGraphqlJsError(new GraphQLError('Unknown type "X".'), hidden)?.reason).toBe(
        'UNKNOWN_TYPE',
      );
    });
  });

  it('answers in French what it does not recognise', () => {
    for (const message of [
      'Something new in graphql 17.',
      'Syntax Error: Something new.',
      'Variable "$x" did something new.',
    ]) {
      const translated = translateGraphqlJsMessage(message, { suggestions: true });
      expect(translated.message).not.toMatch(/new/);
      expectFrench(translated);
    }
  });
});
