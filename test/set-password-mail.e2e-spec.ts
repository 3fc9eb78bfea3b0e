import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@relais/access';
import { SetPasswordToken, Territory } from '@relais/identity';
import {
  IsolatedDatabase,
  logInClient,
  provisionIsolatedDatabase,
  startSmtpSink,
  testConfig,
} from '@relais/testing';
import { createWorker } from '@relais/worker';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';

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
const ISSUE_LINK = /* GraphQL */ `
  mutation ($input: MembershipTargetInput!) {
    issueSetPasswordLink(input: $input) {
      sentByEmail
      link
    }
  }
`;
const SET_PASSWORD = /* GraphQL */ `
  mutation ($input: SetPasswordInput!) {
    setPassword(input: $input)
  }
`;
const PASSPHRASE = 'des tulipes rouges sur le quai de la gare';
const LINK = /https:\/\/relais\.essai\.test\/definir-mot-de-passe#jeton=([A-Za-z0-9_-]{43})/;

describe('set-password links by e-mail, when SMTP is configured', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    smtp = await startSmtpSink();
    const environment = {
      ...isolated.environment,
      OUTBOX_POLL_MS: '100',
      RECONCILE_EVERY_MS: '200',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://relais.essai.test',
    };
    api = await startApi(environment);
    worker = await createWorker(testConfig({ ...environment, LOG_LEVEL: 'silent' }), { clock: api.clock });
    await worker.init();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await isolated?.drop();
    await smtp?.stop();
  });

  it('mails the link of a new account in French, shows it to no one, and the link sets the password', async () => {
    const email = 'lien.courriel@essai.relais.test';
    const before = smtp.messages.length;
    const created = await sessions.TERRITORY_ADMIN.client.expectData<{
      createUser: { user: { id: string }; setPasswordLink: { sentByEmail: boolean; link: string | null } };
    }>(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: sessions.CELL_MEMBER.organisationId,
        email,
        firstName: 'Odile',
        lastName: 'Garnier',
        profession: 'SOCIAL_WORKER',
        roles: ['CELL_MEMBER'],
      },
    });
    expect(created.createUser.setPasswordLink).toEqual({ sentByEmail: true, link: null, expiresAt: null });

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('[Relais] Définissez votre mot de passe');
    expect(mail.text).toContain('Un compte Relais vient d’être créé pour vous');
    expect(mail.text).toContain('Ce lien ne sert qu’une fois et expire le');
    // The mail names no one: whoever reads it learns only that an account waits for a password.
    expect(mail.text).not.toContain('Odile');
    expect(mail.text).not.toContain('Garnier');
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    // The outbox carried the account's id only; the database holds the token's hash only.
    const [event] = (await api.dataSource.query(
      `SELECT payload::text AS payload FROM outbox_events WHERE subject_id = $1 AND type = 'user.set_password_link_requested'`,
      [created.createUser.user.id],
    )) as { payload: string }[];
    expect(event.payload).not.toContain(token!);
    const stored = await api.dataSource
      .getRepository(SetPasswordToken)
      .findBy({ userId: created.createUser.user.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token);

    expect(
      (await api.anonymous.request(SET_PASSWORD, { input: { token, newPassword: PASSPHRASE } })).errors,
    ).toBeUndefined();
    await logInClient(api.anonymous, email, PASSPHRASE);
  });

  it("mails the administrator's reset to the person, and the old password stops at once", async () => {
    const user = await api.factory.user({ territory, roles: [Role.REFERRER] });
    const before = smtp.messages.length;
    const answer = await sessions.TERRITORY_ADMIN.client.expectData<{
      issueSetPasswordLink: { sentByEmail: boolean; link: string | null };
    }>(ISSUE_LINK, { input: { territoryId: territory.id, userId: user.id } });
    expect(answer.issueSetPasswordLink).toEqual({ sentByEmail: true, link: null });

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual([user.email]);
    expect(mail.text).toContain('votre ancien mot de passe ne fonctionne plus');
    const token = LINK.exec(mail.text)?.[1];
    expect(
      (await api.anonymous.request(SET_PASSWORD, { input: { token, newPassword: PASSPHRASE } })).errors,
    ).toBeUndefined();
    await logInClient(api.anonymous, user.email, PASSPHRASE);
  });
});
