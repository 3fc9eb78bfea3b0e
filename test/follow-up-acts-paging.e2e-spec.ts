import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { addDays, parisDate } from '@relais/config';
import {
  ActType,
  FollowUp,
  FollowUpAct,
  FollowUpKind,
  FollowUpPhase,
  FollowUpTeamMember,
  NoteVisibility,
  RequesterKind,
  TeamRole,
} from '@relais/followups';
import { OrganisationKind, Profession, Territory, User } from '@relais/identity';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const ACTS = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String) {
    followUp(followUpId: $id) {
      id
      acts(first: $first, after: $after) {
        edges {
          node {
            id
            occurredOn
            type
            note
            noteVisibility
            redactedFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      indicators {
        acts
        homeShare
        daysSinceLastContact
      }
    }
  }
`;
const MINE_WITH_ACTS = /* GraphQL */ `
  query ($first: Int!) {
    myFollowUps(first: $first) {
      edges {
        node {
          id
          acts(first: 2) {
            edges {
              node {
                id
                note
              }
            }
            pageInfo {
              hasNextPage
            }
          }
          indicators {
            acts
          }
        }
      }
    }
  }
`;
const MINE_WITHOUT_ACTS = /* GraphQL */ `
  query ($first: Int!) {
    myFollowUps(first: $first) {
      edges {
        node {
          id
          indicators {
            acts
            daysSinceLastContact
          }
        }
      }
    }
  }
`;

interface ActNode {
  id: string;
  occurredOn: string;
  type: string;
  note: string | null;
  noteVisibility: string;
  redactedFields: string[];
}
interface Page<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ActsView {
  followUp: {
    id: string;
    acts: Page<ActNode>;
    indicators: { acts: number; homeShare: number; daysSinceLastContact: number | null };
  };
}
interface MineView {
  myFollowUps: {
    edges: {
      node: { id: string; acts?: Page<{ id: string; note: string | null }>; indicators: { acts: number } };
    }[];
  };
}

const TEAM_NOTE = 'Point sur le logement avec la personne';
const HEALTH_NOTE = 'Traitement revu avec le psychiatre';

/** A follow-up's acts read page by page, each through its rules, its figures counted over them all. */
describe('a follow-up’s acts, page by page', () => {
  let api: RunningApi;
  let territory: Territory;
  let nurse: User & { password: string };
  let educator: User & { password: string };
  let nurseClient: GraphqlClient;
  let educatorClient: GraphqlClient;
  let followUpId: string;
  let today: string;
  let counter: StatementCounter;

  /** A follow-up of its own person, both practitioners in its team, with these acts. */
  async function followUpWith(
    acts: { occurredOn: string; type: ActType; visibility: NoteVisibility; recordedAt: Date }[],
  ): Promise<string> {
    const person = await api.dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'G. H.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    const situation = await api.dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: new Date(),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    // No objective nor end reason: what the follow-up itself shows is logistics, so an audited
    // confidential read can only come from its acts.
    const followUp = await api.dataSource.getRepository(FollowUp).save({
      territoryId: territory.id,
      situationId: situation.id,
      kind: FollowUpKind.ASSESSMENT,
      requesterKind: RequesterKind.HOUSING,
      requestedByReferralId: null,
      requestedByDecisionId: null,
      phase: FollowUpPhase.SUPPORT,
      startedOn: addDays(today, -200),
      plannedEndOn: addDays(today, 100),
      renewals: 0,
      endedAt: null,
      endReason: null,
    });
    await api.dataSource.getRepository(FollowUpTeamMember).insert(
      [
        [TeamRole.PATHWAY_COORDINATOR, educator],
        [TeamRole.PSYCHIATRIC_PROFESSIONAL, nurse],
      ].map(([role, member]) => ({
        territoryId: territory.id,
        followUpId: followUp.id,
        role: role as TeamRole,
        userId: (member as User).id,
        organisationId: (member as User).organisationId,
        fromOn: null,
        untilOn: null,
      })),
    );
    if (acts.length) {
      await api.dataSource.getRepository(FollowUpAct).insert(
        acts.map((act) => ({
          territoryId: territory.id,
          followUpId: followUp.id,
          occurredOn: act.occurredOn,
          type: act.type,
          durationMinutes: 30,
          presentUserIds: [],
          note: act.visibility === NoteVisibility.HEALTH ? HEALTH_NOTE : TEAM_NOTE,
          noteVisibility: act.visibility,
          authorUserId: act.visibility === NoteVisibility.HEALTH ? nurse.id : educator.id,
          recordedAt: act.recordedAt,
        })),
      );
    }
    return followUp.id;
  }

  async function readAll(
    client: GraphqlClient,
    first?: number,
  ): Promise<{ pages: ActsView['followUp'][]; nodes: ActNode[] }> {
    const pages: ActsView['followUp'][] = [];
    let after: string | null = null;
    for (;;) {
      const { followUp }: ActsView = await client.expectData<ActsView>(ACTS, {
        id: followUpId,
        first,
        after,
      });
      pages.push(followUp);
      if (!followUp.acts.pageInfo.hasNextPage) break;
      after = followUp.acts.pageInfo.endCursor;
    }
    return { pages, nodes: pages.flatMap((page) => page.acts.edges.map((edge) => edge.node)) };
  }

  /** The acts' ids in the order the api promises: the day, then when recorded, then the id, newest first. */
  const expectedOrder = async () =>
    (
      await api.dataSource.query<{ id: string }[]>(
        `SELECT id FROM follow_up_acts WHERE follow_up_id = $1
          ORDER BY occurred_on DESC, recorded_at DESC, id DESC`,
        [followUpId],
      )
    ).map((row) => row.id);

  beforeAll(async () => {
    api = await startApi();
    today = parisDate(api.clock.now());
    territory = await api.factory.territory();
    const association = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION);
    const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    educator = await api.factory.user({
      territory,
      organisation: association,
      profession: Profession.SPECIALISED_EDUCATOR,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    nurse = await api.factory.user({
      territory,
      organisation: cmp,
      profession: Profession.PSYCHIATRIC_NURSE,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    educatorClient = (await logInClient(api.anonymous, educator.email, educator.password)).client;
    nurseClient = (await logInClient(api.anonymous, nurse.email, nurse.password)).client;

    // 45 acts, three a day from three days ago back: every other one at home, every third a
    // health-only note, and two of each day recorded at the same moment, so the id breaks the tie.
    followUpId = await followUpWith(
      Array.from({ length: 45 }, (_, index) => ({
        occurredOn: addDays(today, -3 - Math.floor(index / 3)),
        type: index % 2 ? ActType.PHONE : ActType.HOME_VISIT,
        visibility: index % 3 === 1 ? NoteVisibility.HEALTH : NoteVisibility.TEAM,
        recordedAt: new Date(Date.UTC(2026, 0, 1, 12, 0, index % 3 === 2 ? 1 : 0)),
      })),
    );
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it('gives the 20 most recent acts first, then the next pages from endCursor, each act once', async () => {
    const expected = await expectedOrder();
    expect(expected).toHaveLength(45);
    const { pages, nodes } = await readAll(nurseClient);
    expect(pages.map((page) => page.acts.edges.length)).toEqual([20, 20, 5]);
    expect(nodes.map((node) => node.id)).toEqual(expected);
    expect(nodes[0].occurredOn).toBe(addDays(today, -3));
    expect(nodes.every((node) => node.note && !node.redactedFields.length)).toBe(true);
    expect(pages.at(-1)!.acts.pageInfo.hasNextPage).toBe(false);
  });

  it('counts the figures over every act the reader may see, not over the page shown', async () => {
    const { followUp } = await nurseClient.expectData<ActsView>(ACTS, { id: followUpId, first: 5 });
    expect(followUp.acts.edges).toHaveLength(5);
    expect(followUp.indicators).toEqual({ acts: 45, homeShare: 23 / 45, daysSinceLastContact: 3 });
  });

  it('pages the same for a reader who may not read health-only notes, those notes masked', async () => {
    const expected = await expectedOrder();
    const { nodes } = await readAll(educatorClient, 16);
    expect(nodes.map((node) => node.id)).toEqual(expected);
    for (const node of nodes) {
      if (node.noteVisibility === 'HEALTH') {
        expect(node).toMatchObject({ note: null, redactedFields: ['note'] });
      } else {
        expect(node).toMatchObject({ note: TEAM_NOTE, redactedFields: [] });
      }
    }
    expect(nodes.filter((node) => node.note === null)).toHaveLength(15);
  });

  it('refuses a page size out of bounds or a cursor that is not one of this list, in French', async () => {
    const timelineCursor = Buffer.from(
      JSON.stringify(['2026-03-01T10:00:00.123000Z', '6d8f4a3e-1c2b-4d5e-8f9a-0b1c2d3e4f5a']),
    ).toString('base64url');
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'Demandez au moins un acte.'],
      [{ first: 101 }, 'Au plus 100 actes par page.'],
      [{ after: 'pas-un-curseur' }, 'Ce curseur n’est pas valide'],
      [{ after: timelineCursor }, 'Ce curseur n’est pas valide'],
    ];
    for (const [variables, message] of cases) {
      const refused = await nurseClient.request(ACTS, { id: followUpId, ...variables });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(refused.errors)).toContain(message);
    }
  });

  describe('in a list of follow-ups', () => {
    beforeAll(async () => {
      // Six more follow-ups of three acts each: each shows two and says more follow.
      for (let index = 0; index < 6; index += 1) {
        await followUpWith(
          [0, 1, 2].map((offset) => ({
            occurredOn: addDays(today, -offset),
            type: ActType.PHONE,
            visibility: NoteVisibility.TEAM,
            recordedAt: new Date(),
          })),
        );
      }
    });

    it('reads the acts of a page of follow-ups in one statement, the same for 2 follow-ups as for 7', async () => {
      const read = (first: number) =>
        counter.counted(() => nurseClient.expectData<MineView>(MINE_WITH_ACTS, { first }));
      const few = await read(2);
      const many = await read(7);
      expect(few.result.myFollowUps.edges).toHaveLength(2);
      expect(many.result.myFollowUps.edges).toHaveLength(7);
      for (const { node } of many.result.myFollowUps.edges) {
        expect(node.acts!.edges).toHaveLength(2);
        expect(node.acts!.pageInfo.hasNextPage).toBe(true);
      }
      expect(many.count.data.length).toBe(few.count.data.length);
      const actStatements = many.count.data.filter((sql) =>
        sql.startsWith('/* prepared:follow-up-acts-first-page */'),
      );
      expect(actStatements).toHaveLength(1);
      expect(
        many.count.data.filter((sql) => sql.startsWith('/* prepared:follow-up-act-figures */')),
      ).toHaveLength(1);
    });

    it('reads and audits no act when the list does not ask for them', async () => {
      const actReads = () =>
        api.dataSource.getRepository(AuditEvent).countBy({
          actorUserId: nurse.id,
          action: 'PERSON_DATA_READ',
          subjectType: 'FollowUpAct',
        });
      const before = await actReads();
      const without = await counter.counted(() =>
        nurseClient.expectData<MineView>(MINE_WITHOUT_ACTS, { first: 7 }),
      );
      expect(without.result.myFollowUps.edges).toHaveLength(7);
      expect(without.count.data.some((sql) => sql.includes('prepared:follow-up-acts-'))).toBe(false);
      expect(await actReads()).toBe(before);

      // The same list asking its acts does audit them: the check above can fail.
      await nurseClient.expectData<MineView>(MINE_WITH_ACTS, { first: 7 });
      expect(await actReads()).toBeGreaterThan(before);
    });
  });
});
