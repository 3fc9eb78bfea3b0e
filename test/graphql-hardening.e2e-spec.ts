import { Role } from '@relais/access';
import { OrganisationKind, Profession, Session } from '@relais/identity';
import { GraphqlClient, LOG_IN, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { memberOf, planMeeting } from './support/referral-journey';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

function post(api: RunningApi, body: string, headers: Record<string, string>): Promise<Answer> {
  return fetch(`${api.url}/graphql`, { method: 'POST', headers, body }).then(answerOf);
}

function get(api: RunningApi, query: string, headers: Record<string, string> = {}, variables?: object) {
  const search = new URLSearchParams({ query, ...(variables && { variables: JSON.stringify(variables) }) });
  return fetch(`${api.url}/graphql?${search}`, { headers }).then(answerOf);
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
const messagesOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.message).join(' | ');

/** No graphql-js English, no suggestion: the words of its templates. */
function expectFrench(answer: Answer): void {
  expect(messagesOf(answer)).not.toMatch(
    /Did you mean|Vouliez-vous|Cannot query|Unknown|Expected|Variable "|Argument "|Field "|provided|Syntax Error/,
  );
}

const AUDIT_EVENTS = `query Events($filter: AuditEventFilterInput!) { auditEvents(filter: $filter) { edges { node { id action } } } }`;

describe('GraphQL hardening', () => {
  let api: RunningApi;
  let auditor: { client: GraphqlClient; email: string; password: string; id: string };
  let territoryId: string;

  beforeAll(async () => {
    api = await startApi();
    const territory = await api.factory.territory();
    territoryId = territory.id;
    const user = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    auditor = { client, email: user.email, password: user.password, id: user.id };
  });
  afterAll(() => api.close());

  const sessionsOf = (userId: string) => api.dataSource.getRepository(Session).countBy({ userId });

  describe('content types', () => {
    it('refuses a form-encoded mutation with 415 in French, before it runs', async () => {
      const before = await sessionsOf(auditor.id);
      const form = new URLSearchParams({
        query: LOG_IN,
        variables: JSON.stringify({ input: { email: auditor.email, password: auditor.password } }),
      });
      const answer = await post(api, form.toString(), {
        'content-type': 'application/x-www-form-urlencoded',
      });

      expect(answer.status).toBe(415);
      expect(answer.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Le corps de la requête doit être en JSON (Content-Type: application/json).',
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
          },
        ],
      });
      expect(await sessionsOf(auditor.id)).toBe(before);

      // The same mutation in JSON does run: the refusal above is the content type's alone.
      await api.anonymous.expectData(LOG_IN, { input: { email: auditor.email, password: auditor.password } });
      expect(await sessionsOf(auditor.id)).toBe(before + 1);
    });

    it('refuses multipart and text bodies, and takes application/graphql', async () => {
      const query = '{ me { id } }';
      const multipart = new FormData();
      multipart.append('query', query);
      const asMultipart = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auditor.client.accessToken}` },
        body: multipart,
      }).then(answerOf);
      expect([asMultipart.status, codeOf(asMultipart)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);

      const asText = await post(api, JSON.stringify({ query }), {
        'content-type': 'text/plain',
        authorization: `Bearer ${auditor.client.accessToken}`,
      });
      expect([asText.status, codeOf(asText)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);

      const asGraphql = await post(api, query, {
        'content-type': 'application/graphql',
        authorization: `Bearer ${auditor.client.accessToken}`,
      });
      expect(asGraphql.status).toBe(200);
      expect(asGraphql.body.data).toEqual({ me: { id: auditor.id } });
    });
  });

  describe('GET', () => {
    it('answers a query without cookie, refuses it with the session cookie', async () => {
      const bearer = { authorization: `Bearer ${auditor.client.accessToken}` };
      const plain = await get(api, '{ me { id } }', bearer);
      expect(plain.status).toBe(200);
      expect(plain.body.data).toEqual({ me: { id: auditor.id } });

      for (const cookie of ['relais_session=x', 'theme=clair; __Host-relais_session=x']) {
        const withCookie = await get(api, '{ me { id } }', { ...bearer, cookie });
        expect(withCookie.status).toBe(405);
        expect(withCookie.body.data ?? null).toBeNull();
        expect(codeOf(withCookie)).toBe('METHOD_NOT_ALLOWED');
        expect(messagesOf(withCookie)).toMatch(/cookie de session.*POST/);
      }
    });

    it('refuses a mutation, in French, and does not run it', async () => {
      const before = await sessionsOf(auditor.id);
      const answer = await get(
        api,
        LOG_IN,
        {},
        { input: { email: auditor.email, password: auditor.password } },
      );
      expect(answer.status).toBe(405);
      expect(answer.body.errors).toEqual([
        {
          message: 'Une modification (mutation) doit être envoyée en POST.',
          extensions: { code: 'METHOD_NOT_ALLOWED' },
        },
      ]);
      expect(await sessionsOf(auditor.id)).toBe(before);
    });

    it('refuses HEAD', async () => {
      const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
        method: 'HEAD',
      });
      expect(response.status).toBe(405);
    });
  });

  it('answers a malformed request in French, with 4xx', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [string, Promise<Answer>, number, string][] = [
      ['{}', post(api, '{}', json), 400, 'La requête ne contient pas de document GraphQL (« query »).'],
      ['null', post(api, 'null', json), 400, 'Le corps de la requête doit être un objet JSON'],
      ['JSON coupé', post(api, '{"query":', json), 400, "La requête n'a pas pu être lue."],
      [
        'deux opérations',
        post(api, JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), json),
        400,
        'indiquez laquelle exécuter',
      ],
      [
        'PUT',
        fetch(`${api.url}/graphql`, { method: 'PUT', headers: json, body: '{}' }).then(answerOf),
        404,
        'Cette adresse n’existe pas.',
      ],
    ];
    for (const [name, pending, status, message] of cases) {
      const answer = await pending;
      const text = answer.body.errors
        ? messagesOf(answer)
        : String((answer.body as { message?: string }).message);
      expect([name, answer.status, text]).toEqual([name, status, expect.stringContaining(message)]);
      expect(text).not.toMatch(/Cannot|Must provide|body must/);
    }
  });

  describe('limits, before anything costly', () => {
    it('refuses 500 duplicated fields', async () => {
      const answer = await auditor.client.request(`{ me { ${'id '.repeat(500)}} }`);
      expect(answer.status).toBe(400);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]).toEqual({
        message: 'Le champ « id » est demandé 500 fois au même endroit (au plus 10).',
        locations: [{ line: 1, column: 6 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fieldRepeats', max: 10, actual: 500 },
      });
    });

    it('caps the tokens of a GET as of a POST, in French', async () => {
      const query = `{ me { ${'id '.repeat(5001)}} }`;
      for (const answer of [
        await get(api, query),
        await answerOf(
          await fetch(`${api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          }),
        ),
      ]) {
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0]).toMatchObject({
          message: 'La requête est trop longue (plus de 5000 éléments).',
          extensions: { code: 'GRAPHQL_PARSE_FAILED', reason: 'TOO_MANY_TOKENS', limit: 'tokens', max: 5000 },
        });
      }
    });

    it('refuses an over-long query before parsing it', async () => {
      const answer = await auditor.client.request(`{ me { id } } # ${'x'.repeat(40_000)}`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({
        extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'length', max: 32_768 },
      });
    });

    it('refuses a JSON syntax tree given in place of a query', async () => {
      const tree = JSON.stringify({
        kind: 'Document',
        definitions: [
          {
            kind: 'OperationDefinition',
            operation: 'query',
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: '__typename' } }],
            },
          },
        ],
      });
      const answer = await api.anonymous.request(tree);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'La requête doit être un document GraphQL.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
    });
  });

  it('answers one operation with variables the same three times (input defaults kept once compiled)', async () => {
    const answers = [];
    for (let run = 0; run < 3; run += 1) {
      const answer = await auditor.client.request(AUDIT_EVENTS, { filter: { territoryId } });
      answers.push({ status: answer.status, data: answer.data, errors: answer.errors });
    }
    expect(answers[0]).toEqual({
      status: 200,
      data: { auditEvents: { edges: expect.any(Array) } },
      errors: undefined,
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  describe('graphql-js messages, in French', () => {
    it('names an unknown enum value, literal or variable', async () => {
      const literal = await auditor.client.request(
        `{ auditEvents(filter: { territoryId: "${territoryId}", category: SECURIT }) { edges { node { id } } } }`,
      );
      expect(literal.status).toBe(400);
      expect(literal.errors?.[0]).toMatchObject({
        message:
          'La valeur « SECURIT » ne fait pas partie de la liste « AuditEventCategory ». Vouliez-vous dire « SECURITY » ?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'UNKNOWN_ENUM_VALUE' },
      });
      const variable = await auditor.client.request(AUDIT_EVENTS, {
        filter: { territoryId, category: 'SECURIT' },
      });
      expect(variable.status).toBe(400);
      expect(variable.errors).toEqual([
        {
          message:
            'La variable « $filter » n’est pas valide (« category ») : la valeur « SECURIT » ne fait pas partie de la liste « AuditEventCategory ». Vouliez-vous dire « SECURITY » ?',
          locations: [{ line: 1, column: 14 }],
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'UNKNOWN_ENUM_VALUE',
            fields: [
              {
                field: 'category',
                message: 'La valeur « SECURIT » ne fait pas partie de la liste « AuditEventCategory ».',
              },
            ],
            suggestions: ['SECURITY'],
          },
        },
      ]);
    });

    it('names a missing variable', async () => {
      const answer = await auditor.client.request(AUDIT_EVENTS, {});
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'La variable « $filter » (AuditEventFilterInput!) est obligatoire et n’a pas été fournie.',
        extensions: { code: 'BAD_USER_INPUT', reason: 'MISSING_VARIABLE' },
      });
    });

    it('names an unknown field with its type, and in development suggests in French', async () => {
      const answer = await auditor.client.request('{ me { emial } }');
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'Le champ « emial » n’existe pas sur le type « Me ». Vouliez-vous dire « email » ?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'UNKNOWN_FIELD', suggestions: ['email'] },
      });
    });

    it('answers a syntax error in French', async () => {
      const answer = await auditor.client.request('{ me { id }');
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', reason: 'SYNTAX' });
      expect(answer.errors?.[0].message).toMatch(/^Erreur de syntaxe/);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on GraphQL answers, errors and refusals included', async () => {
      const answers = [
        await auditor.client.request('{ me { id } }'),
        await auditor.client.request('{ me { emial } }'),
        await api.anonymous.request('{ me { id } }'),
      ];
      for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
      const refused = await post(api, 'query=x', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(refused.headers.get('cache-control')).toBe('no-store');
      const health = await fetch(`${api.url}/health`);
      expect(health.headers.get('cache-control')).toBe('no-store');
    });

    it('is no-store on a document download and on its refusals', async () => {
      const territory = await api.factory.territory();
      const cell = await api.factory.cell(territory);
      const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
      const coordinator = await memberOf(
        api,
        territory,
        town,
        Profession.CLSM_COORDINATOR,
        [Role.COORDINATOR],
        cell,
      );
      const meetingId = await planMeeting(
        coordinator.client,
        cell.id,
        new Date(Date.now() + 30 * 86_400_000),
      );
      const bearer = { authorization: `Bearer ${coordinator.client.accessToken}` };

      const pdf = await fetch(`${api.url}/documents/meetings/${meetingId}/agenda.pdf`, { headers: bearer });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('cache-control')).toBe('no-store');

      const unknown = await fetch(`${api.url}/documents/meetings/${crypto.randomUUID()}/agenda.pdf`, {
        headers: bearer,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('cache-control')).toBe('no-store');
      const anonymous = await fetch(`${api.url}/documents/meetings/${meetingId}/agenda.pdf`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('cache-control')).toBe('no-store');
    });
  });
});

