import {
  getIntrospectionQuery,
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { assertComplexityWithin, QueryLimits, queryLimitRules, structuralLimitRules } from './query-limits';

const Person: GraphQLObjectType = new GraphQLObjectType({
  name: 'Person',
  fields: () => ({
    name: { type: GraphQLString },
    friends: { type: new GraphQLList(Person), args: { first: { type: GraphQLInt } } },
  }),
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      person: { type: Person },
      people: {
        type: new GraphQLList(Person),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        // What `@Field({ complexity })` in @nestjs/graphql puts on the field config.
        extensions: {
          complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => args.first * childComplexity,
        },
      },
    },
  }),
});

const limits: QueryLimits = {
  maxDepth: 3,
  maxComplexity: 100,
  maxAliases: 2,
  maxOperations: 2,
  maxFieldRepeats: 3,
  maxRepeatedFields: 5,
  introspection: true,
};

function errorsOf(
  document: string,
  overrides: Partial<QueryLimits> = {},
  variables?: Record<string, unknown>,
) {
  return validate(schema, parse(document), [
    ...specifiedRules,
    ...queryLimitRules({ ...limits, ...overrides }, variables),
  ]);
}

const limitsOf = (errors: readonly GraphQLError[]) => errors.map((error) => error.extensions.limit);

