import Fastify, { FastifyInstance } from 'fastify';
import { buildSchema, getOperationAST, OperationDefinitionNode, parse } from 'graphql';
import mercurius from 'mercurius';
import { coerceVariables } from './variables';

const sdl = `
  enum Order { OLDEST NEWEST }
  input Page { first: Int! = 50, order: Order! = NEWEST, after: String }
  input Filter { territoryId: ID!, page: Page! = {}, pages: [Page!] }
  type Query {
    events(filter: Filter!): String!
    count(first: Int! = 7): Int!
  }
`;
const schema = buildSchema(sdl);

const operationOf = (query: string): OperationDefinitionNode => getOperationAST(parse(query))!;

describe('coerceVariables', () => {
  it('writes in the defaults of input fields left out, at any depth and in lists', () => {
    const query = 'query ($filter: Filter!) { events(filter: $filter) }';
    const result = coerceVariables(
      schema,
      operationOf(query),
      { filter: { territoryId: 't', pages: [{ after: 'x' }] } },
      { hideSuggestions: true },
    );
    expect(result).toEqual({
      variables: {
        filter: {
          territoryId: 't',
          page: { first: 50, order: 'NEWEST' },
          pages: [{ first: 50, order: 'NEWEST', after: 'x' }],
        },
      },
    });
  });

  it("writes in a variable's own default and keeps what the client gave", () => {
    const result = coerceVariables(
      schema,
      operationOf('query ($n: Int! = 9) { count(first: $n) }'),
      {},
      {
        hideSuggestions: true,
      },
    );
    expect(result).toEqual({ variables: { n: 9 } });
    const given = coerceVariables(
      schema,
      operationOf('query ($n: Int! = 9) { count(first: $n) }'),
      { n: 3 },
      {
        hideSuggestions: true,
      },
    );
    expect(given).toEqual({ variables: { n: 3 } });
  });

  it("answers graphql-js's errors, without suggestions when asked", () => {
    const query = 'query ($filter: Filter!) { events(filter: $filter) }';
    const result = coerceVariables(
      schema,
      operationOf(query),
      { filter: { territoryId: 't', page: { order: 'NEWES' } } },
      { hideSuggestions: true },
    );
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Variable "$filter" got invalid value "NEWES" at "filter.page.order"; Value "NEWES" does not exist in "Order" enum.',
    ]);
  });
});

describe('Mercurius with jit and the coercion hook', () => {
  const query = 'query Q($filter: Filter!) { events(filter: $filter) }';
  const variables = { filter: { territoryId: 't' } };

  async function serve(withHook: boolean): Promise<FastifyInstance> {
    const app = Fastify();
    await app.register(mercurius, {
      schema: sdl,
      jit: 1,
      resolvers: {
        Query: {
          events: (_root: unknown, args: { filter: { page: { first: number; order: string } } }) =>
            `${args.filter.page.first} ${args.filter.page.order}`,
        },
      },
    });
    if (withHook) {
      app.graphql.addHook('preExecution', async (executedSchema, document, _context, given) => {
        const result = coerceVariables(executedSchema, getOperationAST(document)!, given, {
          hideSuggestions: true,
        });
        if (result.errors) throw result.errors[0];
        return { variables: result.variables };
      });
    }
    return app;
  }

  async function runThrice(app: FastifyInstance) {
    const answers = [];
    for (let run = 0; run < 3; run += 1) {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
      answers.push({ status: response.statusCode, body: response.json() as unknown });
    }
    return answers;
  }

  it('drops input defaults once the document is compiled, without the hook (the defect)', async () => {
    const app = await serve(false);
    const [first, second] = await runThrice(app);
    await app.close();
    expect(first).toEqual({ status: 200, body: { data: { events: '50 NEWEST' } } });
    // graphql-jit's own coercion ignores `page: Page! = {}` (Mercurius's formatter answers it with 200).
    expect(second.body).toEqual({
      data: null,
      errors: [expect.objectContaining({ message: expect.stringContaining('was not provided') })],
    });
  });

  it('answers the same three times with it', async () => {
    const app = await serve(true);
    const answers = await runThrice(app);
    await app.close();
    expect(answers).toEqual(Array(3).fill({ status: 200, body: { data: { events: '50 NEWEST' } } }));
  });
});
