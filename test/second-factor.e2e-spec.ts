import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory, User } from '@relais/identity';
import {
  GraphqlClient,
  LOG_IN,
  logInClient,
  secondFactorCode,
  secondFactorCodeAt,
  secondFactorStep,
} from '@relais/testing';
import { IdentityFactory } from '@relais/identity/testing';
import { randomBytes } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';

const ME = /* GraphQL */ `
  query {
    me {
      id
    }
  }
`;
const START = /* GraphQL */ `
  mutation ($input: SecondFactorEnrolmentInput!) {
    startSecondFactorEnrolment(input: $input) {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`;
const COMPLETE = /* GraphQL */ `
  mutation ($input: CompleteSecondFactorEnrolmentInput!) {
    completeSecondFactorEnrolment(input: $input) {
      session {
        accessToken
      }
      recoveryCodes
    }
  }
`;
const REGENERATE = /* GraphQL */ `
  mutation ($input: SecondFactorCodeInput!) {
    regenerateRecoveryCodes(input: $input)
  }
`;
const RESET = /* GraphQL */ `
  mutation ($input: ResetSecondFactorInput!) {
    resetSecondFactor(input: $input)
  }
`;
const POLICY = /* GraphQL */ `
  mutation ($input: SecondFactorPolicyInput!) {
    setSecondFactorPolicy(input: $input) {
      territoryId
      allMembers
    }
  }
`;
const AUDIT = /* GraphQL */ `
  query ($filter: AuditEventFilterInput!) {
    auditEvents(filter: $filter, first: 50) {
      edges {
        node {
          action
          actorUserId
          subjectId
          details
        }
      }
    }
  }
`;
const GENERIC_FAILURE =
  'Identifiants incorrects ou compte momentanément bloqué. Réessayez dans quelques minutes ou contactez votre administrateur.';

interface LogInAnswer {
  logIn: { accessToken: string };
}

