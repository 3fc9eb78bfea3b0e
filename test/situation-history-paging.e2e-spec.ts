import { DataCategory, LegalBasis, Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationCircleMember,
  SituationStatus,
} from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const HISTORY = /* GraphQL */ `
  query ($s: ID!, $first: Int, $after: String, $actionsFirst: Int, $actionsAfter: String) {
    situation(situationId: $s) {
      id
      timeline(first: $first, after: $after) {
        edges {
          node {
            id
            occurredAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      actions(first: $actionsFirst, after: $actionsAfter) {
        edges {
          node {
            id
            dueOn
            ownerOrganisationId
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

interface Page<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface History {
  situation: {
    timeline: Page<{ id: string; occurredAt: string }>;
    actions: Page<{ id: string; dueOn: string; ownerOrganisationId: string }>;
  };
}

/** A situation's timeline and actions read page by page, each through its own rules. */
describe('a situation’s timeline and actions, page by page', () => {
  let api: RunningApi;
  let territory: Territory;
  let coordinator: GraphqlClient;
  let partner: GraphqlClient;
  let partnerOrganisationId: string;
  let otherOrganisationId: string;
  let situationId: string;
  let personId: string;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const housing = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    partnerOrganisationId = housing.id;
    otherOrganisationId = (await api.factory.organisation(territory, OrganisationKind.SOCIAL)).id;
    const coordinatorUser = await api.factory.user({
      territory,
      organisation: clsm,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
    });
    coordinator = (await logInClient(api.anonymous, coordinatorUser.email, coordinatorUser.password)).client;
    const partnerUser = await api.factory.user({ territory, organisation: housing, roles: [Role.REFERRER] });
    partner = (await logInClient(api.anonymous, partnerUser.email, partnerUser.password)).client;

    const person = await api.dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'E. F.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    personId = person.id;
    const situation = await api.dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: new Date(),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    situationId = situation.id;
    await api.dataSource.getRepository(SituationCircleMember).save({
      territoryId: territory.id,
      situationId,
      organisationId: housing.id,
      basis: LegalBasis.CONSENT,
      addedAt: new Date(),
    });
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  /**
   * `count` lines, a microsecond apart in threes (a millisecond would not tell them apart), every
   * third one addressed to another partner or confidential; and as many actions, every other one
   * entrusted to another partner, some due the same day.
   */
  async function addHistory(count: number, from: number): Promise<void> {
    for (let index = from; index < from + count; index += 1) {
      const microseconds = String(index % 3).padStart(3, '0');
      const second = String(Math.floor(index / 3) % 60).padStart(2, '0');
      const minute = String(Math.floor(index / 180)).padStart(2, '0');
      await api.dataSource.query(
        `INSERT INTO situation_events (id, territory_id, situation_id, kind, category, audience_organisation_id,
                                       actor_organisation_id, details, occurred_at)
         VALUES ($1, $2, $3, 'SITUATION_OPENED', $4, $5, NULL, '{}', $6::timestamptz)`,
        [
          randomUUID(),
          territory.id,
          situationId,
          index % 3 === 2 ? DataCategory.SOCIAL_CONFIDENTIAL : DataCategory.LOGISTIC,
          index % 3 === 1 ? otherOrganisationId : null,
          `2026-03-01T10:${minute}:${second}.123${microseconds}Z`,
        ],
      );
    }
    await api.dataSource.getRepository(SituationAction).save(
      Array.from({ length: count }, (_, offset) => ({
        territoryId: territory.id,
        personId,
        situationId,
        description: `Action ${from + offset}`,
        ownerOrganisationId: (from + offset) % 2 ? otherOrganisationId : partnerOrganisationId,
        ownerUserId: null,
        dueOn: `2027-02-${String(((from + offset) % 20) + 1).padStart(2, '0')}`,
        status: ActionStatus.TODO,
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        outcome: null,
        createdAt: new Date(),
      })),
    );
  }

  async function readAll(
    client: GraphqlClient,
    field: 'timeline' | 'actions',
    first: number,
  ): Promise<{ ids: string[]; pages: number; nodes: { id: string }[] }> {
    const nodes: { id: string }[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const variables =
        field === 'timeline'
          ? { s: situationId, first, after, actionsFirst: 1 }
          : { s: situationId, first: 1, actionsFirst: first, actionsAfter: after };
      const page: Page<{ id: string }> = (await client.expectData<History>(HISTORY, variables)).situation[
        field
      ];
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return { ids: nodes.map((node) => node.id), pages, nodes };
      after = page.pageInfo.endCursor;
    }
  }

  it('reads the same statements for a short history as for a long one', async () => {
    await addHistory(4, 0);
    const read = () =>
      counter.counted(() =>
        coordinator.expectData<History>(HISTORY, { s: situationId, first: 10, actionsFirst: 10 }),
      );
    const few = await read();
    await addHistory(56, 4);
    const many = await read();
    expect(few.result.situation.timeline.edges.length).toBeLessThan(10);
    expect(many.result.situation.timeline.edges).toHaveLength(10);
    expect(many.result.situation.actions.edges).toHaveLength(10);
    expect(many.count.data.length).toBe(few.count.data.length);
    for (const name of ['situation-timeline-first-page', 'situation-actions-first-page']) {
      expect(many.count.data.some((sql) => sql.startsWith(`/* prepared:${name} */`))).toBe(true);
    }
  });

  it('gives the coordinator the whole timeline, most recent first, every line once over two pages', async () => {
    const expected = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM situation_events WHERE situation_id = $1 AND category = ANY($2::data_category[])
        ORDER BY occurred_at DESC, id DESC`,
      [situationId, [DataCategory.LOGISTIC, DataCategory.SOCIAL_CONFIDENTIAL]],
    );
    const { ids, pages } = await readAll(coordinator, 'timeline', Math.ceil(expected.length / 2));
    expect(pages).toBe(2);
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it('gives a partner of the circle, on every page, only the lines and actions its rules open', async () => {
    const lines = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM situation_events
        WHERE situation_id = $1 AND category = 'LOGISTIC' AND audience_organisation_id IS NULL
        ORDER BY occurred_at DESC, id DESC`,
      [situationId],
    );
    const timeline = await readAll(partner, 'timeline', 7);
    expect(timeline.pages).toBeGreaterThan(1);
    expect(timeline.ids).toEqual(lines.map((row) => row.id));

    const own = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM situation_actions WHERE situation_id = $1 AND owner_organisation_id = $2
        ORDER BY due_on, id`,
      [situationId, partnerOrganisationId],
    );
    const actions = await readAll(partner, 'actions', Math.ceil(own.length / 2));
    expect(actions.pages).toBe(2);
    expect(actions.ids).toEqual(own.map((row) => row.id));
  });

  it('gives the coordinator every action, the first due first, each once over two pages', async () => {
    const all = await api.dataSource.query<{ id: string }[]>(
      'SELECT id FROM situation_actions WHERE situation_id = $1 ORDER BY due_on, id',
      [situationId],
    );
    const { ids, pages } = await readAll(coordinator, 'actions', Math.ceil(all.length / 2));
    expect(pages).toBe(2);
    expect(ids).toEqual(all.map((row) => row.id));
  });

  it('refuses a page size out of bounds or a foreign cursor, in French', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'Demandez au moins une ligne.'],
      [{ first: 101 }, 'Au plus 100 lignes par page.'],
      [{ actionsFirst: 101 }, 'Au plus 100 actions par page.'],
      [{ actionsFirst: 0 }, 'Demandez au moins une action.'],
      [{ after: 'pas-un-curseur' }, 'Ce curseur n’est pas valide'],
    ];
    for (const [variables, message] of cases) {
      const refused = await coordinator.request(HISTORY, { s: situationId, ...variables });
      expect(JSON.stringify(refused.errors)).toContain(message);
    }
  });
});
