import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Cell, Membership, Territory, User } from '@relais/identity';
import { logInClient } from '@relais/testing';
import { randomBytes } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { runOperationsCommand } from './support/operations-command';

const PUBLIC_URL = 'https://relais.essai.test';
const SET_PASSWORD = /* GraphQL */ `
  mutation ($input: SetPasswordInput!) {
    setPassword(input: $input)
  }
`;
const MY_TERRITORIES = /* GraphQL */ `
  query {
    me {
      email
      memberships {
        roles
        territory {
          id
          name
        }
      }
    }
  }
`;
const ORGANISATIONS = /* GraphQL */ `
  query ($territoryId: ID!) {
    organisations(territoryId: $territoryId, first: 10) {
      edges {
        node {
          name
        }
      }
    }
  }
`;
const PASSPHRASE = 'une rivière tranquille traverse la vallée verte';
const LINK = /^https:\/\/relais\.essai\.test\/definir-mot-de-passe#jeton=([A-Za-z0-9_-]{43})$/m;

describe('npm run territory:create: a new CLSM and its first administrator, signed in through the printed link', () => {
  let api: RunningApi;
  const suffix = randomBytes(3).toString('hex');
  const name = `CLSM de Créaville ${suffix}`;
  const email = `admin-${suffix}@creaville.relais.test`;
  const create = (...extra: string[]) =>
    runOperationsCommand(
      'territory-create.ts',
      ['--name', name, '--admin-email', email, '--admin-name', 'Odile Ferrand', ...extra],
      { PUBLIC_URL },
    );

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL });
  });
  afterAll(() => api.close());

  it('creates the territory, its cell and administrator once; a second run creates nothing and replaces the unused link', async () => {
    const [first, refused] = await Promise.all([
      create(),
      runOperationsCommand('territory-create.ts', ['--name', name], { PUBLIC_URL }),
    ]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain("L'adresse de l'administrateur·rice est obligatoire (--admin-email).");

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Territoire « ${name} » créé`);
    const firstToken = LINK.exec(first.stdout)?.[1];
    expect(firstToken).toBeDefined();
    // Said where it connected, as the owner; the link is on stdout alone.
    expect(first.stderr).toMatch(/^connexion : Postgres 127\.0\.0\.1:\d+\/relais_test_\w+ \(rôle \w+\)$/m);
    expect(first.stderr).not.toContain(firstToken);

    const territory = await api.dataSource.getRepository(Territory).findOneByOrFail({ name });
    const administrator = await api.dataSource.getRepository(User).findOneByOrFail({ email });
    expect(await api.dataSource.getRepository(Cell).findBy({ territoryId: territory.id })).toEqual([
      expect.objectContaining({ name: 'Cellule de situations complexes' }),
    ]);
    expect(await api.dataSource.getRepository(Membership).findBy({ territoryId: territory.id })).toEqual([
      expect.objectContaining({ userId: administrator.id, roles: [Role.TERRITORY_ADMIN], status: 'ACTIVE' }),
    ]);
    const audited = await api.dataSource.getRepository(AuditEvent).findBy({ territoryId: territory.id });
    expect(audited.map((event) => event.action).sort()).toEqual(['TERRITORY_CREATED', 'USER_CREATED']);

    const second = await create();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Le territoire « ${name} » existe déjà`);
    expect(second.stdout).toContain("n'a pas encore choisi de mot de passe : voici un nouveau lien");
    const secondToken = LINK.exec(second.stdout)?.[1];
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);
    expect(await api.dataSource.getRepository(Territory).countBy({ name })).toBe(1);
    expect(await api.dataSource.getRepository(User).countBy({ territoryId: territory.id })).toBe(1);

    // The first link no longer works; the second sets the password.
    const stale = await api.anonymous.request(SET_PASSWORD, {
      input: { token: firstToken, newPassword: PASSPHRASE },
    });
    expect(stale.errors?.[0]?.message).toMatch(/Ce lien n'est plus valable/);
    await api.anonymous.expectData(SET_PASSWORD, { input: { token: secondToken, newPassword: PASSPHRASE } });

    // Signing in asks to enrol a second factor (an administrator reaches identities), then the
    // administrator sees the new territory and can start registering its partners.
    const { client } = await logInClient(api.anonymous, email, PASSPHRASE);
    const { me } = await client.expectData<{
      me: { email: string; memberships: { roles: string[]; territory: { id: string; name: string } }[] };
    }>(MY_TERRITORIES);
    expect(me.memberships).toEqual([{ roles: ['TERRITORY_ADMIN'], territory: { id: territory.id, name } }]);
    const { organisations } = await client.expectData<{
      organisations: { edges: { node: { name: string } }[] };
    }>(ORGANISATIONS, { territoryId: territory.id });
    expect(organisations.edges.map((edge) => edge.node.name)).toEqual([name]);

    // With a password chosen, a third run issues nothing; another address is a conflict (65).
    const [third, conflict] = await Promise.all([
      create(),
      runOperationsCommand(
        'territory-create.ts',
        ['--name', name, '--admin-email', `autre-${suffix}@creaville.relais.test`],
        { PUBLIC_URL },
      ),
    ]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('a déjà choisi son mot de passe : aucun lien');
    expect(third.stdout).not.toContain('#jeton=');
    expect(conflict.code).toBe(65);
    expect(conflict.stderr).toContain("n'en est pas administrateur·rice : rien n'est créé");
    expect(await api.dataSource.getRepository(User).countBy({ territoryId: territory.id })).toBe(1);
  }, 150_000);
});
