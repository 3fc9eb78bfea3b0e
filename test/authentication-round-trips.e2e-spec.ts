import { Principal, Role } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import { activeMembershipsOf, AuthenticationService, OrganisationKind, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

/** The resolver refuses the unknown subject type before any query: only authentication is left. */
const AUTHENTICATION_ONLY = /* GraphQL */ `
  query ($id: ID!) {
    accessBasis(subjectType: "SujetInconnu", subjectId: $id) {
      basis
    }
  }
`;

/**
 * Every authenticated request starts by authenticating: it used to cost five round trips (a
 * transaction with its scope, the session, the memberships, the commit) and six when `last_seen_at`
 * moved; it is now one statement, `authenticate_session`, with the same outcomes.
 */
describe('authentication: one round trip per request', () => {
  let api: RunningApi;
  let territory: Territory;
  let counter: StatementCounter;

  beforeAll(async () => {
    // Idle before the access token expires, so that the session itself is found idle.
    api = await startApi({ SESSION_IDLE_TIMEOUT_MINUTES: '5' });
    territory = await api.factory.territory();
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  async function signedIn(roles: Role[] = [Role.COORDINATOR]) {
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const user = await api.factory.user({ territory, organisation, roles });
    const { client, session } = await logInClient(api.anonymous, user.email, user.password);
    return {
      client,
      userId: user.id,
      organisationId: organisation.id,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    };
  }

  const authenticateOnly = async (client: GraphqlClient, userId: string) =>
    counter.counted(() => client.request(AUTHENTICATION_ONLY, { id: userId }));

  async function sessionOf(userId: string) {
    const [row] = (await api.dataSource.query(
      `SELECT id, last_seen_at, ended_at, end_reason FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [userId],
    )) as { id: string; last_seen_at: Date; ended_at: Date | null; end_reason: string | null }[];
    return row;
  }

  it('costs one statement and no transaction, also when it moves last_seen_at on', async () => {
    const { client, userId } = await signedIn();
    const quiet = await authenticateOnly(client, userId);
    expect(quiet.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quiet.count).toEqual({
      data: [expect.stringMatching(/^\/\* prepared:authenticate \*\/ SELECT authenticate_session\(/)],
      control: 0,
      scope: 0,
    });

    const before = await sessionOf(userId);
    api.clock.advanceMinutes(2);
    const moving = await authenticateOnly(client, userId);
    expect(moving.count.data.length + moving.count.control + moving.count.scope).toBe(1);
    expect((await sessionOf(userId)).last_seen_at.getTime()).toBe(api.clock.now().getTime());
    expect((await sessionOf(userId)).last_seen_at.getTime()).toBeGreaterThan(before.last_seen_at.getTime());

    // Within the minute, the session is not written again.
    api.clock.advance(30_000);
    await authenticateOnly(client, userId);
    expect((await sessionOf(userId)).last_seen_at.getTime()).toBe(api.clock.now().getTime() - 30_000);
  });

  it('builds the principal the separate session and memberships queries built', async () => {
    const { userId, organisationId, accessToken } = await signedIn([Role.COORDINATOR, Role.REFERRER]);
    const principal = await api.app.get(AuthenticationService).authenticate(accessToken, 'req-1');
    const memberships = await api.app
      .get(ScopedDatabase)
      .run({ territoryIds: [], purpose: 'authentication' }, (manager) =>
        activeMembershipsOf(manager, userId),
      );
    expect(principal).toBeInstanceOf(Principal);
    expect(principal).toMatchObject({
      userId,
      sessionId: (await sessionOf(userId)).id,
      organisationId,
      organisationKind: OrganisationKind.HOUSING,
      requestId: 'req-1',
      now: api.clock.now(),
    });
    expect(principal.sharingCategory).toEqual(expect.any(String));
    expect(memberships).toHaveLength(1);
    expect(principal.memberships).toEqual(memberships);
    expect([...principal.memberships[0].roles].sort()).toEqual([Role.COORDINATOR, Role.REFERRER]);
  });

  it('ends an expired or idle session, and refuses a suspended access without ending it', async () => {
    const expired = await signedIn();
    await api.dataSource.query(`UPDATE sessions SET expires_at = $2 WHERE user_id = $1`, [
      expired.userId,
      new Date(api.clock.now().getTime() - 1000),
    ]);
    const expiredAnswer = await expired.client.request(AUTHENTICATION_ONLY, { id: expired.userId });
    expect(expiredAnswer.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: 'Votre session a expiré. Veuillez vous reconnecter.',
    });
    expect(await sessionOf(expired.userId)).toMatchObject({
      end_reason: 'EXPIRED',
      ended_at: api.clock.now(),
    });

    const suspended = await signedIn();
    await api.dataSource.query(`UPDATE memberships SET status = 'SUSPENDED' WHERE user_id = $1`, [
      suspended.userId,
    ]);
    const suspendedAnswer = await suspended.client.request(AUTHENTICATION_ONLY, { id: suspended.userId });
    expect(suspendedAnswer.errors?.[0]?.message).toBe(
      "Votre accès est suspendu. Contactez l'administrateur de votre territoire.",
    );
    expect(await sessionOf(suspended.userId)).toMatchObject({ ended_at: null });

    const idle = await signedIn();
    api.clock.advanceMinutes(api.config.auth.sessionIdleTimeoutMinutes + 1);
    const idleAnswer = await idle.client.request(AUTHENTICATION_ONLY, { id: idle.userId });
    expect(idleAnswer.errors?.[0]?.message).toBe('Votre session a expiré. Veuillez vous reconnecter.');
    expect(await sessionOf(idle.userId)).toMatchObject({ end_reason: 'IDLE_TIMEOUT' });
    // Ended stays ended, even once the clock would no longer call it idle.
    api.clock.advanceMinutes(-(api.config.auth.sessionIdleTimeoutMinutes + 1));
    const after = await idle.client.request(AUTHENTICATION_ONLY, { id: idle.userId });
    expect(after.errors?.[0]?.message).toBe('Votre session a expiré. Veuillez vous reconnecter.');
  });

  /**
   * A request checks its session in SQL (`authenticate_session`), a refresh in TypeScript
   * (`AuthenticationService.refresh`): the same rules written twice, held together here at their
   * edges, to the millisecond, on sessions placed by hand against the api's stopped clock.
   */
  it('ends a session at the same moments whether a request or a refresh finds it', async () => {
    const idleMs = api.config.auth.sessionIdleTimeoutMinutes * 60_000;
    const now = api.clock.now().getTime();
    const REFRESH = /* GraphQL */ `
      mutation ($input: RefreshSessionInput!) {
        refreshSession(input: $input) {
          accessToken
        }
      }
    `;
    const found = async (placed: { lastSeenAt: number; expiresAt?: number }) => {
      const [byRequest, byRefresh] = await Promise.all([signedIn(), signedIn()]);
      for (const { userId } of [byRequest, byRefresh]) {
        await api.dataSource.query(
          `UPDATE sessions SET last_seen_at = $2, expires_at = COALESCE($3, expires_at) WHERE user_id = $1`,
          [
            userId,
            new Date(placed.lastSeenAt),
            placed.expiresAt === undefined ? null : new Date(placed.expiresAt),
          ],
        );
      }
      const requested = await byRequest.client.request(AUTHENTICATION_ONLY, { id: byRequest.userId });
      const refreshed = await api.anonymous.request(REFRESH, {
        input: { refreshToken: byRefresh.refreshToken },
      });
      return {
        request: requested.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? 'refused' : 'accepted',
        refresh: refreshed.errors?.length ? 'refused' : 'accepted',
        endReasons: [
          (await sessionOf(byRequest.userId)).end_reason,
          (await sessionOf(byRefresh.userId)).end_reason,
        ],
      };
    };

    // Idle for exactly the limit: still open on both paths.
    expect(await found({ lastSeenAt: now - idleMs })).toEqual({
      request: 'accepted',
      refresh: 'accepted',
      endReasons: [null, null],
    });
    // One millisecond more: idle on both.
    expect(await found({ lastSeenAt: now - idleMs - 1 })).toEqual({
      request: 'refused',
      refresh: 'refused',
      endReasons: ['IDLE_TIMEOUT', 'IDLE_TIMEOUT'],
    });
    // Expiring at this very moment: expired on both, even though just seen.
    expect(await found({ lastSeenAt: now, expiresAt: now })).toEqual({
      request: 'refused',
      refresh: 'refused',
      endReasons: ['EXPIRED', 'EXPIRED'],
    });
    // One millisecond before its end: open on both.
    expect(await found({ lastSeenAt: now, expiresAt: now + 1 })).toEqual({
      request: 'accepted',
      refresh: 'accepted',
      endReasons: [null, null],
    });
  });

  it("leaves a calling transaction's purpose as it was: the account tables stay closed to it", async () => {
    const { userId } = await signedIn();
    const session = await sessionOf(userId);
    const seen = await api.app.get(ScopedDatabase).run({ territoryIds: [] }, async (manager) => {
      const [{ outcome }] = (await manager.query(
        `SELECT authenticate_session($1, $2, $3, $4, $5) AS outcome`,
        [session.id, userId, api.clock.now(), 60_000, 60_000],
      )) as { outcome: { outcome: string } }[];
      const [after] = (await manager.query(
        `SELECT current_setting('app.purpose') AS purpose, (SELECT count(*)::int FROM sessions) AS sessions`,
      )) as { purpose: string; sessions: number }[];
      return { outcome: outcome.outcome, ...after };
    });
    expect(seen).toEqual({ outcome: 'AUTHENTICATED', purpose: '', sessions: 0 });
  });
});
