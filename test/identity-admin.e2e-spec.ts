import { Role } from '@relais/access';
import { OrganisationKind, Territory, User } from '@relais/identity';
import { logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      kind
      finess
      siret
    }
  }
`;
const CREATE_USER = /* GraphQL */ `
  mutation ($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        email
        profession
        sharingCategory
        isHealthProfessional
      }
      setPasswordLink {
        sentByEmail
        link
        expiresAt
      }
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation ($input: GrantRoleInput!) {
    grantRole(input: $input) {
      roles
      status
      cellId
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      roles
    }
  }
`;
const SUSPEND = /* GraphQL */ `
  mutation ($input: MembershipTargetInput!) {
    suspendMembership(input: $input) {
      status
    }
  }
`;
const REACTIVATE = /* GraphQL */ `
  mutation ($input: MembershipTargetInput!) {
    reactivateMembership(input: $input) {
      status
    }
  }
`;
const ME = `query { me { id } }`;
const SET_PASSWORD = /* GraphQL */ `
  mutation ($input: SetPasswordInput!) {
    setPassword(input: $input)
  }
`;

describe('territory administration', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let admin: RoleSession;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    admin = sessions.TERRITORY_ADMIN;
  });
  afterAll(() => api.close());

  const countUsers = async (lastName: string) => api.dataSource.getRepository(User).countBy({ lastName });

  it('lets the territory admin create a partner and a user whose sharing category follows the rules', async () => {
    const landlord = await admin.client.expectData<{ createOrganisation: { id: string } }>(
      CREATE_ORGANISATION,
      {
        input: {
          territoryId: territory.id,
          name: 'Logis du Nord',
          kind: 'HOUSING',
          siret: '732 829 320 00074',
        },
      },
    );
    const created = await admin.client.expectData<{
      createUser: { user: Record<string, unknown>; setPasswordLink: { link: string } };
    }>(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: landlord.createOrganisation.id,
        email: '  Agent.Logis@Essai.Relais.Test ',
        firstName: 'Inès',
        lastName: 'Marchal',
        profession: 'NURSE',
        roles: ['REFERRER'],
      },
    });
    // A nurse employed by a landlord is still outside the circle of secret partagé.
    expect(created.createUser.user).toMatchObject({
      email: 'agent.logis@essai.relais.test',
      sharingCategory: 'NOT_LISTED',
      isHealthProfessional: false,
    });
    // The account has no password until its owner sets one through the link (a path without PUBLIC_URL).
    expect(created.createUser.setPasswordLink.link).toMatch(
      /^\/definir-mot-de-passe#jeton=[A-Za-z0-9_-]{43}$/,
    );
    const token = created.createUser.setPasswordLink.link.split('#jeton=')[1];
    await api.anonymous.expectData(SET_PASSWORD, {
      input: { token, newPassword: 'Printemps sur la Lys 2026' },
    });
    const { client } = await logInClient(
      api.anonymous,
      'agent.logis@essai.relais.test',
      'Printemps sur la Lys 2026',
    );
    expect((await client.request(ME)).errors).toBeUndefined();
  });

  it('refuses an admin of another territory', async () => {
    const elsewhere = await api.factory.territory();
    const otherAdmin = await api.factory.user({ territory: elsewhere, roles: [Role.TERRITORY_ADMIN] });
    const { client } = await logInClient(api.anonymous, otherAdmin.email, otherAdmin.password);
    const response = await client.request(SUSPEND, {
      input: { territoryId: territory.id, userId: sessions.REFERRER.userId },
    });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers bad input with BAD_USER_INPUT and French messages per field, and writes nothing', async () => {
    const organisation = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const response = await admin.client.request(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: organisation.id,
        email: 'pas-une-adresse',
        firstName: '',
        lastName: 'Invalide',
        profession: 'SOCIAL_WORKER',
        roles: [],
      },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = response.errors?.[0].extensions?.fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'email', message: "L'adresse e-mail n'est pas valide." },
        { field: 'firstName', message: 'Le prénom doit contenir entre 1 et 100 caractères.' },
        { field: 'roles', message: 'Au moins un rôle est nécessaire.' },
      ]),
    );
    expect(await countUsers('Invalide')).toBe(0);
  });

  it('refuses an invalid SIRET key and a duplicate e-mail with French messages', async () => {
    const siret = await admin.client.request(CREATE_ORGANISATION, {
      input: { territoryId: territory.id, name: 'Mauvais SIRET', kind: 'HOUSING', siret: '73282932000075' },
    });
    expect(siret.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'siret', message: "Le numéro SIRET n'est pas valide (clé de contrôle)." }],
    });
    const organisation = await api.factory.organisation(territory);
    const duplicate = await admin.client.request(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: organisation.id,
        email: sessions.REFERRER.email,
        firstName: 'Double',
        lastName: 'Doublon',
        profession: 'SOCIAL_WORKER',
        roles: ['CELL_MEMBER'],
      },
    });
    expect(duplicate.errors?.[0]).toMatchObject({
      message: 'Un compte existe déjà avec cette adresse e-mail.',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('grants and revokes roles', async () => {
    const user = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const cell = await api.factory.cell(territory);
    const granted = await admin.client.expectData<{ grantRole: { roles: string[]; cellId: string } }>(GRANT, {
      input: { territoryId: territory.id, userId: user.id, role: 'REFERRER', cellId: cell.id },
    });
    expect(granted.grantRole).toEqual({
      roles: ['CELL_MEMBER', 'REFERRER'],
      status: 'ACTIVE',
      cellId: cell.id,
    });
    const revoked = await admin.client.expectData<{ revokeRole: { roles: string[] } }>(REVOKE, {
      input: { territoryId: territory.id, userId: user.id, role: 'CELL_MEMBER' },
    });
    expect(revoked.revokeRole.roles).toEqual(['REFERRER']);
    const again = await admin.client.request(REVOKE, {
      input: { territoryId: territory.id, userId: user.id, role: 'CELL_MEMBER' },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('suspends a member, who is refused on the very next request, and reactivates them', async () => {
    const user = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    expect((await client.request(ME)).errors).toBeUndefined();

    const target = { territoryId: territory.id, userId: user.id };
    expect(await admin.client.expectData(SUSPEND, { input: target })).toEqual({
      suspendMembership: { status: 'SUSPENDED' },
    });
    const refused = await client.request(ME);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: "Votre accès est suspendu. Contactez l'administrateur de votre territoire.",
    });
    const twice = await admin.client.request(SUSPEND, { input: target });
    expect(twice.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    await admin.client.expectData(REACTIVATE, { input: target });
    expect((await client.request(ME)).errors).toBeUndefined();
  });

  it('lists the members of the territory with their roles, and only those', async () => {
    const elsewhere = await api.factory.territory();
    const outsider = await api.factory.user({ territory: elsewhere, roles: [Role.CELL_MEMBER] });
    const data = await admin.client.expectData<{
      territoryMembers: {
        edges: {
          node: { user: { id: string; email: string }; membership: { roles: string[]; status: string } };
        }[];
      };
    }>(
      `query ($t: ID!) { territoryMembers(territoryId: $t) { edges { node { user { id email } membership { roles status } } } } }`,
      {
        t: territory.id,
      },
    );
    const members = data.territoryMembers.edges.map((edge) => edge.node);
    const ids = members.map((member) => member.user.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(sessions).map((session) => session.userId)));
    expect(ids).not.toContain(outsider.id);
    const referrer = members.find((member) => member.user.id === sessions.REFERRER.userId);
    expect(referrer?.membership).toEqual({ roles: ['REFERRER'], status: 'ACTIVE' });
  });

  it('does not let an admin suspend themselves', async () => {
    const response = await admin.client.request(SUSPEND, {
      input: { territoryId: territory.id, userId: admin.userId },
    });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
