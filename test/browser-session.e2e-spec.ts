import { Role } from '@relais/access';
import { CLIENT_HEADER } from '@relais/graphql';
import { Territory } from '@relais/identity';
import { nextSecondFactorCode } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';

const LOG_IN = /* GraphQL */ `
  mutation ($input: LogInInput!) {
    logIn(input: $input) {
      accessTokenExpiresAt
    }
  }
`;
const ME = '{ me { id } }';
const REFRESH = 'mutation { refreshSession(input: {}) { accessTokenExpiresAt } }';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
  cookies: string[];
}

/** The `name=value` pairs a browser would send back, from `Set-Cookie` headers. */
function jar(setCookies: readonly string[]): string {
  return setCookies.map((line) => line.split(';')[0]).join('; ');
}

describe('browser sessions: httpOnly cookies, the web client header', () => {
  let api: RunningApi;
  let territory: Territory;
  let email: string;
  let password: string;

  /** A raw POST, as a browser's fetch sends it: cookies and headers chosen by the test. */
  const post = async (query: string, variables: object, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Answer['body'],
      cookies: response.headers.getSetCookie(),
    };
  };
  const signIn = (headers: Record<string, string>) => {
    // One second-factor step per sign-in: the api accepts each code once.
    api.clock.advance(30_000);
    return post(
      LOG_IN,
      { input: { email, password, secondFactorCode: nextSecondFactorCode(api.anonymous, email) } },
      headers,
    );
  };

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const user = await api.factory.user({ territory, roles: [Role.COORDINATOR] });
    ({ email, password } = user);
  });
  afterAll(() => api.close());

  it('sets both tokens as httpOnly, SameSite=Strict cookies for the web client, and nothing for other clients', async () => {
    const web = await signIn({ [CLIENT_HEADER]: 'web' });
    expect(web.body.errors).toBeUndefined();
    const names = web.cookies.map((line) => line.split('=')[0]).sort();
    expect(names).toEqual(['relais_refresh', 'relais_session']);
    for (const line of web.cookies) {
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; SameSite=Strict/);
      expect(line).toMatch(/; Path=\//);
      // Plain http here: the `__Host-` name and Secure are for https only.
      expect(line).not.toMatch(/; Secure/);
    }

    const other = await signIn({});
    expect(other.body.errors).toBeUndefined();
    expect(other.cookies).toEqual([]);
  });

  it('authenticates by cookie only together with the web client header', async () => {
    const { cookies } = await signIn({ [CLIENT_HEADER]: 'web' });
    const withHeader = await post(ME, {}, { cookie: jar(cookies), [CLIENT_HEADER]: 'web' });
    expect(withHeader.body.data?.me).toMatchObject({ id: expect.any(String) });

    // A cookie alone is what another site can make a browser send: refused, in French.
    const cookieOnly = await post(ME, {}, { cookie: jar(cookies) });
    expect(cookieOnly.body.data ?? null).toBeNull();
    expect(cookieOnly.body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CLIENT_HEADER_REQUIRED',
    });
    expect((cookieOnly.body.errors?.[0] as { message: string }).message).toMatch(/application Relais/);

    // And never over GET, header or not.
    const overGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent(ME)}`, {
      headers: { cookie: jar(cookies), [CLIENT_HEADER]: 'web' },
    });
    expect(overGet.status).toBe(405);
  });

  it('refreshes from the refresh cookie, rotating both cookies, and refuses the used one', async () => {
    const { cookies } = await signIn({ [CLIENT_HEADER]: 'web' });
    const refreshed = await post(REFRESH, {}, { cookie: jar(cookies), [CLIENT_HEADER]: 'web' });
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.cookies).toHaveLength(2);
    const after = await post(ME, {}, { cookie: jar(refreshed.cookies), [CLIENT_HEADER]: 'web' });
    expect(after.body.data?.me).toBeTruthy();

    // The refresh token of the first cookie was used: presenting it again ends the session.
    const replay = await post(REFRESH, {}, { cookie: jar(cookies), [CLIENT_HEADER]: 'web' });
    expect(replay.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const ended = await post(ME, {}, { cookie: jar(refreshed.cookies), [CLIENT_HEADER]: 'web' });
    expect(ended.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Without a cookie or a token there is nothing to refresh.
    const nothing = await post(REFRESH, {}, { [CLIENT_HEADER]: 'web' });
    expect(nothing.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the session ends and both cookies are expired', async () => {
    const { cookies } = await signIn({ [CLIENT_HEADER]: 'web' });
    const out = await post('mutation { logOut }', {}, { cookie: jar(cookies), [CLIENT_HEADER]: 'web' });
    expect(out.body.data?.logOut).toBe(true);
    expect(out.cookies.map((line) => line.split('=')[0]).sort()).toEqual([
      'relais_refresh',
      'relais_session',
    ]);
    for (const line of out.cookies) expect(line).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    const after = await post(ME, {}, { cookie: jar(cookies), [CLIENT_HEADER]: 'web' });
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
