import { Role } from '@relais/access';
import { logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';

const ME = /* GraphQL */ `
  query Moi {
    me {
      id
      email
    }
  }
`;

/** The lines the api wrote for one request, read back from its log. */
function linesOf(api: RunningApi, requestId: string): Record<string, unknown>[] {
  return api.logs.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.reqId === requestId);
}

async function signedInClient(api: RunningApi) {
  const territory = await api.factory.territory();
  const organisation = await api.factory.organisation(territory);
  const user = await api.factory.user({ territory, organisation, roles: [Role.COORDINATOR] });
  return { ...(await logInClient(api.anonymous, user.email, user.password)), email: user.email };
}

describe('request log of the api', () => {
  it('writes no line for an ordinary request', async () => {
    const api = await startApi({ LOG_ACCESS_SAMPLE_RATE: '0', LOG_SLOW_REQUEST_MS: '600000' });
    try {
      const { client } = await signedInClient(api);
      const answer = await client.request(ME, {}, { 'x-request-id': 'ordinaire-0001' });
      expect(answer.errors).toBeUndefined();
      expect(answer.headers.get('x-request-id')).toBe('ordinaire-0001');
      expect(linesOf(api, 'ordinaire-0001')).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('writes one line with the request id for a slow request, without the query, its variables or who asked', async () => {
    const api = await startApi({ LOG_ACCESS_SAMPLE_RATE: '0', LOG_SLOW_REQUEST_MS: '1' });
    try {
      const { client, email } = await signedInClient(api);
      await client.request(ME, { nom: 'Camille' }, { 'x-request-id': 'lente-0001' });
      const lines = linesOf(api, 'lente-0001');
      expect(lines).toEqual([
        expect.objectContaining({
          level: 40,
          message: 'Requête lente',
          method: 'POST',
          path: '/graphql',
          statusCode: 200,
          durationMs: expect.any(Number),
        }),
      ]);
      const text = JSON.stringify(lines);
      for (const personal of ['Moi', 'Camille', email, 'authorization']) expect(text).not.toContain(personal);
    } finally {
      await api.close();
    }
  });
});
