import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { ActionStatus, HandoffStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { seedActions, seedHandoffs, seedSituations } from './support/inbox-fixtures';
import { StatementCounter } from './support/statement-counter';

const OVERDUE = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String) {
    overdueActions(territoryId: $t, first: $first, after: $after) {
      edges {
        node {
          id
          caseCode
          description
          ownerOrganisationId
          dueOn
          status
          redactedFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const AWAITING = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String) {
    handoffsAwaitingAnswer(territoryId: $t, first: $first, after: $after) {
      edges {
        node {
          id
          situationId
          caseCode
          proposedByOrganisationId
          receivingOrganisationId
          proposedAt
          redactedFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type OverduePage = { overdueActions: Page<{ id: string; description: string; dueOn: string }> };
type AwaitingPage = { handoffsAwaitingAnswer: Page<{ id: string; caseCode: string; proposedAt: string }> };

/**
 * « À traiter » : the coordination's lists of what waits across the territory — every partner's
 * late actions and the hand-offs nobody has answered — and no one else's.
 */
describe('the coordinator’s inbox: overdue actions and hand-offs awaiting an answer', () => {
  let api: RunningApi;
  let territory: Territory;
  let elsewhere: Territory;
  let coordinator: GraphqlClient;
  let referrer: GraphqlClient;
  let cellMember: GraphqlClient;
  let otherCoordinator: GraphqlClient;
  let landlord: string;
  let ccas: string;
  let cmp: string;

  async function member(on: Territory, role: Role, kind: OrganisationKind, profession: Profession) {
    const organisation = await api.factory.organisation(on, kind);
    const user = await api.factory.user({ territory: on, organisation, profession, roles: [role] });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    return { client, organisationId: organisation.id };
  }

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    elsewhere = await api.factory.territory();
    coordinator = (
      await member(territory, Role.COORDINATOR, OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR)
    ).client;
    const bailleur = await member(
      territory,
      Role.REFERRER,
      OrganisationKind.HOUSING,
      Profession.HOUSING_OFFICER,
    );
    referrer = bailleur.client;
    landlord = bailleur.organisationId;
    const social = await member(
      territory,
      Role.CELL_MEMBER,
      OrganisationKind.SOCIAL,
      Profession.SOCIAL_WORKER,
    );
    cellMember = social.client;
    ccas = social.organisationId;
    cmp = (await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY)).id;
    otherCoordinator = (
      await member(elsewhere, Role.COORDINATOR, OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR)
    ).client;

    const here = await seedSituations(api.dataSource, territory, 9);
    await seedActions(api.dataSource, territory, here, [
      { owner: landlord, dueOn: '2026-03-02', description: 'Proposer un plan d’apurement' },
      { owner: ccas, dueOn: '2026-01-10', description: 'Ouvrir un dossier FSL' },
      { owner: landlord, dueOn: '2026-02-01', status: ActionStatus.BLOCKED, description: 'Visite conjointe' },
      { owner: ccas, dueOn: '2026-01-10', status: ActionStatus.DONE, description: 'Fait à temps' },
      { owner: ccas, dueOn: '2026-01-20', status: ActionStatus.CANCELLED, description: 'Annulée' },
      { owner: landlord, dueOn: '2099-01-01', description: 'Pas encore due' },
    ]);
    await seedHandoffs(api.dataSource, territory, here.slice(6), [
      { from: ccas, to: cmp, proposedAt: new Date('2026-02-03T10:00:00.123Z') },
      { from: ccas, to: landlord, proposedAt: new Date('2026-01-15T08:30:00Z') },
      { from: ccas, to: cmp, proposedAt: new Date('2026-01-02T08:30:00Z'), status: HandoffStatus.ACCEPTED },
    ]);
    const there = await seedSituations(api.dataSource, elsewhere, 2);
    const theirs = (await api.factory.organisation(elsewhere, OrganisationKind.HOUSING)).id;
    await seedActions(api.dataSource, elsewhere, there, [{ owner: theirs, dueOn: '2026-01-01' }]);
    await seedHandoffs(api.dataSource, elsewhere, there.slice(1), [
      { from: theirs, to: theirs, proposedAt: new Date('2026-01-01T08:00:00Z') },
    ]);
  });
  afterAll(() => api.close());

  it('lists every partner’s late open actions, the longest late first, a page at a time', async () => {
    const first = await coordinator.expectData<OverduePage>(OVERDUE, { t: territory.id, first: 2 });
    expect(first.overdueActions.edges.map((edge) => edge.node.description)).toEqual([
      'Ouvrir un dossier FSL',
      'Visite conjointe',
    ]);
    expect(first.overdueActions.pageInfo.hasNextPage).toBe(true);
    const next = await coordinator.expectData<OverduePage>(OVERDUE, {
      t: territory.id,
      first: 2,
      after: first.overdueActions.pageInfo.endCursor,
    });
    expect(next.overdueActions.edges.map((edge) => edge.node.description)).toEqual([
      'Proposer un plan d’apurement',
    ]);
    expect(next.overdueActions.pageInfo.hasNextPage).toBe(false);
  });

  it('lists the hand-offs still proposed, the longest waiting first, named by case code only', async () => {
    const first = await coordinator.expectData<AwaitingPage>(AWAITING, { t: territory.id, first: 1 });
    const [oldest] = first.handoffsAwaitingAnswer.edges;
    expect(oldest.node).toMatchObject({
      proposedAt: '2026-01-15T08:30:00.000Z',
      receivingOrganisationId: landlord,
    });
    expect(oldest.node.caseCode).toMatch(/\S/);
    expect(oldest.node).not.toHaveProperty('residualRisks');
    const next = await coordinator.expectData<AwaitingPage>(AWAITING, {
      t: territory.id,
      first: 5,
      after: first.handoffsAwaitingAnswer.pageInfo.endCursor,
    });
    expect(next.handoffsAwaitingAnswer.edges.map((edge) => edge.node.proposedAt)).toEqual([
      '2026-02-03T10:00:00.123Z',
    ]);
    expect(next.handoffsAwaitingAnswer.pageInfo).toMatchObject({ hasNextPage: false });
  });

  it('refuses a referrer and a cell member, even about their own organisation’s rows', async () => {
    for (const client of [referrer, cellMember]) {
      for (const query of [OVERDUE, AWAITING]) {
        const response = await client.request(query, { t: territory.id, first: 5 });
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(response.data ?? null).toBeNull();
      }
    }
  });

  it('never shows another territory’s rows, whoever asks for which territory', async () => {
    const mine = await coordinator.expectData<OverduePage & AwaitingPage>(
      `query ($t: ID!) {
        overdueActions(territoryId: $t, first: 50) { edges { node { id description } } pageInfo { hasNextPage endCursor } }
        handoffsAwaitingAnswer(territoryId: $t, first: 50) { edges { node { id caseCode proposedAt } } pageInfo { hasNextPage endCursor } }
      }`,
      { t: territory.id },
    );
    expect(mine.overdueActions.edges).toHaveLength(3);
    expect(mine.handoffsAwaitingAnswer.edges).toHaveLength(2);
    // Their coordinator asking for this territory, and ours for theirs, get empty pages.
    for (const [client, t] of [
      [otherCoordinator, territory.id],
      [coordinator, elsewhere.id],
    ] as const) {
      const response = await client.request<OverduePage & AwaitingPage>(
        `query ($t: ID!) {
          overdueActions(territoryId: $t, first: 50) { edges { node { id } } }
          handoffsAwaitingAnswer(territoryId: $t, first: 50) { edges { node { id } } }
        }`,
        { t },
      );
      const code = response.errors?.[0]?.extensions?.code;
      if (code) expect(code).toBe('FORBIDDEN');
      else {
        expect(response.data?.overdueActions.edges).toEqual([]);
        expect(response.data?.handoffsAwaitingAnswer.edges).toEqual([]);
      }
    }
  });

  it('refuses a cursor it did not write, in French', async () => {
    const response = await coordinator.request(AWAITING, { t: territory.id, first: 5, after: 'bm9wZQ' });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The field's own French message, for the page to show on it.
    expect(JSON.stringify(response.errors?.[0].extensions)).toMatch(/Ce curseur n’est pas valide/);
  });
});

/** Both lists cost the same statements for a page of 5 as for a page of 50. */
describe('the coordinator’s inbox lists: constant SQL whatever the page size', () => {
  let api: RunningApi;
  let territory: Territory;
  let coordinator: GraphqlClient;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const organisation = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const partner = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const user = await api.factory.user({
      territory,
      organisation,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
    });
    coordinator = (await logInClient(api.anonymous, user.email, user.password)).client;
    // Sixty of each, about sixty people, so that a query per row or per person would show.
    const about = await seedSituations(api.dataSource, territory, 60);
    await seedActions(
      api.dataSource,
      territory,
      about,
      about.map((_, index) => ({
        owner: partner.id,
        dueOn: `2026-01-${String((index % 28) + 1).padStart(2, '0')}`,
      })),
    );
    await seedHandoffs(
      api.dataSource,
      territory,
      about,
      about.map((_, index) => ({
        from: organisation.id,
        to: partner.id,
        proposedAt: new Date(Date.UTC(2026, 0, 1 + (index % 28), 9, index)),
      })),
    );
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it.each([
    ['overdueActions', OVERDUE],
    ['handoffsAwaitingAnswer', AWAITING],
  ])('%s reads a page of 5, of 50 and the next in the same statements', async (field, query) => {
    const read = (variables: Record<string, unknown>) =>
      counter.counted(() =>
        coordinator.expectData<Record<string, Page<{ caseCode: string }>>>(query, {
          t: territory.id,
          ...variables,
        }),
      );
    const few = await read({ first: 5 });
    const many = await read({ first: 50 });
    const next = await read({ first: 50, after: few.result[field].pageInfo.endCursor });
    expect(few.result[field].edges).toHaveLength(5);
    expect(many.result[field].edges).toHaveLength(50);
    expect(next.result[field].edges).toHaveLength(50);
    expect(new Set(many.result[field].edges.map((edge) => edge.node.caseCode)).size).toBe(50);
    for (const counted of [many, next]) expect(counted.count.data.length).toBe(few.count.data.length);
    // Authentication (1), then the page with its case codes (1); nothing is audited for logistics.
    expect(many.count.data).toHaveLength(2);
  });
});
