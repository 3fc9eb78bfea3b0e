import { Role } from '@relais/access';
import {
  Cell,
  Membership,
  MembershipStatus,
  Organisation,
  OrganisationKind,
  Profession,
  Territory,
} from '@relais/identity';
import { ActionOrigin, ActionStatus, SituationAction } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import {
  ADD_ITEM,
  MARK_HELD,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
} from './support/meeting-documents';
import {
  Member,
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submitAndAccept,
} from './support/referral-journey';

const DAY = 86_400_000;

const MY_ACTIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $status: [ActionStatus!], $order: ActionOrder!) {
    myOrganisationActions(territoryId: $t, first: $first, after: $after, status: $status, order: $order) {
      edges {
        cursor
        node {
          id
          caseCode
          situationId
          description
          ownerOrganisationId
          dueOn
          status
          origin
          outcome
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
const UPDATE_ACTION = /* GraphQL */ `
  mutation ($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
      caseCode
      status
      outcome
    }
  }
`;
const SITUATION_ACTIONS = /* GraphQL */ `
  query ($id: ID!) {
    situation(situationId: $id) {
      actions(first: 100) {
        edges {
          node {
            id
            ownerOrganisationId
            outcome
          }
        }
      }
    }
  }
`;
const MINUTES_ACTIONS = /* GraphQL */ `
  query ($m: ID!) {
    meetingMinutes(meetingId: $m) {
      items {
        caseCode
        actions {
          id
          caseCode
          outcome
        }
      }
    }
  }
`;
const SUSPEND = `mutation ($input: MembershipTargetInput!) { suspendMembership(input: $input) { id } }`;

interface ActionNode {
  id: string;
  caseCode: string;
  situationId: string | null;
  description: string;
  ownerOrganisationId: string;
  dueOn: string;
  status: ActionStatus;
  origin: ActionOrigin;
  outcome: string | null;
  redactedFields: string[];
}
interface Page {
  edges: { cursor: string; node: ActionNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface PageArguments {
  first?: number;
  after?: string | null;
  status?: ActionStatus[] | null;
  order?: 'SOONEST_DUE_FIRST' | 'LATEST_DUE_FIRST';
}

/**
 * « Mes actions » read from the api: the actions the cell entrusted to the reader's organisation,
 * on every situation (whoever referred it), filtered in SQL by the rules that let it update them,
 * page by page with cursors; and the outcome its owner writes, read back by those who may read
 * the action.
 */
describe('the actions entrusted to my organisation', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  const org = {} as Record<'bailleur' | 'ccas' | 'otherBailleur' | 'clsm', Organisation>;
  let officer: Member;
  let colleague: Member;
  let socialWorker: Member;
  let otherOfficer: Member;
  let coordinator: Member;
  let admin: Member;
  /** Referred by the CCAS: the cell asks the landlord to propose a repayment plan. */
  const ccasCase = { situationId: '', caseCode: '', meetingId: '' };
  /** Referred by the landlord itself. */
  const ownCase = { situationId: '', caseCode: '' };
  const ids = { plan: '', visit: '', ccasOwn: '', otherBailleurs: '' };

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    org.otherBailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    officer = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    colleague = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    socialWorker = await memberOf(api, territory, org.ccas, Profession.SOCIAL_WORKER, [Role.REFERRER]);
    otherOfficer = await memberOf(api, territory, org.otherBailleur, Profession.HOUSING_OFFICER, [
      Role.REFERRER,
    ]);
    coordinator = await memberOf(
      api,
      territory,
      org.clsm,
      Profession.CLSM_COORDINATOR,
      [Role.COORDINATOR],
      cell,
    );
    admin = await memberOf(api, territory, org.clsm, Profession.ADMINISTRATIVE_STAFF, [Role.TERRITORY_ADMIN]);

    const ccasReferral = await refer(socialWorker.client, 'Aubert');
    await recordConsent(socialWorker.client, api, ccasReferral.id, { organisationIds: [org.ccas.id] });
    ccasCase.situationId = await submitAndAccept(socialWorker.client, coordinator.client, ccasReferral.id);
    ccasCase.caseCode = ccasReferral.person.caseCode;
    const ownReferral = await refer(officer.client, 'Barbier');
    await recordConsent(officer.client, api, ownReferral.id, { organisationIds: [org.bailleur.id] });
    ownCase.situationId = await submitAndAccept(officer.client, coordinator.client, ownReferral.id);
    ownCase.caseCode = ownReferral.person.caseCode;

    ccasCase.meetingId = await examine([
      {
        situationId: ccasCase.situationId,
        actions: [
          { description: 'Proposer un plan d’apurement', ownerOrganisationId: org.bailleur.id, inDays: 20 },
          { description: 'Ouvrir les droits au FSL', ownerOrganisationId: org.ccas.id, inDays: 10 },
          { description: 'Vérifier le bail', ownerOrganisationId: org.otherBailleur.id, inDays: 15 },
        ],
      },
      {
        situationId: ownCase.situationId,
        actions: [{ description: 'Rencontrer la personne', ownerOrganisationId: org.bailleur.id, inDays: 5 }],
      },
    ]);
    const actions = await api.dataSource.getRepository(SituationAction).findBy({ territoryId: territory.id });
    const idOf = (description: string) => actions.find((action) => action.description === description)!.id;
    ids.plan = idOf('Proposer un plan d’apurement');
    ids.visit = idOf('Rencontrer la personne');
    ids.ccasOwn = idOf('Ouvrir les droits au FSL');
    ids.otherBailleurs = idOf('Vérifier le bail');
  });
  afterAll(() => api.close());

  function refer(client: GraphqlClient, lastName: string) {
    return referPerson(client, {
      territoryId: territory.id,
      person: { firstName: 'Jeanne', lastName, birthDate: '1958-06-01', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: [],
        questionToCell: 'Comment éviter l’expulsion ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
  }

  const inDays = (days: number) =>
    new Date(api.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

  /** A meeting held and its minutes published, each situation's decision entrusting the actions. */
  async function examine(
    items: {
      situationId: string;
      actions: { description: string; ownerOrganisationId: string; inDays: number }[];
    }[],
  ): Promise<string> {
    const meetingId = await planMeeting(
      coordinator.client,
      cell.id,
      new Date(api.clock.now().getTime() + DAY),
    );
    const itemIds: string[] = [];
    for (const { situationId } of items) {
      const { addAgendaItem } = await coordinator.client.expectData<{
        addAgendaItem: { items: { id: string; situationId: string }[] };
      }>(ADD_ITEM, { input: { meetingId, situationId, guestOrganisationIds: [] } });
      itemIds.push(addAgendaItem.items.find((item) => item.situationId === situationId)!.id);
    }
    await coordinator.client.expectData(PUBLISH_AGENDA, { m: meetingId });
    await coordinator.client.expectData(RECORD_ATTENDANCE, {
      input: { meetingId, entries: [{ userId: coordinator.id, status: 'PRESENT' }] },
    });
    for (const [index, item] of items.entries()) {
      await coordinator.client.expectData(RECORD_ITEM, {
        input: {
          itemId: itemIds[index],
          presentUserIds: [coordinator.id],
          personAttended: false,
          decisions: [
            {
              text: 'Chaque partenaire agit de son côté',
              actions: item.actions.map((action) => ({
                description: action.description,
                ownerOrganisationId: action.ownerOrganisationId,
                dueOn: inDays(action.inDays),
              })),
            },
          ],
        },
      });
    }
    await coordinator.client.expectData(MARK_HELD, { m: meetingId });
    await coordinator.client.expectData(PUBLISH_MINUTES, { m: meetingId });
    return meetingId;
  }

  async function page(client: GraphqlClient, args: PageArguments = {}): Promise<Page> {
    const { myOrganisationActions } = await client.expectData<{ myOrganisationActions: Page }>(MY_ACTIONS, {
      t: territory.id,
      first: args.first ?? 50,
      after: args.after ?? null,
      status: args.status ?? null,
      order: args.order ?? 'SOONEST_DUE_FIRST',
    });
    return myOrganisationActions;
  }

  /** Every page from the first, following the cursors. */
  async function walk(
    client: GraphqlClient,
    args: PageArguments,
  ): Promise<{ nodes: ActionNode[]; pages: number }> {
    const nodes: ActionNode[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const read: Page = await page(client, { ...args, after });
      pages += 1;
      nodes.push(...read.edges.map((edge) => edge.node));
      expect(read.pageInfo.endCursor).toBe(read.edges.at(-1)?.cursor ?? null);
      if (!read.pageInfo.hasNextPage) return { nodes, pages };
      after = read.pageInfo.endCursor;
    }
  }

  it('lists what the cell entrusted to my organisation on every situation, whoever referred it', async () => {
    const mine = await page(officer.client);
    expect(mine.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        id: ids.visit,
        caseCode: ownCase.caseCode,
        situationId: ownCase.situationId,
        description: 'Rencontrer la personne',
        ownerOrganisationId: org.bailleur.id,
        dueOn: inDays(5),
        status: 'TODO',
        origin: 'DECISION',
        outcome: null,
        redactedFields: [],
      }),
      // The CCAS referred this one: the landlord's action is there all the same, named by its case code.
      expect.objectContaining({
        id: ids.plan,
        caseCode: ccasCase.caseCode,
        situationId: ccasCase.situationId,
        ownerOrganisationId: org.bailleur.id,
      }),
    ]);
    expect(mine.pageInfo).toEqual({ hasNextPage: false, endCursor: mine.edges[1].cursor });
    // A colleague of the same organisation follows the same actions.
    expect((await page(colleague.client)).edges.map((edge) => edge.node.id)).toEqual([ids.visit, ids.plan]);
  });

  it('never shows another organisation’s actions, to anyone', async () => {
    expect((await page(socialWorker.client)).edges.map((edge) => edge.node.id)).toEqual([ids.ccasOwn]);
    expect((await page(otherOfficer.client)).edges.map((edge) => edge.node.id)).toEqual([ids.otherBailleurs]);
    // The coordinator's own organisation was entrusted with nothing: the cell's actions are elsewhere.
    expect((await page(coordinator.client)).edges).toEqual([]);
  });

  it('walks every action once, in due-date then id order, whatever the page size and direction', async () => {
    // Twenty-four more, some sharing a due date, so that the id must break the ties.
    const repository = api.dataSource.getRepository(SituationAction);
    const person = await api.dataSource.query(`SELECT person_id FROM situations WHERE id = $1`, [
      ownCase.situationId,
    ]);
    await repository.save(
      Array.from({ length: 24 }, (_unused, index) =>
        repository.create({
          territoryId: territory.id,
          personId: person[0].person_id,
          situationId: ownCase.situationId,
          description: `Action en nombre ${index}`,
          ownerOrganisationId: org.bailleur.id,
          ownerUserId: null,
          dueOn: inDays(30 + (index % 6)),
          status: ActionStatus.TODO,
          origin: ActionOrigin.DECISION,
          originId: randomUUID(),
          outcome: null,
          createdAt: new Date(),
        }),
      ),
    );
    const stored = await repository.findBy({
      territoryId: territory.id,
      ownerOrganisationId: org.bailleur.id,
    });
    const expected = stored
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))
      .map((action) => action.id);
    expect(expected).toHaveLength(26);

    for (const first of [1, 5, 7, 26, 200]) {
      const { nodes, pages } = await walk(officer.client, { first });
      expect({ first, ids: nodes.map((node) => node.id) }).toEqual({ first, ids: expected });
      expect(pages).toBe(Math.max(1, Math.ceil(26 / first)));
    }
    const latestFirst = await walk(officer.client, { first: 4, order: 'LATEST_DUE_FIRST' });
    expect(latestFirst.nodes.map((node) => node.id)).toEqual([...expected].reverse());
  });

  it('keeps its place when actions leave the filtered list between two pages', async () => {
    const open = [ActionStatus.TODO, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED];
    const before = (await walk(officer.client, { first: 100, status: open })).nodes.map((node) => node.id);
    const first = await page(officer.client, { first: 3, status: open });
    // One action already read and one not yet read are done meanwhile: the next page neither
    // repeats nor skips anything (an offset would skip the action after the first page's end).
    const readAlready = first.edges[0].node.id;
    const notYetRead = before[10];
    try {
      for (const actionId of [readAlready, notYetRead])
        await officer.client.expectData(UPDATE_ACTION, { input: { actionId, status: 'DONE' } });
      const next = await page(officer.client, { first: 100, after: first.pageInfo.endCursor, status: open });
      expect([...first.edges, ...next.edges].map((edge) => edge.node.id)).toEqual(
        before.filter((id) => id !== notYetRead),
      );
    } finally {
      for (const actionId of [readAlready, notYetRead])
        await officer.client.expectData(UPDATE_ACTION, { input: { actionId, status: 'TODO' } });
    }
  });

  it('filters by status', async () => {
    await officer.client.expectData(UPDATE_ACTION, { input: { actionId: ids.plan, status: 'DONE' } });
    await officer.client.expectData(UPDATE_ACTION, { input: { actionId: ids.visit, status: 'BLOCKED' } });
    try {
      const finished = await walk(officer.client, {
        first: 10,
        status: [ActionStatus.DONE, ActionStatus.CANCELLED],
      });
      expect(finished.nodes.map((node) => node.id)).toEqual([ids.plan]);
      const open = await walk(officer.client, {
        first: 10,
        status: [ActionStatus.TODO, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED],
      });
      expect(open.nodes).toHaveLength(25);
      expect(open.nodes.map((node) => node.id)).not.toContain(ids.plan);
      expect(open.nodes.find((node) => node.id === ids.visit)?.status).toBe('BLOCKED');
      const blocked = await page(officer.client, { status: [ActionStatus.BLOCKED] });
      expect(blocked.edges.map((edge) => edge.node.id)).toEqual([ids.visit]);
      expect((await page(officer.client, { status: [ActionStatus.CANCELLED] })).edges).toEqual([]);
    } finally {
      for (const actionId of [ids.plan, ids.visit])
        await officer.client.expectData(UPDATE_ACTION, { input: { actionId, status: 'TODO' } });
    }
  });

  it('refuses, in French and by field, a page size out of bounds, an empty filter and a cursor it did not give', async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const response = await officer.client.request(MY_ACTIONS, {
        t: territory.id,
        first: 10,
        order: 'SOONEST_DUE_FIRST',
        ...variables,
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return response.errors?.[0].extensions?.fields;
    };
    expect(await refusal({ first: 0 })).toEqual([
      { field: 'first', message: 'Demandez au moins une action.' },
    ]);
    expect(await refusal({ first: 201 })).toEqual([
      { field: 'first', message: 'Au plus 200 actions par page.' },
    ]);
    expect(await refusal({ status: [] })).toEqual([
      { field: 'status', message: 'Choisissez au moins un état, ou ne filtrez pas.' },
    ]);
    const forged = Buffer.from(JSON.stringify(['2026-02-30', randomUUID()])).toString('base64url');
    for (const after of ['nimportequoi', forged]) {
      expect(await refusal({ after })).toEqual([
        { field: 'after', message: 'Ce curseur n’est pas valide : reprenez la liste depuis le début.' },
      ]);
    }
  });

  it('shows nothing to a member whose membership is suspended', async () => {
    const suspended = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [
      Role.REFERRER,
    ]);
    expect((await page(suspended.client)).edges.length).toBeGreaterThan(0);
    await admin.client.expectData(SUSPEND, { input: { territoryId: territory.id, userId: suspended.id } });
    const response = await suspended.client.request<{ myOrganisationActions: Page | null }>(MY_ACTIONS, {
      t: territory.id,
      first: 50,
      order: 'SOONEST_DUE_FIRST',
    });
    // Its only membership: the session ends with it.
    expect(response.data?.myOrganisationActions ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows nothing of this territory to a member suspended here and working in another', async () => {
    const user = await api.factory.user({
      territory,
      organisation: org.bailleur,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const elsewhere = await api.factory.territory();
    await api.dataSource.getRepository(Membership).insert({
      territoryId: elsewhere.id,
      userId: user.id,
      roles: [Role.REFERRER],
      cellId: null,
      status: MembershipStatus.ACTIVE,
    });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    expect((await page(client)).edges.length).toBeGreaterThan(0);
    await admin.client.expectData(SUSPEND, { input: { territoryId: territory.id, userId: user.id } });
    expect(await page(client)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  describe('the outcome', () => {
    const OUTCOME = 'Plan proposé par courrier, rendez-vous fixé au 12.';

    beforeAll(async () => {
      const { updateAction } = await officer.client.expectData<{ updateAction: ActionNode }>(UPDATE_ACTION, {
        input: { actionId: ids.plan, status: 'IN_PROGRESS', outcome: OUTCOME },
      });
      expect(updateAction).toMatchObject({ caseCode: ccasCase.caseCode, outcome: OUTCOME });
    });

    const outcomeIn = (read: Page) => read.edges.find((edge) => edge.node.id === ids.plan)?.node.outcome;

    it('is read back by the owner organisation, its writer and colleagues alike', async () => {
      expect(outcomeIn(await page(officer.client))).toBe(OUTCOME);
      expect(outcomeIn(await page(colleague.client))).toBe(OUTCOME);
    });

    it('is read by the coordinator, with the situation’s actions and in the minutes', async () => {
      const { situation } = await coordinator.client.expectData<{
        situation: { actions: { edges: { node: { id: string; outcome: string | null } }[] } };
      }>(SITUATION_ACTIONS, { id: ccasCase.situationId });
      expect(situation.actions.edges.find(({ node }) => node.id === ids.plan)?.node.outcome).toBe(OUTCOME);
      const { meetingMinutes } = await coordinator.client.expectData<{
        meetingMinutes: {
          items: { caseCode: string; actions: { id: string; caseCode: string; outcome: string }[] }[];
        };
      }>(MINUTES_ACTIONS, { m: ccasCase.meetingId });
      const item = meetingMinutes.items.find((entry) => entry.caseCode === ccasCase.caseCode)!;
      expect(item.actions.find((action) => action.id === ids.plan)).toEqual({
        id: ids.plan,
        caseCode: ccasCase.caseCode,
        outcome: OUTCOME,
      });
    });

    it('reaches no partner the action is not addressed to', async () => {
      // The CCAS referred the situation and reads it, but only its own actions in it.
      const { situation } = await socialWorker.client.expectData<{
        situation: { actions: { edges: { node: { id: string; ownerOrganisationId: string } }[] } };
      }>(SITUATION_ACTIONS, { id: ccasCase.situationId });
      expect(situation.actions.edges.map(({ node }) => node.id)).toEqual([ids.ccasOwn]);
      // Another landlord is not even told the situation exists, nor sees the action in its list.
      const elsewhere = await otherOfficer.client.request(SITUATION_ACTIONS, { id: ccasCase.situationId });
      expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(outcomeIn(await page(otherOfficer.client))).toBeUndefined();
      // Nor can it write one: the rules that list an action are those that let it be updated.
      const write = await otherOfficer.client.request(UPDATE_ACTION, {
        input: { actionId: ids.plan, status: 'DONE', outcome: 'Autre' },
      });
      expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('is kept when left out, and erased when sent empty', async () => {
      await officer.client.expectData(UPDATE_ACTION, { input: { actionId: ids.plan, status: 'DONE' } });
      expect(outcomeIn(await page(officer.client))).toBe(OUTCOME);
      const { updateAction } = await officer.client.expectData<{ updateAction: ActionNode }>(UPDATE_ACTION, {
        input: { actionId: ids.plan, status: 'DONE', outcome: '   ' },
      });
      expect(updateAction.outcome).toBeNull();
      expect(outcomeIn(await page(officer.client))).toBeNull();
      const stored = await api.dataSource.getRepository(SituationAction).findOneByOrFail({ id: ids.plan });
      expect(stored.outcome).toBeNull();
    });
  });
});
