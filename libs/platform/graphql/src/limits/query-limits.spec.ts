import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { assertComplexityWithin, queryLimitRules } from './query-limits';

const schema: GraphQLSchema = buildSchema(`
  type Person { name: String, friends(first: Int): [Person] }
  type Query { person: Person, people(first: Int!): [Person] }
`);
// A list field declares its cost as size × children, as @nestjs/graphql's `complexity` option does.
schema.getQueryType()!.getFields().people.extensions = {
  complexity: ({ args, childComplexity }: { args: { first: number }; childComplexity: number }) =>
    args.first * childComplexity,
};

const limits = { maxDepth: 3, maxAliases: 2, maxOperations: 2, introspection: true };

function errorsOf(document: string, overrides: Partial<typeof limits> = {}) {
  return validate(schema, parse(document), [
    ...specifiedRules,
    ...queryLimitRules({ ...limits, ...overrides }),
  ]);
}

describe('query limit rules', () => {
  it('accepts a query at the depth limit and refuses one level deeper, in French', () => {
    expect(errorsOf('{ person { friends { name } } }')).toEqual([]);
    const [error] = errorsOf('{ person { friends { friends { name } } } }');
    expect(error.message).toBe('La requête est trop profonde (profondeur 4, maximum 3).');
    expect(error.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
      max: 3,
      actual: 4,
    });
  });

  it('counts depth through fragments', () => {
    const [error] = errorsOf(
      '{ person { ...Deep } } fragment Deep on Person { friends { friends { name } } }',
    );
    expect(error.extensions?.limit).toBe('depth');
  });

  it('caps aliases', () => {
    expect(errorsOf('{ a: person { name } b: person { name } }')).toEqual([]);
    const [error] = errorsOf('{ a: person { name } b: person { name } c: person { name } }');
    expect(error.message).toBe("La requête contient trop d'alias (3, maximum 2).");
  });

  it('caps operations per document', () => {
    const [error] = errorsOf(
      'query A { person { name } } query B { person { name } } query C { person { name } }',
    );
    expect(error.extensions?.limit).toBe('operations');
  });

  it('refuses introspection when it is off, once, and lets GraphiQL introspect when it is on', () => {
    const refused = errorsOf('{ __schema { queryType { name } } }', { introspection: false });
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toBe("L'introspection du schéma est désactivée.");
    const realistic = { maxDepth: 8, maxAliases: 15, maxOperations: 3, introspection: true };
    expect(
      validate(schema, parse(getIntrospectionQuery()), [...specifiedRules, ...queryLimitRules(realistic)]),
    ).toEqual([]);
  });
});

describe('query complexity', () => {
  const document = parse('query ($n: Int!) { people(first: $n) { name friends { name } } }');

  it('multiplies list costs by the requested size taken from the variables', () => {
    expect(() => assertComplexityWithin(100, schema, document, { n: 10 })).not.toThrow();
    let error: unknown;
    try {
      assertComplexityWithin(100, schema, document, { n: 500 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toMatch(
      /^La requête est trop complexe \(coût \d+, maximum 100\)\.$/,
    );
    expect((error as GraphQLError).extensions).toMatchObject({ limit: 'complexity', max: 100 });
  });
});
