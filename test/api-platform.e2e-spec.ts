import { Role } from '@relais/access';
import { logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';

describe('api platform: limits, health, headers', () => {
  let api: RunningApi;
  let client: Awaited<ReturnType<typeof logInClient>>['client'];

  beforeAll(async () => {
    api = await startApi({
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COMPLEXITY: '25',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_OPERATIONS: '2',
      BODY_LIMIT_BYTES: '4096',
      CORS_ORIGINS: 'https://relais.example.org',
    });
    const territory = await api.factory.territory();
    const user = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    client = (await logInClient(api.anonymous, user.email, user.password)).client;
  });
  afterAll(() => api.close());

  it('reports Postgres and Redis up at /health, with the queues', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: object;
      queues: Record<string, object>;
    };
    expect(body).toMatchObject({ status: 'up', checks: { postgres: 'up', redis: 'up' } });
    expect(Object.keys(body.queues).sort()).toEqual(['mail', 'maintenance', 'outbox', 'reminders']);
  });

  it('refuses an over-deep query before running it', async () => {
    const response = await client.request(
      `query { me { memberships { territory { settings { followUpRenewals } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' },
    });
    expect(response.errors?.[0].message).toMatch(/trop profonde/);
    expect(
      (await client.request(`query { me { memberships { territory { name } } } }`)).errors,
    ).toBeUndefined();
  });

  it('refuses an over-complex query', async () => {
    const fields =
      'id email firstName lastName profession sharingCategory isHealthProfessional organisationId';
    const response = await client.request(
      `query { me { ${fields} organisation { id name kind finess siret territoryId } memberships { id roles status territory { id name } cell { id name } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'complexity' },
    });
    expect(response.errors?.[0].message).toMatch(/trop complexe/);
  });

  it('caps aliases and operations per request', async () => {
    const aliases = Array.from({ length: 6 }, (_, index) => `a${index}: me { id }`).join(' ');
    const tooManyAliases = await client.request(`query { ${aliases} }`);
    expect(tooManyAliases.errors?.[0].extensions).toMatchObject({ limit: 'aliases' });
    const tooManyOperations = await client.request(
      `query A { me { id } } query B { me { id } } query C { me { id } }`,
      undefined,
    );
    expect(tooManyOperations.errors?.[0].extensions).toMatchObject({ limit: 'operations' });
  });

  it('refuses batched queries', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a body over the size limit', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query { me { id } } # ${'x'.repeat(8192)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('sends security headers, a request id, and CORS only to configured origins', async () => {
    const allowed = await fetch(`${api.url}/health`, { headers: { origin: 'https://relais.example.org' } });
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('strict-transport-security')).toContain('max-age');
    expect(allowed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://relais.example.org');
    const other = await fetch(`${api.url}/health`, { headers: { origin: 'https://ailleurs.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('api platform in production', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('turns introspection off', async () => {
    const response = await api.anonymous.request(`query { __schema { queryType { name } } }`);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection' },
    });
  });

  it('serves no GraphiQL page', async () => {
    const response = await fetch(`${api.url}/graphiql`);
    expect(response.status).toBe(404);
  });
});