describe('queryLimitRules', () => {
  describe('depth', () => {
    it('accepts a query at the limit and refuses one level deeper', () => {
      expect(errorsOf('{ person { friends { name } } }')).toEqual([]);

      const errors = errorsOf('{ person { friends { friends { name } } } }');

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe('La requête est trop profonde (profondeur 4, maximum 3).');
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'depth',
        max: 3,
        actual: 4,
      });
    });

    it('counts the fields reached through fragment spreads and inline fragments', () => {
      expect(errorsOf('{ person { ...F } } fragment F on Person { friends { name } }')).toEqual([]);
      expect(
        limitsOf(errorsOf('{ person { ...F } } fragment F on Person { friends { friends { name } } }')),
      ).toEqual(['depth']);
      expect(limitsOf(errorsOf('{ person { ... on Person { friends { friends { name } } } } }'))).toEqual([
        'depth',
      ]);
    });

    it('ends on fragment cycles, leaving them to the spec rule', () => {
      const errors = errorsOf(
        '{ person { ...A } } fragment A on Person { friends { ...B } } fragment B on Person { name ...A }',
      );

      expect(errors.map((error) => error.message)).toEqual([
        expect.stringMatching(/^Cannot spread fragment "A"/),
      ]);
    });

    it('measures a fragment once however often it is spread', () => {
      // Each fragment spreads the next twice: 2^40 paths if fragments were walked at every spread.
      const fragments = Array.from(
        { length: 40 },
        (_, index) => `fragment F${index} on Person { friends { name } ...F${index + 1} ...F${index + 1} }`,
      ).join(' ');
      const document = `{ person { ...F0 } } ${fragments} fragment F40 on Person { name }`;

      const errors = validate(
        schema,
        parse(document),
        queryLimitRules({ ...limits, maxDepth: 10, maxFieldRepeats: 100, maxRepeatedFields: 1000 }),
      );

      expect(errors.map((error) => error.message)).toEqual([
        'La requête est trop complexe (trop de sélections pour en calculer le coût, maximum 100).',
      ]);
    });

    it('does not count introspection fields', () => {
      const document =
        '{ person { friends { name } } __type(name: "Person") { fields { type { ofType { name } } } } }';

      expect(errorsOf(document)).toEqual([]);
    });
  });

  describe('aliases', () => {
    it('accepts the limit and refuses one more', () => {
      expect(errorsOf('{ a: person { name } b: person { name } }')).toEqual([]);

      const errors = errorsOf('{ a: person { name } b: person { name } person { c: name } }');

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe("La requête contient trop d'alias (3, maximum 2).");
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'aliases',
        max: 2,
        actual: 3,
      });
    });
  });

  describe('repeated fields', () => {
    it('accepts a field repeated up to the limit in one selection and refuses one more, naming it', () => {
      expect(errorsOf('{ person { name name name } }')).toEqual([]);

      const errors = errorsOf('{ person { name name name name } }');

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe('Le champ « name » est demandé 4 fois au même endroit (au plus 3).');
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'fieldRepeats',
        max: 3,
        actual: 4,
      });
    });

    it('counts an alias as the name it answers under', () => {
      expect(
        limitsOf(errorsOf('{ person { n: name n: name n: name n: name } }', { maxAliases: 10 })),
      ).toEqual(['fieldRepeats']);
    });

    it('counts what inline fragments and fragment spreads bring to the selection', () => {
      const inline = errorsOf(
        '{ person { name ... on Person { name } ... on Person { name ... on Person { name } } } }',
      );
      expect(limitsOf(inline)).toEqual(['fieldRepeats']);
      const spread = errorsOf(
        '{ person { name ...A ...B } } fragment A on Person { name ...B } fragment B on Person { name }',
      );
      expect(limitsOf(spread)).toEqual(['fieldRepeats']);
    });

    it('counts a fragment once per selection however often it is spread there, as graphql-js does', () => {
      expect(errorsOf('{ person { ...A ...A ...A ...A } } fragment A on Person { name }')).toEqual([]);
    });

    it('limits the repeats of the whole document, spread over many selections', () => {
      const errors = errorsOf(
        '{ person { name name friends { name name friends { name name } } } people(first: 1) { name name friends { name name friends { name name } } } }',
        {
          maxDepth: 5,
          maxComplexity: 1000,
        },
      );

      expect(limitsOf(errors)).toEqual(['repeatedFields']);
      expect(errors[0].message).toBe('La requête répète trop de champs (plus de 5 répétitions).');
    });

    it('ends on fragment cycles, leaving them to the spec rule', () => {
      const errors = errorsOf(
        '{ person { ...A } } fragment A on Person { name ...B } fragment B on Person { name ...A }',
      );
      expect(limitsOf(errors)).toEqual([undefined, undefined]);
    });

    it('refuses 500 duplicated fields with one error, from the shape alone', () => {
      const document = parse(`{ person { ${'name '.repeat(500)}} }`);
      const errors = validate(
        schema,
        document,
        structuralLimitRules({ ...limits, maxFieldRepeats: 10, maxRepeatedFields: 100 }),
      );

      expect(errors.map((error) => error.extensions.limit)).toEqual(['fieldRepeats', 'repeatedFields']);
      expect(errors[0].extensions.actual).toBe(500);
    });
  });

  describe('operations', () => {
    it('accepts the limit and refuses a document with more', () => {
      expect(errorsOf('query A { person { name } } query B { person { name } }')).toEqual([]);

      const errors = errorsOf(
        'query A { person { name } } query B { person { name } } query C { person { name } }',
      );

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe("La requête contient trop d'opérations (3, maximum 2).");
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'operations',
        max: 2,
        actual: 3,
      });
    });
  });

  describe('complexity', () => {
    // people: first × (name 1 + friends (1 + name 1)) = 3 × first
    const byVariable = 'query People($n: Int!) { people(first: $n) { name friends { name } } }';

    it('multiplies a list by the size given in the query', () => {
      expect(errorsOf('{ people(first: 33) { name friends { name } } }')).toEqual([]);

      const errors = errorsOf('{ people(first: 34) { name friends { name } } }');

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe('La requête est trop complexe (coût 102, maximum 100).');
      expect(errors[0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'complexity',
        max: 100,
        actual: 102,
      });
    });

    it('multiplies a list by the size given in the variables', () => {
      expect(errorsOf(byVariable, {}, { n: 10 })).toEqual([]);

      const errors = errorsOf(byVariable, {}, { n: 500 });

      expect(errors.map((error) => error.message)).toEqual([
        'La requête est trop complexe (coût 1500, maximum 100).',
      ]);
    });

    it('leaves an operation declaring variables alone when none are given, rather than guess', () => {
      expect(errorsOf(byVariable)).toEqual([]);
      expect(errorsOf('query People($n: Int = 500) { people(first: $n) { name } }')).toEqual([]);
    });

    it('leaves invalid variables to variable coercion', () => {
      expect(errorsOf(byVariable, {}, { n: 'beaucoup' })).toEqual([]);
    });

    it('measures each operation on its own, since one runs per request', () => {
      const document = 'query A { people(first: 20) { name } } query B { people(first: 20) { name } }';

      expect(errorsOf(document, { maxComplexity: 30 })).toEqual([]);
    });

    it('is also checked per request with the same error', () => {
      const document = parse(byVariable);

      expect(() => assertComplexityWithin(100, schema, document, { n: 10 })).not.toThrow();
      expect(() => assertComplexityWithin(100, schema, document, { n: 500 })).toThrow(
        expect.objectContaining({
          message: 'La requête est trop complexe (coût 1500, maximum 100).',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'complexity', max: 100, actual: 1500 },
        }),
      );
    });
  });

  describe('complexity checked per request on a cached document', () => {
    // No field declares a cost here: only @include/@skip, which read Boolean variables, change it.
    const Item: GraphQLObjectType = new GraphQLObjectType({
      name: 'Item',
      fields: () => ({ id: { type: GraphQLID }, parts: { type: new GraphQLList(Item) } }),
    });
    const plain = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { item: { type: Item, args: { id: { type: new GraphQLNonNull(GraphQLID) } } } },
      }),
    });
    // item 1 + id 1, and with the parts: + parts 1 + id 1 + parts 1 + id 1 = 6
    const document = parse(
      'query ($id: ID!, $deep: Boolean!) { item(id: $id) { id parts @include(if: $deep) { id parts { id } } } }',
    );

    it('answers again for every value of a Boolean variable, whatever was allowed before', () => {
      expect(() => assertComplexityWithin(5, plain, document, { id: 'a', deep: false })).not.toThrow();
      expect(() => assertComplexityWithin(5, plain, document, { id: 'b', deep: true })).toThrow(
        'La requête est trop complexe (coût 6, maximum 5).',
      );
      expect(() => assertComplexityWithin(5, plain, document, { id: 'a', deep: true })).toThrow(
        'La requête est trop complexe (coût 6, maximum 5).',
      );
      expect(() => assertComplexityWithin(6, plain, document, { id: 'a', deep: true })).not.toThrow();
      expect(() => assertComplexityWithin(5, plain, document, { id: 'c', deep: true })).toThrow(
        'La requête est trop complexe (coût 6, maximum 5).',
      );
    });

    it('reads every variable when a field declares its own cost', () => {
      const document = parse('query People($n: Int!, $id: String) { people(first: $n) { name } }');

      expect(() => assertComplexityWithin(100, schema, document, { n: 10, id: 'a' })).not.toThrow();
      expect(() => assertComplexityWithin(100, schema, document, { n: 101, id: 'a' })).toThrow(
        'La requête est trop complexe (coût 101, maximum 100).',
      );
    });
  });

  describe('introspection', () => {
    it('is refused once per document when turned off', () => {
      const errors = errorsOf('{ __schema { queryType { name } } __type(name: "Person") { name } }', {
        introspection: false,
      });

      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe("L'introspection du schéma est désactivée.");
      expect(errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection' });
    });

    it('still allows __typename when turned off', () => {
      expect(errorsOf('{ person { __typename name } }', { introspection: false })).toEqual([]);
    });

    it("accepts GraphiQL's introspection query under realistic limits when turned on", () => {
      const realistic: QueryLimits = {
        maxDepth: 8,
        maxComplexity: 1000,
        maxAliases: 15,
        maxOperations: 3,
        maxFieldRepeats: 10,
        maxRepeatedFields: 100,
        introspection: true,
      };

      expect(
        validate(schema, parse(getIntrospectionQuery()), [...specifiedRules, ...queryLimitRules(realistic)]),
      ).toEqual([]);
    });

    it('keeps recursive introspection bounded by the spec rules despite the depth exemption', () => {
      const errors = errorsOf(
        '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      );

      expect(errors.map((error) => error.message)).toEqual(['Maximum introspection depth exceeded']);
    });
  });
});