describe('GraphQL hardening in production', () => {
  let api: RunningApi;
  let client: GraphqlClient;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production', GRAPHQL_MAX_FIELD_REPEATS: '3' });
    const territory = await api.factory.territory();
    const user = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    client = (await logInClient(api.anonymous, user.email, user.password)).client;
  });
  afterAll(() => api.close());

  it('gives no suggestion, for an unknown field, argument, enum value or variable value', async () => {
    const answers = [
      await client.request('{ me { emial } }'),
      await client.request('{ me(i: 1) { id } }'),
      await client.request(
        `{ auditEvents(filter: { territoryId: "x", category: SECURIT }) { edges { node { id } } } }`,
      ),
      await client.request(AUDIT_EVENTS, { filter: { territoryId: 'x', category: 'SECURIT', frist: 2 } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) expect(error.extensions?.suggestions).toBeUndefined();
      expectFrench({ status: answer.status, headers: answer.headers, body: { errors: answer.errors } });
    }
    expect(answers[0].errors?.[0].message).toBe('Le champ « emial » n’existe pas sur le type « Me ».');
  });

  it('takes its repeat limit from the configuration', async () => {
    expect((await client.request('{ me { id id id } }')).errors).toBeUndefined();
    const answer = await client.request('{ me { id id id id } }');
    expect(answer.errors?.[0].extensions).toMatchObject({ limit: 'fieldRepeats', max: 3, actual: 4 });
  });
});
