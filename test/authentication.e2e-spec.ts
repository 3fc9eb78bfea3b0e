import { Role } from '@relais/access';
import { PasswordHasher, Territory } from '@relais/identity';
import { GraphqlClient, LOG_IN, logInClient, secondFactorCodeAt } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { eventually } from './support/reminder-fixtures';

const ME = /* GraphQL */ `
  query {
    me {
      id
      email
      sharingCategory
      isHealthProfessional
      organisation {
        name
      }
      memberships {
        roles
        status
        territory {
          name
        }
      }
    }
  }
`;
const REFRESH = /* GraphQL */ `
  mutation Refresh($input: RefreshSessionInput!) {
    refreshSession(input: $input) {
      accessToken
      refreshToken
    }
  }
`;
const AUDIT_EVENTS = /* GraphQL */ `
  query ($filter: AuditEventFilterInput!) {
    auditEvents(filter: $filter, first: 50) {
      edges {
        node {
          action
          details
        }
      }
    }
  }
`;
const GENERIC_FAILURE =
  'Identifiants incorrects ou compte momentanément bloqué. Réessayez dans quelques minutes ou contactez votre administrateur.';

describe('logging in and sessions', () => {
  let api: RunningApi;
  let territory: Territory;

  beforeAll(async () => {
    api = await startApi({
      LOGIN_DELAY_AFTER_FAILURES: '3',
      LOGIN_LOCKOUT_AFTER_FAILURES: '6',
      LOGIN_LOCKOUT_MINUTES: '15',
    });
    territory = await api.factory.territory();
  });
  afterAll(() => api.close());

  // The accounts' authenticator answers too (the factory enrols them): these tests are about the password.
  const logIn = (email: string, password: string) =>
    api.anonymous.request(LOG_IN, {
      input: { email, password, secondFactorCode: secondFactorCodeAt(api.clock.now()) },
    });

  async function freshUser(roles: Role[] = [Role.CELL_MEMBER]) {
    return api.factory.user({ territory, roles });
  }

  it('logs in with the right password and answers `me` with the memberships', async () => {
    const user = await freshUser([Role.REFERRER, Role.CELL_MEMBER]);
    const response = await logIn(user.email.toUpperCase(), user.password);
    expect(response.errors).toBeUndefined();
    const { logIn: session } = response.data as { logIn: { accessToken: string } };
    const me = await api.anonymous
      .withToken(session.accessToken)
      .expectData<{ me: Record<string, unknown> }>(ME);
    expect(me.me).toMatchObject({
      id: user.id,
      email: user.email,
      sharingCategory: 'SOCIAL_MEDICOSOCIAL',
      isHealthProfessional: false,
      memberships: [
        { roles: ['REFERRER', 'CELL_MEMBER'], status: 'ACTIVE', territory: { name: territory.name } },
      ],
    });
  });

  it('answers a wrong password and an unknown address with the very same message', async () => {
    const user = await freshUser();
    const wrong = await logIn(user.email, 'Pas-le-bon-2026!');
    const unknown = await logIn('personne@inconnu.relais.test', 'Pas-le-bon-2026!');
    for (const response of [wrong, unknown]) {
      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({
        message: GENERIC_FAILURE,
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(JSON.stringify(wrong.errors)).toBe(JSON.stringify(unknown.errors));
  });

  it('slows down repeated failures, then locks the account, with the same message throughout', async () => {
    const user = await freshUser();
    for (let attempt = 0; attempt < 3; attempt++) await logIn(user.email, 'Mauvais-essai-01!');
    // Third failure: the next try is only accepted after a short wait, even with the right password.
    const tooSoon = await logIn(user.email, user.password);
    expect(tooSoon.errors?.[0].message).toBe(GENERIC_FAILURE);
    api.clock.advance(2_000);
    expect((await logIn(user.email, user.password)).errors).toBeUndefined();

    for (let attempt = 0; attempt < 6; attempt++) {
      await logIn(user.email, 'Mauvais-essai-02!');
      api.clock.advance(60_000); // past each growing delay, so every failure is counted
    }
    const locked = await logIn(user.email, user.password);
    expect(locked.errors?.[0].message).toBe(GENERIC_FAILURE);
    api.clock.advanceMinutes(16);
    expect((await logIn(user.email, user.password)).errors).toBeUndefined();
  });

  it('counts simultaneous guesses before hashing: 30 at once cost the delay threshold in hash checks, then one per delay until the lockout', async () => {
    const user = await freshUser();
    const auditor = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { delayAfterFailures, lockoutAfterFailures } = api.config.auth;
    // Counts the hash checks the api really performs (the decoy spent on a refusal is not one).
    const verify = jest.spyOn(api.app.get(PasswordHasher), 'verify');
    try {
      const burst = (count: number, password = 'Mauvais-essai-03!') =>
        Promise.all(Array.from({ length: count }, () => logIn(user.email, password)));

      const first = await burst(30);
      expect(first.every((response) => response.errors?.[0].message === GENERIC_FAILURE)).toBe(true);
      expect(verify).toHaveBeenCalledTimes(delayAfterFailures);
      // The delay runs: even the right password is refused, and not checked.
      expect((await logIn(user.email, user.password)).errors?.[0].message).toBe(GENERIC_FAILURE);
      expect(verify).toHaveBeenCalledTimes(delayAfterFailures);

      // Past each delay, a new burst gets one check only, until the lockout starts.
      for (let failures = delayAfterFailures + 1; failures <= lockoutAfterFailures; failures++) {
        api.clock.advance(60_000);
        await burst(10);
        expect(verify).toHaveBeenCalledTimes(failures);
      }
      api.clock.advanceMinutes(api.config.auth.lockoutMinutes - 1);
      expect((await logIn(user.email, user.password)).errors?.[0].message).toBe(GENERIC_FAILURE);
      expect(verify).toHaveBeenCalledTimes(lockoutAfterFailures);
    } finally {
      verify.mockRestore();
    }

    // The auditor finds each counted failure and the lockout, without address or password.
    const { client } = await logInClient(api.anonymous, auditor.email, auditor.password);
    const events = await eventually(
      async () =>
        (
          await client.expectData<{
            auditEvents: { edges: { node: { action: string; details: string } }[] };
          }>(AUDIT_EVENTS, { filter: { territoryId: territory.id, subjectId: user.id } })
        ).auditEvents.edges.map((edge) => edge.node),
      (found) => found.some((event) => event.action === 'SECURITY_ACCOUNT_LOCKED'),
    );
    const failures = events.filter((event) => event.action === 'SECURITY_LOGIN_FAILED');
    expect(failures.map((event) => JSON.parse(event.details).failureCount).sort((a, b) => a - b)).toEqual(
      Array.from({ length: lockoutAfterFailures }, (_, index) => index + 1),
    );
    expect(failures.every((event) => JSON.parse(event.details).reason === 'WRONG_PASSWORD')).toBe(true);
    expect(events.filter((event) => event.action === 'SECURITY_ACCOUNT_LOCKED')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(user.email);
    expect(JSON.stringify(events)).not.toContain('Mauvais-essai');

    // The lockout ends; the right password opens a session.
    api.clock.advanceMinutes(2);
    await logInClient(api.anonymous, user.email, user.password);
  });

  it('writes a refusal for an unknown address as a log line without the address', async () => {
    await logIn('inconnu.journal@essai.relais.test', 'Pas-le-bon-2026!');
    const line = await eventually(
      async () =>
        api.logs.lines.filter(
          (entry) => entry.includes('SECURITY_LOGIN_FAILED') && entry.includes('UNKNOWN_ACCOUNT'),
        ),
      (lines) => lines.length > 0,
    );
    expect(line.join('')).not.toContain('inconnu.journal');
  });

  it('rotates refresh tokens and, when an old one comes back, ends the whole session', async () => {
    const user = await freshUser();
    const first = (await logIn(user.email, user.password)).data as { logIn: { refreshToken: string } };
    const second = await api.anonymous.expectData<{
      refreshSession: { accessToken: string; refreshToken: string };
    }>(REFRESH, { input: { refreshToken: first.logIn.refreshToken } });
    expect(second.refreshSession.refreshToken).not.toBe(first.logIn.refreshToken);
    const current = api.anonymous.withToken(second.refreshSession.accessToken);
    expect((await current.request(ME)).errors).toBeUndefined();

    const replay = await api.anonymous.request(REFRESH, {
      input: { refreshToken: first.logIn.refreshToken },
    });
    expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The thief's replay revoked the family: the legitimate newest token and access token die too.
    const afterReuse = await api.anonymous.request(REFRESH, {
      input: { refreshToken: second.refreshSession.refreshToken },
    });
    expect(afterReuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await current.request(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const user = await freshUser();
    const { logIn: session } = (await logIn(user.email, user.password)).data as {
      logIn: { accessToken: string; refreshToken: string };
    };
    const client = api.anonymous.withToken(session.accessToken);
    expect(await client.expectData(`mutation { logOut }`)).toEqual({ logOut: true });
    expect((await client.request(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await api.anonymous.request(REFRESH, { input: { refreshToken: session.refreshToken } });
    expect(refresh.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends an idle session', async () => {
    const user = await freshUser();
    const { logIn: session } = (await logIn(user.email, user.password)).data as {
      logIn: { accessToken: string; refreshToken: string };
    };
    api.clock.advanceMinutes(api.config.auth.sessionIdleTimeoutMinutes + 1);
    const refresh = await api.anonymous.request(REFRESH, { input: { refreshToken: session.refreshToken } });
    expect(refresh.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: 'Votre session a expiré. Veuillez vous reconnecter.',
    });
  });

  it('refuses requests without a valid access token', async () => {
    const none = await api.anonymous.request(ME);
    expect(none.errors?.[0]).toMatchObject({
      message: 'Veuillez vous connecter.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const forged = await new GraphqlClient(api.url, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid').request(
      ME,
    );
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never writes the e-mail addresses or passwords used here to the logs', () => {
    const logs = api.logs.text();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toMatch(/@essai\.relais\.test/);
    expect(logs).not.toContain('Essai-Relais-2026!');
    expect(logs).not.toContain('Mauvais-essai');
    expect(logs).not.toContain('personne@inconnu');
  });
});