describe('second factor (TOTP)', () => {
  let api: RunningApi;
  let territory: Territory;
  let admin: { user: User; client: GraphqlClient };
  let auditor: GraphqlClient;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const adminUser = await api.factory.user({
      territory,
      profession: Profession.ADMINISTRATIVE_STAFF,
      roles: [Role.TERRITORY_ADMIN],
    });
    admin = {
      user: adminUser,
      client: (await logInClient(api.anonymous, adminUser.email, adminUser.password)).client,
    };
    const auditorUser = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    auditor = (await logInClient(api.anonymous, auditorUser.email, auditorUser.password)).client;
  });
  afterAll(() => api.close());

  const logIn = (user: { email: string; password: string }, secondFactorCode?: string) =>
    api.anonymous.request<LogInAnswer>(LOG_IN, {
      input: { email: user.email, password: user.password, secondFactorCode },
    });

  async function coordinator(options: { secondFactor?: boolean; territory?: Territory } = {}) {
    const home = options.territory ?? territory;
    return api.factory.user({
      territory: home,
      organisation: await api.factory.organisation(home, OrganisationKind.MUNICIPAL),
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      secondFactor: options.secondFactor,
    });
  }

  async function securityEvents(action: string, subjectId: string) {
    const data = await auditor.expectData<{
      auditEvents: {
        edges: {
          node: { action: string; actorUserId: string | null; subjectId: string | null; details: string };
        }[];
      };
    }>(AUDIT, { filter: { territoryId: territory.id, action } });
    return data.auditEvents.edges.map((edge) => edge.node).filter((event) => event.subjectId === subjectId);
  }

  async function failureCount(userId: string): Promise<number> {
    const [row] = (await api.dataSource.query('SELECT failed_login_count FROM users WHERE id = $1', [
      userId,
    ])) as {
      failed_login_count: number;
    }[];
    return row.failed_login_count;
  }

  /** A six-digit code the test authenticator shows for none of the accepted steps. */
  function wrongCode(): string {
    const step = secondFactorStep(api.clock.now());
    const valid = new Set([step - 1, step, step + 1].map((s) => secondFactorCode(s)));
    return ['000000', '111111', '222222'].find((code) => !valid.has(code))!;
  }

  it('refuses a coordinator without the second factor, and admits them with it', async () => {
    const user = await coordinator();
    const withoutCode = await logIn(user);
    expect(withoutCode.data).toBeNull();
    expect(withoutCode.errors?.[0].extensions?.code).toBe('SECOND_FACTOR_REQUIRED');
    expect(withoutCode.errors?.[0].message).toMatch(/code à six chiffres/);
    expect(await api.dataSource.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(
      0,
    );

    const wrong = await logIn(user, wrongCode());
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(GENERIC_FAILURE);
    expect(await failureCount(user.id)).toBeGreaterThan(0);
    expect(await securityEvents('SECURITY_SECOND_FACTOR_FAILED', user.id)).toHaveLength(1);

    const right = await logIn(user, secondFactorCodeAt(api.clock.now()));
    expect(right.errors).toBeUndefined();
    const client = api.anonymous.withToken(right.data!.logIn.accessToken);
    expect((await client.expectData<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    expect(await failureCount(user.id)).toBe(0);
  });

  it('never accepts the same code twice, even sent twice at once', async () => {
    const user = await coordinator();
    const code = secondFactorCodeAt(api.clock.now());
    const answers = await Promise.all([logIn(user, code), logIn(user, code)]);
    expect(answers.filter((answer) => !answer.errors).length).toBe(1);
    expect(answers.filter((answer) => answer.errors?.[0].message === GENERIC_FAILURE).length).toBe(1);
    const replayed = await logIn(user, code);
    expect(replayed.errors?.[0].message).toBe(GENERIC_FAILURE);
    // The next step's code is new: accepted.
    api.clock.advance(30_000);
    expect((await logIn(user, secondFactorCodeAt(api.clock.now()))).errors).toBeUndefined();
  });

  it('forces an un-enrolled coordinator to enrol: token, QR code, first code, then a session and recovery codes', async () => {
    const user = await coordinator({ secondFactor: false });
    const refused = await logIn(user, '123456');
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const enrolmentToken = error?.extensions?.enrolmentToken as string;
    expect(enrolmentToken).toMatch(/^[\w-]{43}$/);
    const [stored] = (await api.dataSource.query(
      'SELECT token_hash FROM second_factor_enrolments WHERE user_id = $1',
      [user.id],
    )) as { token_hash: string }[];
    expect(stored.token_hash).not.toContain(enrolmentToken);

    const started = (
      await api.anonymous.expectData<{
        startSecondFactorEnrolment: { secret: string; otpauthUri: string; qrCodeSvg: string };
      }>(START, { input: { enrolmentToken } })
    ).startSecondFactorEnrolment;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Relais:${user.email}`);
    expect(uri.searchParams.get('issuer')).toBe('Relais');
    expect(started.qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    const wrong = await api.anonymous.request(COMPLETE, { input: { enrolmentToken, code: '12345a' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const step = secondFactorStep(api.clock.now());
    const completed = (
      await api.anonymous.expectData<{
        completeSecondFactorEnrolment: { session: { accessToken: string }; recoveryCodes: string[] };
      }>(COMPLETE, { input: { enrolmentToken, code: secondFactorCode(step, started.secret) } })
    ).completeSecondFactorEnrolment;
    expect(completed.recoveryCodes).toHaveLength(10);
    const client = api.anonymous.withToken(completed.session.accessToken);
    expect((await client.expectData<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    expect(await securityEvents('SECURITY_SECOND_FACTOR_ENROLLED', user.id)).toHaveLength(1);

    // At rest: the secret sealed, the recovery codes hashed.
    const [factor] = (await api.dataSource.query(
      'SELECT sealed_secret FROM second_factors WHERE user_id = $1',
      [user.id],
    )) as { sealed_secret: string }[];
    expect(factor.sealed_secret).not.toContain(started.secret);
    const hashes = (await api.dataSource.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [
      user.id,
    ])) as { code_hash: string }[];
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      for (const code of completed.recoveryCodes) expect(code_hash).not.toContain(code.replace(/-/g, ''));
    }

    // The token served once.
    const again = await api.anonymous.request(START, { input: { enrolmentToken } });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The enrolled authenticator signs in, from the next step (the first code's step is spent).
    expect((await logIn(user, secondFactorCode(step, started.secret))).errors?.[0].message).toBe(
      GENERIC_FAILURE,
    );
    expect((await logIn(user, secondFactorCode(step + 1, started.secret))).errors).toBeUndefined();

    // A recovery code works once, typed however.
    const recovery = completed.recoveryCodes[0];
    const withRecovery = await logIn(user, recovery.toLowerCase());
    expect(withRecovery.errors).toBeUndefined();
    expect(await securityEvents('SECURITY_RECOVERY_CODE_USED', user.id)).toHaveLength(1);
    expect((await logIn(user, recovery)).errors?.[0].message).toBe(GENERIC_FAILURE);
  });

  it('lets an enrolment token lapse after ten minutes', async () => {
    const user = await coordinator({ secondFactor: false });
    const enrolmentToken = (await logIn(user)).errors?.[0].extensions?.enrolmentToken as string;
    api.clock.advanceMinutes(11);
    const late = await api.anonymous.request(START, { input: { enrolmentToken } });
    expect(late.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(late.errors?.[0].message).toMatch(/expiré/);
  });

  it('renews recovery codes for a signed-in user who gives a current code; the former ones stop working', async () => {
    const user = await coordinator({ secondFactor: false });
    const enrolmentToken = (await logIn(user)).errors?.[0].extensions?.enrolmentToken as string;
    const { secret } = (
      await api.anonymous.expectData<{ startSecondFactorEnrolment: { secret: string } }>(START, {
        input: { enrolmentToken },
      })
    ).startSecondFactorEnrolment;
    const step = secondFactorStep(api.clock.now());
    const enrolled = (
      await api.anonymous.expectData<{
        completeSecondFactorEnrolment: { session: { accessToken: string }; recoveryCodes: string[] };
      }>(COMPLETE, { input: { enrolmentToken, code: secondFactorCode(step, secret) } })
    ).completeSecondFactorEnrolment;
    const client = api.anonymous.withToken(enrolled.session.accessToken);

    const refused = await client.request(REGENERATE, { input: { code: wrongCode() } });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const renewed = (
      await client.expectData<{ regenerateRecoveryCodes: string[] }>(REGENERATE, {
        input: { code: secondFactorCode(step + 1, secret) },
      })
    ).regenerateRecoveryCodes;
    expect(renewed).toHaveLength(10);
    expect(renewed).not.toContain(enrolled.recoveryCodes[0]);
    expect((await logIn(user, enrolled.recoveryCodes[0])).errors?.[0].message).toBe(GENERIC_FAILURE);
    expect((await logIn(user, renewed[0])).errors).toBeUndefined();
  });

  it('refuses new recovery codes while the account waits after failed codes, without ending the session', async () => {
    const user = await coordinator();
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    for (let failure = 0; failure < api.config.auth.delayAfterFailures; failure += 1) {
      const refused = await client.request(REGENERATE, { input: { code: wrongCode() } });
      expect(refused.errors?.[0].message).toBe(
        "Ce code n'est pas valide. Saisissez le code affiché en ce moment par votre application.",
      );
    }
    const waiting = await client.request(REGENERATE, { input: { code: wrongCode() } });
    expect(waiting.errors?.[0]).toMatchObject({
      message: 'Trop d’essais ont échoué : patientez quelques minutes avant de saisir un nouveau code.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // A web page treats UNAUTHENTICATED as the end of the session: this refusal must not read as one.
    expect((await client.request(ME)).errors).toBeUndefined();
  });

  it("lets the administrator reset a member's second factor: sessions end, enrolment is forced, the audit log says who", async () => {
    const user = await coordinator();
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    const reset = await admin.client.request(RESET, {
      input: { territoryId: territory.id, userId: user.id },
    });
    expect(reset.errors).toBeUndefined();
    expect(reset.data).toEqual({ resetSecondFactor: true });

    expect((await client.request(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const next = await logIn(user, secondFactorCodeAt(api.clock.now()));
    expect(next.errors?.[0].extensions?.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const [security] = await securityEvents('SECURITY_SECOND_FACTOR_RESET', user.id);
    expect(security.actorUserId).toBe(admin.user.id);
    const data = await auditor.expectData<{
      auditEvents: { edges: { node: { actorUserId: string; details: string } }[] };
    }>(AUDIT, { filter: { territoryId: territory.id, action: 'SECOND_FACTOR_RESET' } });
    const audited = data.auditEvents.edges
      .map((edge) => edge.node)
      .filter((event) => JSON.parse(event.details).userId === user.id);
    expect(audited).toHaveLength(1);
    expect(audited[0].actorUserId).toBe(admin.user.id);

    // Never one's own: a stolen administrator session must not swap the administrator's factor.
    const own = await admin.client.request(RESET, {
      input: { territoryId: territory.id, userId: admin.user.id },
    });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nor anyone's for a member.
    const byMember = await client.request(RESET, {
      input: { territoryId: territory.id, userId: admin.user.id },
    });
    expect(byMember.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an auditor sign in with a password only, until the territory asks every member for a second factor', async () => {
    const elsewhere = await api.factory.territory();
    const otherAdmin = await api.factory.user({
      territory: elsewhere,
      profession: Profession.ADMINISTRATIVE_STAFF,
      roles: [Role.TERRITORY_ADMIN],
    });
    const adminClient = (await logInClient(api.anonymous, otherAdmin.email, otherAdmin.password)).client;
    const reader = await api.factory.user({
      territory: elsewhere,
      roles: [Role.AUDITOR],
      secondFactor: false,
    });

    const passwordOnly = await logIn(reader);
    expect(passwordOnly.errors).toBeUndefined();

    const policy = await adminClient.expectData<{ setSecondFactorPolicy: { allMembers: boolean } }>(POLICY, {
      input: { territoryId: elsewhere.id, allMembers: true },
    });
    expect(policy.setSecondFactorPolicy.allMembers).toBe(true);
    const extended = await logIn(reader);
    expect(extended.errors?.[0].extensions?.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    await adminClient.expectData(POLICY, { input: { territoryId: elsewhere.id, allMembers: false } });
    expect((await logIn(reader)).errors).toBeUndefined();
  });
});

describe('second factor: rotating the key that seals the secrets', () => {
  let api: RunningApi;
  const formerKey = randomBytes(32);

  beforeAll(async () => {
    api = await startApi({
      SECOND_FACTOR_KEY: randomBytes(32).toString('base64'),
      SECOND_FACTOR_PREVIOUS_KEYS: formerKey.toString('hex'),
    });
  });
  afterAll(() => api.close());

  it('still opens a secret sealed under the former key, and seals it again under the new one at sign-in', async () => {
    const territory = await api.factory.territory();
    const user = await new IdentityFactory(api.dataSource, { secondFactorKey: formerKey }).user({
      territory,
      roles: [Role.COORDINATOR],
    });
    const sealed = async () =>
      (
        (await api.dataSource.query('SELECT sealed_secret FROM second_factors WHERE user_id = $1', [
          user.id,
        ])) as { sealed_secret: string }[]
      )[0].sealed_secret;
    const before = await sealed();

    const { client } = await logInClient(api.anonymous, user.email, user.password);
    expect((await client.expectData<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    const after = await sealed();
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);

    // The secret sealed again keeps working.
    api.clock.advance(30_000);
    const again = await api.anonymous.request<LogInAnswer>(LOG_IN, {
      input: {
        email: user.email,
        password: user.password,
        secondFactorCode: secondFactorCodeAt(api.clock.now()),
      },
    });
    expect(again.errors).toBeUndefined();
  });
});
