import { Role } from '@relais/access';
import { Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const ORGANISATIONS = `query ($t: ID!) { organisations(territoryId: $t) { edges { node { id } } } }`;
const CHARTERS = `query ($t: ID!) { charters(territoryId: $t) { id kind version current acceptedByMe } }`;
const MY_MEMBERSHIPS = `query { me { memberships { territory { id } charterAccepted } } }`;
const PUBLISH = /* GraphQL */ `
  mutation ($input: PublishCharterInput!) {
    publishCharter(input: $input) {
      id
      kind
      version
      current
      acceptedByMe
    }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation ($id: ID!) {
    acceptCharter(charterId: $id) {
      id
      version
      acceptedByMe
    }
  }
`;

interface CharterRow {
  id: string;
  kind: string;
  version: number;
  current: boolean;
  acceptedByMe: boolean;
}

describe('charter gate', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let admin: RoleSession;
  let member: RoleSession;
  let firstVersion: CharterRow;
  let secondVersion: CharterRow;

  const organisations = (client: GraphqlClient) =>
    client.request<{ organisations: { edges: unknown[] } }>(ORGANISATIONS, { t: territory.id });
  const codeOf = async (client: GraphqlClient) => (await organisations(client)).errors?.[0]?.extensions?.code;

  const publish = async (title: string) =>
    (
      await admin.client.expectData<{ publishCharter: CharterRow }>(PUBLISH, {
        input: {
          territoryId: territory.id,
          kind: 'CONFIDENTIALITY',
          title,
          body: 'Ce qui est dit en cellule reste en cellule : secret partagé, strictement nécessaire.',
        },
      })
    ).publishCharter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    admin = sessions.TERRITORY_ADMIN;
    member = sessions.CELL_MEMBER;
  });
  afterAll(() => api.close());

  // The steps build on one another: each publication or acceptance changes the gate for the next.

  it('does not gate anyone while no charter is published', async () => {
    const response = await organisations(sessions.COORDINATOR.client);
    expect(response.errors).toBeUndefined();
    expect(response.data?.organisations.edges).not.toHaveLength(0);
  });

  it('gates shared data once a version is published, until it is accepted', async () => {
    firstVersion = await publish('Charte de confidentialité');
    expect(firstVersion).toMatchObject({
      kind: 'CONFIDENTIALITY',
      version: 1,
      current: true,
      acceptedByMe: true,
    });

    const refused = await organisations(member.client);
    expect(refused.errors?.[0].extensions?.code).toBe('CHARTER_REQUIRED');
    expect(refused.data?.organisations).toBeFalsy();
    // The publisher wrote it, and has accepted it.
    expect(await codeOf(admin.client)).toBeUndefined();
  });

  it('still shows the member the charter to accept, and says it is pending', async () => {
    const charters = await member.client.expectData<{ charters: CharterRow[] }>(CHARTERS, {
      t: territory.id,
    });
    expect(charters.charters).toEqual([
      { id: firstVersion.id, kind: 'CONFIDENTIALITY', version: 1, current: true, acceptedByMe: false },
    ]);
    const me = await member.client.expectData<{
      me: { memberships: { territory: { id: string }; charterAccepted: boolean }[] };
    }>(MY_MEMBERSHIPS);
    expect(me.me.memberships).toEqual([{ territory: { id: territory.id }, charterAccepted: false }]);
  });

  it('reopens shared data once the member accepts', async () => {
    const accepted = await member.client.expectData<{ acceptCharter: CharterRow }>(ACCEPT, {
      id: firstVersion.id,
    });
    expect(accepted.acceptCharter).toMatchObject({ id: firstVersion.id, acceptedByMe: true });
    expect(await codeOf(member.client)).toBeUndefined();
    const me = await member.client.expectData<{ me: { memberships: { charterAccepted: boolean }[] } }>(
      MY_MEMBERSHIPS,
    );
    expect(me.me.memberships.map((membership) => membership.charterAccepted)).toEqual([true]);
  });

  it('asks again for a new version, refuses the old one, and reopens on the new', async () => {
    secondVersion = await publish('Charte de confidentialité (révisée)');
    expect(secondVersion).toMatchObject({ version: 2, current: true, acceptedByMe: true });

    expect(await codeOf(member.client)).toBe('CHARTER_REQUIRED');
    expect(await codeOf(admin.client)).toBeUndefined();

    const charters = await member.client.expectData<{ charters: CharterRow[] }>(CHARTERS, {
      t: territory.id,
    });
    expect(charters.charters).toEqual([
      expect.objectContaining({ id: secondVersion.id, acceptedByMe: false }),
    ]);

    const stale = await member.client.request(ACCEPT, { id: firstVersion.id });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await codeOf(member.client)).toBe('CHARTER_REQUIRED');

    await member.client.expectData(ACCEPT, { id: secondVersion.id });
    expect(await codeOf(member.client)).toBeUndefined();
  });

  it('lets a member accept the same version twice without harm', async () => {
    const again = await member.client.expectData<{ acceptCharter: CharterRow }>(ACCEPT, {
      id: secondVersion.id,
    });
    expect(again.acceptCharter.acceptedByMe).toBe(true);
    expect(await codeOf(member.client)).toBeUndefined();
  });

  it("answers NOT_FOUND to a member of another territory accepting this territory's charter", async () => {
    const elsewhere = await api.factory.territory();
    const outsider = await api.factory.user({ territory: elsewhere, roles: [Role.CELL_MEMBER] });
    const { client } = await logInClient(api.anonymous, outsider.email, outsider.password);
    const response = await client.request(ACCEPT, { id: secondVersion.id });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ count }] = (await api.dataSource.query(
      `SELECT count(*)::int AS count FROM charter_acceptances WHERE user_id = $1`,
      [outsider.id],
    )) as { count: number }[];
    expect(count).toBe(0);
  });
});
