import { Role } from '@relais/access';
import { Cell, OrganisationKind, Profession, Territory } from '@relais/identity';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { PLAN_MEETING, SUGGESTIONS } from './support/meeting-documents';
import { StatementCounter } from './support/statement-counter';

const ORGANISATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int, $after: String) {
    organisations(territoryId: $t, first: $first, after: $after) {
      edges {
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const MEMBERS = /* GraphQL */ `
  query ($t: ID!, $first: Int, $after: String) {
    territoryMembers(territoryId: $t, first: $first, after: $after) {
      totalCount
      edges {
        node {
          user {
            id
            lastName
            firstName
          }
          membership {
            id
            status
          }
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

/** Every page of a list, `first` at a time, as a client pressing « Afficher plus » reads it. */
async function readAll<Node>(
  read: (after: string | null) => Promise<Page<Node>>,
): Promise<{ nodes: Node[]; pages: number }> {
  const nodes: Node[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await read(after);
    pages += 1;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
  }
}

const messageOf = (result: {
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}) => JSON.stringify(result.errors ?? []);

describe('the directory and the agenda proposals, page by page', () => {
  let api: RunningApi;
  let territory: Territory;
  let other: Territory;
  let cell: Cell;
  let admin: GraphqlClient;
  let coordinator: GraphqlClient;
  let cellMember: GraphqlClient;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    other = await api.factory.territory();
    cell = await api.factory.cell(territory);
    const home = await api.factory.organisation(
      territory,
      OrganisationKind.MUNICIPAL,
      'Mairie (coordination)',
    );
    const adminUser = await api.factory.user({
      territory,
      organisation: home,
      roles: [Role.TERRITORY_ADMIN],
    });
    admin = (await logInClient(api.anonymous, adminUser.email, adminUser.password)).client;
    const coordinatorUser = await api.factory.user({
      territory,
      organisation: home,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    coordinator = (await logInClient(api.anonymous, coordinatorUser.email, coordinatorUser.password)).client;
    const memberUser = await api.factory.user({
      territory,
      organisation: home,
      roles: [Role.CELL_MEMBER],
      cell,
    });
    cellMember = (await logInClient(api.anonymous, memberUser.email, memberUser.password)).client;
    // Another territory's partners and people, which no page of this one may show.
    for (let index = 0; index < 3; index += 1) {
      const elsewhere = await api.factory.organisation(other, OrganisationKind.HOUSING, `Bailleur ${index}`);
      await api.factory.user({ territory: other, organisation: elsewhere, roles: [Role.CELL_MEMBER] });
    }
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it('gives the partners alphabetically, every one once over two pages, none of another territory', async () => {
    for (const name of ['Zèbre', 'Alpha', 'Mistral', 'Bailleur 1', 'Cèdre']) {
      await api.factory.organisation(territory, OrganisationKind.SOCIAL, name);
    }
    const all = await api.dataSource.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organisations WHERE territory_id = $1 ORDER BY name, id',
      [territory.id],
    );
    const read = (after: string | null) =>
      admin
        .expectData<{ organisations: Page<{ id: string; name: string }> }>(ORGANISATIONS, {
          t: territory.id,
          first: Math.ceil(all.length / 2),
          after,
        })
        .then((data) => data.organisations);
    const { nodes, pages } = await readAll(read);
    expect(pages).toBe(2);
    expect(nodes.map((node) => node.id)).toEqual(all.map((row) => row.id));
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);

    // Another territory's list, even from a cursor of this one, shows nothing of it.
    const first = await read(null);
    const foreign = await admin.request<{ organisations: Page<{ id: string }> }>(ORGANISATIONS, {
      t: other.id,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    if (foreign.errors) expect(foreign.errors[0].extensions?.code).toBe('FORBIDDEN');
    else expect(foreign.data?.organisations.edges).toEqual([]);
  });

  it('gives the directory by name over pages with its total, and the same statements for 4 or 40 members', async () => {
    const organisation = await api.factory.organisation(territory);
    const listing = (after: string | null, first = 10) =>
      admin
        .expectData<{
          territoryMembers: Page<{ user: { id: string; lastName: string }; membership: { id: string } }> & {
            totalCount: number;
          };
        }>(MEMBERS, { t: territory.id, first, after })
        .then((data) => data.territoryMembers);

    const few = await counter.counted(() => listing(null));
    for (let index = 0; index < 40; index += 1) {
      await api.factory.user({ territory, organisation, roles: [Role.REFERRER] });
    }
    const many = await counter.counted(() => listing(null));
    expect(many.count.data.length).toBe(few.count.data.length);
    expect(many.result.edges).toHaveLength(10);
    expect(many.result.pageInfo.hasNextPage).toBe(true);

    const total = many.result.totalCount;
    const { nodes, pages } = await readAll((after) => listing(after, Math.ceil(total / 2)));
    expect(pages).toBe(2);
    expect(nodes).toHaveLength(total);
    expect(new Set(nodes.map((node) => node.membership.id)).size).toBe(total);
    const names = nodes.map((node) => node.user.lastName);
    const expected = await api.dataSource.query<{ id: string }[]>(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.territory_id = $1 ORDER BY u.last_name, u.first_name, m.id`,
      [territory.id],
    );
    expect(nodes.map((node) => node.membership.id)).toEqual(expected.map((row) => row.id));
    expect(names.length).toBe(total);
  });

  it('refuses a page size out of bounds or a cursor it did not write, in French', async () => {
    for (const [query, variables] of [
      [ORGANISATIONS, { t: territory.id, first: 0 }],
      [ORGANISATIONS, { t: territory.id, first: 101 }],
      [MEMBERS, { t: territory.id, first: 101 }],
      [MEMBERS, { t: territory.id, first: 0 }],
    ] as const) {
      const refused = await admin.request(query, variables);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(messageOf(refused)).toMatch(/Au plus 100|Demandez au moins/);
    }
    const badCursor = await admin.request(MEMBERS, { t: territory.id, first: 5, after: 'pas-un-curseur' });
    expect(messageOf(badCursor)).toContain('Ce curseur n’est pas valide');
  });

  describe('agenda proposals', () => {
    let meetingId: string;

    /** A person and her situation, accepted (never scheduled) or with a review falling due. */
    async function seedSituation(status: SituationStatus): Promise<string> {
      const person = await api.dataSource.getRepository(Person).save({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'C. D.',
        ageBand: AgeBand.AGE_40_49,
        district: null,
      });
      const situation = await api.dataSource.getRepository(Situation).save({
        territoryId: territory.id,
        personId: person.id,
        status,
        openedAt: new Date(),
        closedAt: null,
        closureReason: null,
        nextReviewOn: status === SituationStatus.ACCEPTED ? null : '2026-01-01',
      });
      return situation.id;
    }

    beforeAll(async () => {
      const { planMeeting } = await coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
        input: {
          cellId: cell.id,
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          place: 'Mairie',
        },
      });
      meetingId = planMeeting.id;
    });

    const suggestions = (after: string | null, first: number, client = coordinator) =>
      client
        .expectData<{ agendaSuggestions: Page<{ situationId: string; reason: string }> }>(SUGGESTIONS, {
          m: meetingId,
          first,
          after,
        })
        .then((data) => data.agendaSuggestions);

    it('ranks the most pressing first over two pages, each situation once, in the same statements for few or many', async () => {
      const few = await counter.counted(() => suggestions(null, 5));
      const accepted: string[] = [];
      const reviews: string[] = [];
      for (let index = 0; index < 6; index += 1) accepted.push(await seedSituation(SituationStatus.ACCEPTED));
      for (let index = 0; index < 5; index += 1)
        reviews.push(await seedSituation(SituationStatus.ACTIONS_IN_PROGRESS));
      const many = await counter.counted(() => suggestions(null, 5));
      expect(many.count.data.length).toBe(few.count.data.length);
      expect(many.count.data.some((sql) => sql.startsWith('/* prepared:agenda-suggestions-page */'))).toBe(
        true,
      );

      const { nodes, pages } = await readAll((after) => suggestions(after, 6));
      expect(pages).toBe(2);
      expect(nodes).toHaveLength(11);
      expect(new Set(nodes.map((node) => node.situationId)).size).toBe(11);
      // Reviews falling due come before referrals accepted and never scheduled.
      expect(nodes.slice(0, 5).map((node) => node.reason)).toEqual(Array(5).fill('REVIEW_DATE_REACHED'));
      expect(nodes.slice(5).map((node) => node.reason)).toEqual(Array(6).fill('ACCEPTED_NOT_SCHEDULED'));
      expect(new Set(nodes.map((node) => node.situationId))).toEqual(new Set([...accepted, ...reviews]));
    });

    it('keeps the proposals the coordinator’s on any page, and refuses bounds in French', async () => {
      const first = await suggestions(null, 3);
      const refused = await cellMember.request(SUGGESTIONS, {
        m: meetingId,
        first: 3,
        after: first.pageInfo.endCursor,
      });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const tooMany = await coordinator.request(SUGGESTIONS, { m: meetingId, first: 101 });
      expect(messageOf(tooMany)).toContain('Au plus 100 propositions par page.');
      const none = await coordinator.request(SUGGESTIONS, { m: meetingId, first: 0 });
      expect(messageOf(none)).toContain('Demandez au moins une proposition.');
    });
  });
});
