import { Role } from '@relais/access';
import { AuthenticationService, SetPasswordToken, Territory } from '@relais/identity';
import { GraphqlClient, LOG_IN, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { eventually } from './support/reminder-fixtures';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const ME = `query { me { id } }`;
const CREATE_USER = /* GraphQL */ `
  mutation ($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
      }
      setPasswordLink {
        sentByEmail
        link
        expiresAt
      }
    }
  }
`;
const SET_PASSWORD = /* GraphQL */ `
  mutation ($input: SetPasswordInput!) {
    setPassword(input: $input)
  }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;
const ISSUE_LINK = /* GraphQL */ `
  mutation ($input: MembershipTargetInput!) {
    issueSetPasswordLink(input: $input) {
      sentByEmail
      link
      expiresAt
    }
  }
`;
const AUDIT_EVENTS = /* GraphQL */ `
  query ($filter: AuditEventFilterInput!) {
    auditEvents(filter: $filter, first: 50) {
      edges {
        node {
          action
          actorUserId
          details
        }
      }
    }
  }
`;
const GENERIC_FAILURE =
  'Identifiants incorrects ou compte momentanément bloqué. Réessayez dans quelques minutes ou contactez votre administrateur.';
const PASSPHRASE = 'un cheval brun mange des pommes vertes';
const LINK_REFUSED =
  "Ce lien n'est plus valable : il a déjà servi, il a expiré ou il est incomplet. Demandez-en un nouveau à l'administration de votre territoire.";

interface LinkAnswer {
  sentByEmail: boolean;
  link: string | null;
  expiresAt: string | null;
}

const tokenOf = (link: string | null) => (link ?? '').split('#jeton=')[1];

describe('passwords: set through a one-time link, changed while signed in, reset by the administrator', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL: 'https://relais.essai.test/', SET_PASSWORD_LINK_TTL_HOURS: '48' });
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
  });
  afterAll(() => api.close());

  const logIn = (email: string, password: string) =>
    api.anonymous.request(LOG_IN, { input: { email, password } });
  const setPassword = (token: string, newPassword: string) =>
    api.anonymous.request(SET_PASSWORD, { input: { token, newPassword } });

  const admin = (): GraphqlClient => sessions.TERRITORY_ADMIN.client;

  let counter = 0;
  async function createAccount(): Promise<{ id: string; email: string; link: LinkAnswer }> {
    counter += 1;
    const email = `nouveau-${counter}-${Date.now()}@essai.relais.test`;
    const created = await (
      await admin()
    ).expectData<{ createUser: { user: { id: string }; setPasswordLink: LinkAnswer } }>(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: sessions.CELL_MEMBER.organisationId,
        email,
        firstName: 'Mireille',
        lastName: 'Vasseur',
        profession: 'SOCIAL_WORKER',
        roles: ['CELL_MEMBER'],
      },
    });
    return { id: created.createUser.user.id, email, link: created.createUser.setPasswordLink };
  }

  async function securityEvents(subjectId: string) {
    const auditor = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { client } = await logInClient(api.anonymous, auditor.email, auditor.password);
    return async () =>
      (
        await client.expectData<{
          auditEvents: { edges: { node: { action: string; actorUserId: string | null; details: string } }[] };
        }>(AUDIT_EVENTS, { filter: { territoryId: territory.id, subjectId } })
      ).auditEvents.edges.map((edge) => edge.node);
  }

  it('creates an account without a password; it cannot sign in until its owner sets one through the link', async () => {
    const before = api.clock.now();
    const account = await createAccount();
    // No SMTP here: the link is shown, this once, with the token in the fragment.
    expect(account.link.sentByEmail).toBe(false);
    expect(account.link.link).toMatch(
      /^https:\/\/relais\.essai\.test\/definir-mot-de-passe#jeton=[A-Za-z0-9_-]{43}$/,
    );
    expect(new Date(account.link.expiresAt!).getTime()).toBe(before.getTime() + 48 * 3_600_000);
    // Only the token's hash is stored.
    const stored = await api.dataSource
      .getRepository(SetPasswordToken)
      .findOneByOrFail({ userId: account.id });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(tokenOf(account.link.link));

    // Whatever is typed before, the answer is that of any failure.
    const early = await logIn(account.email, PASSPHRASE);
    expect(early.errors?.[0]).toMatchObject({
      message: GENERIC_FAILURE,
      extensions: { code: 'UNAUTHENTICATED' },
    });

    expect((await setPassword(tokenOf(account.link.link), PASSPHRASE)).errors).toBeUndefined();
    const { client } = await logInClient(api.anonymous, account.email, PASSPHRASE);
    expect((await client.request(ME)).errors).toBeUndefined();

    const events = await eventually(await securityEvents(account.id), (found) =>
      found.some((event) => event.action === 'SECURITY_PASSWORD_SET'),
    );
    expect(events.find((event) => event.action === 'SECURITY_PASSWORD_SET')?.actorUserId).toBe(account.id);
    expect(JSON.stringify(events)).not.toContain(PASSPHRASE);
  });

  it('serves a link once, with one French answer for a used or unknown link', async () => {
    const used = await createAccount();
    expect((await setPassword(tokenOf(used.link.link), PASSPHRASE)).errors).toBeUndefined();
    const again = await setPassword(tokenOf(used.link.link), 'une autre phrase pour voir');
    const unknown = await setPassword('jeton-inconnu', PASSPHRASE);
    for (const response of [again, unknown]) {
      expect(response.errors?.[0]).toMatchObject({
        message: LINK_REFUSED,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    // The first password stays.
    await logInClient(api.anonymous, used.email, PASSPHRASE);
  });

  it('checks the policy at the link, field by field, and keeps the link for a better try', async () => {
    const account = await createAccount();
    const token = tokenOf(account.link.link);
    for (const [password, message] of [
      ['Azerty123456!', 'trop courant'],
      ['Motdepasse123!', 'trop courant'],
      ['Password123!', 'trop courant'],
      ['court', 'au moins 12 caractères'],
      ['Mireille-au-bord-du-canal', 'ni votre prénom'],
    ]) {
      const response = await setPassword(token, password);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'newPassword' });
      expect(response.errors?.[0].extensions?.fields?.[0].message).toContain(message);
    }
    expect((await setPassword(token, 'correct horse battery staple in paris')).errors).toBeUndefined();
  });

  it('changes the password: the current one is required, the other sessions end, this one stays', async () => {
    const user = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const first = (await logInClient(api.anonymous, user.email, user.password)).client;
    const second = await logInClient(api.anonymous, user.email, user.password);

    const wrong = await first.request(CHANGE_PASSWORD, {
      input: { currentPassword: 'Pas-le-bon-2026!', newPassword: PASSPHRASE },
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
    });
    const weak = await first.request(CHANGE_PASSWORD, {
      input: { currentPassword: user.password, newPassword: 'Azerty123456!' },
    });
    expect(weak.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'newPassword' });
    expect((await second.client.request(ME)).errors).toBeUndefined();

    expect(
      await first.expectData(CHANGE_PASSWORD, {
        input: { currentPassword: user.password, newPassword: PASSPHRASE },
      }),
    ).toEqual({ changePassword: true });
    expect((await first.request(ME)).errors).toBeUndefined();
    expect((await second.client.request(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await api.anonymous.request(
      `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }`,
      { input: { refreshToken: second.session.refreshToken } },
    );
    expect(refresh.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await logIn(user.email, user.password)).errors?.[0].message).toBe(GENERIC_FAILURE);
    api.clock.advance(30_000); // a fresh second-factor step for this account's third sign-in
    await logInClient(api.anonymous, user.email, PASSPHRASE);

    const events = await eventually(await securityEvents(user.id), (found) =>
      found.some((event) => event.action === 'SECURITY_PASSWORD_CHANGED'),
    );
    // The wrong current password counted as a failed sign-in.
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['SECURITY_PASSWORD_CHANGED', 'SECURITY_LOGIN_FAILED']),
    );
    expect(
      events.some(
        (event) =>
          event.action === 'SECURITY_LOGIN_FAILED' &&
          JSON.parse(event.details).reason === 'WRONG_CURRENT_PASSWORD',
      ),
    ).toBe(true);
  });

  it('lets the administrator reset an access: the old password and sessions end, a new link sets a new one', async () => {
    const user = await api.factory.user({ territory, roles: [Role.REFERRER] });
    const before = (await logInClient(api.anonymous, user.email, user.password)).client;
    const answer = await (
      await admin()
    ).expectData<{ issueSetPasswordLink: LinkAnswer }>(ISSUE_LINK, {
      input: { territoryId: territory.id, userId: user.id },
    });
    expect(answer.issueSetPasswordLink.sentByEmail).toBe(false);
    expect((await before.request(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await logIn(user.email, user.password)).errors?.[0].message).toBe(GENERIC_FAILURE);

    // A second reset replaces the first link.
    const newer = await (
      await admin()
    ).expectData<{ issueSetPasswordLink: LinkAnswer }>(ISSUE_LINK, {
      input: { territoryId: territory.id, userId: user.id },
    });
    expect(
      (await setPassword(tokenOf(answer.issueSetPasswordLink.link), PASSPHRASE)).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await setPassword(tokenOf(newer.issueSetPasswordLink.link), PASSPHRASE)).errors).toBeUndefined();
    await logInClient(api.anonymous, user.email, PASSPHRASE);

    const events = await eventually(await securityEvents(user.id), (found) =>
      found.some((event) => event.action === 'SECURITY_PASSWORD_SET'),
    );
    const resets = events.filter((event) => event.action === 'SECURITY_PASSWORD_RESET');
    expect(resets).toHaveLength(2);
    expect(resets.every((event) => event.actorUserId === sessions.TERRITORY_ADMIN.userId)).toBe(true);
  });

  it('does not let an administrator reset their own access', async () => {
    const client = admin();
    const own = await client.request(ISSUE_LINK, {
      input: { territoryId: territory.id, userId: sessions.TERRITORY_ADMIN.userId },
    });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await client.request(ME)).errors).toBeUndefined();
  });

  // Last but the logs: it moves the clock past every session's idle timeout.
  it('refuses a link past its lifetime, and the account still has no password', async () => {
    const late = await createAccount();
    api.clock.advance(48 * 3_600_000 + 1_000);
    const expired = await setPassword(tokenOf(late.link.link), PASSPHRASE);
    expect(expired.errors?.[0]).toMatchObject({
      message: LINK_REFUSED,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await logIn(late.email, PASSPHRASE)).errors?.[0].message).toBe(GENERIC_FAILURE);

    // A day later the housekeeping drops it.
    api.clock.advance(86_400_000);
    await api.app.get(AuthenticationService).purgeEndedSessions();
    expect(await api.dataSource.getRepository(SetPasswordToken).countBy({ userId: late.id })).toBe(0);
  });

  it('never writes passwords or links to the logs', () => {
    const logs = api.logs.text();
    expect(logs).not.toContain(PASSPHRASE);
    expect(logs).not.toContain('#jeton=');
    expect(logs).not.toMatch(/nouveau-\d+-\d+@/);
  });
});
