import { randomUUID } from 'node:crypto';
import { DataCategory, Role } from '@relais/access';
import { ConsentException, DerogationGround, DerogationStatus } from '@relais/consent';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { Notification, Reminder, ReminderKind, ReminderStatus } from '@relais/reminders';
import { ActionOrigin, ActionStatus, SituationAction } from '@relais/situations';
import { GraphqlClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { Member, memberOf, referPerson, submit } from './support/referral-journey';
import { StatementCounter } from './support/statement-counter';

const PAGE = 'pageInfo { hasNextPage endCursor }';
const REFERRALS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $status: ReferralStatus) {
    list: referrals(territoryId: $t, first: $first, after: $after, status: $status) {
      edges { cursor node { id status person { caseCode } } }
      ${PAGE}
      totalCount
    }
  }
`;
const MY_REFERRALS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $referralId: ID) {
    list: myOrganisationReferrals(territoryId: $t, first: $first, after: $after, referralId: $referralId) {
      edges {
        cursor
        node {
          id
          status
          actionsForMyOrganisation { id status dueOn }
          actionsForMyOrganisationCount
        }
      }
      ${PAGE}
      totalCount
    }
  }
`;
const DEROGATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $status: DerogationStatus) {
    list: derogations(territoryId: $t, first: $first, after: $after, status: $status) {
      edges { cursor node { id status requestedAt } }
      ${PAGE}
      totalCount
    }
  }
`;
const NOTIFICATIONS = /* GraphQL */ `
  query ($first: Int!, $after: String, $unreadOnly: Boolean) {
    list: notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { cursor node { id readAt } }
      ${PAGE}
    }
    unreadNotificationCount
  }
`;

interface Node {
  id: string;
  status?: string;
  actionsForMyOrganisation?: { id: string; status: string; dueOn: string }[];
  actionsForMyOrganisationCount?: number;
}
interface Page {
  list: {
    edges: { cursor: string; node: Node }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount?: number;
  };
  unreadNotificationCount?: number;
}

/** The id a cursor carries: it must only ever name a row the reader may read. */
const cursorId = (cursor: string) =>
  (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[])[1];

/** Every page of a list, `first` at a time: the nodes in order, the cursors, and the pages read. */
async function readAll(
  client: GraphqlClient,
  document: string,
  variables: Record<string, unknown>,
  first: number,
): Promise<{ ids: string[]; cursors: string[]; pages: number; totalCount?: number; nodes: Node[] }> {
  const nodes: Node[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number | undefined;
  do {
    const page: Page = await client.expectData<Page>(document, { ...variables, first, after });
    nodes.push(...page.list.edges.map((edge) => edge.node));
    cursors.push(...page.list.edges.map((edge) => edge.cursor));
    expect(page.list.edges.length).toBeLessThanOrEqual(first);
    totalCount = page.list.totalCount;
    after = page.list.pageInfo.hasNextPage ? page.list.pageInfo.endCursor : null;
    pages += 1;
  } while (after && pages < 50);
  return { ids: nodes.map((node) => node.id), cursors, pages, totalCount, nodes };
}

/**
 * Lists read page by page with keyset cursors: two readers see each row they may read exactly
 * once, in the list's order, never a row (or its cursor) they may not read; bounds are refused in
 * French; a page costs the same statements with 3 rows as with 30.
 */
describe('paged lists: referrals, « Mes saisines », derogations and notifications', () => {
  // Forty referrals written through the api: on a loaded machine that takes a while.
  jest.setTimeout(120_000);
  let api: RunningApi;
  let territory: Territory;
  let ours: Organisation;
  let theirs: Organisation;
  let officer: Member;
  let otherOfficer: Member;
  let coordinator: Member;
  let counter: StatementCounter;
  /** In the order they were created, with the organisation that wrote them. */
  const referrals: { id: string; personId: string; mine: boolean; draft: boolean }[] = [];
  const derogations: { id: string; mine: boolean; pending: boolean }[] = [];
  const notifications: { id: string; mine: boolean }[] = [];

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    ours = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    theirs = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    officer = await memberOf(api, territory, ours, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    otherOfficer = await memberOf(api, territory, theirs, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    coordinator = await memberOf(api, territory, clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);

    // 30 of ours and 10 of theirs, interleaved, all sent; then two drafts of ours.
    for (let index = 0; index < 42; index += 1) {
      const mine = index % 4 !== 3 || index >= 40;
      const referral = await referPerson(mine ? officer.client : otherOfficer.client, {
        territoryId: territory.id,
        person: { firstName: 'Paul', lastName: `Page ${index}`, protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['ISOLATION'],
          servicesInvolved: [],
          questionToCell: 'Quel relais proposer ?',
          urgency: 'LOW',
          requests: ['CELL_EXAMINATION'],
        },
      });
      const draft = index >= 40;
      if (!draft) await submit(mine ? officer.client : otherOfficer.client, referral.id);
      referrals.push({ id: referral.id, personId: referral.person.id, mine, draft });
    }

    // Derogations asked by each officer in turn, a second apart; the last two already decided.
    const start = api.clock.now().getTime();
    for (let index = 0; index < 34; index += 1) {
      const mine = index % 3 !== 2;
      const pending = index < 32;
      const about = referrals[index];
      const row = await api.dataSource.getRepository(ConsentException).save({
        territoryId: territory.id,
        personId: about.personId,
        referralId: about.id,
        ground: DerogationGround.INCAPACITY_OR_URGENCY,
        justification: 'Personne injoignable, danger pour sa santé : partage nécessaire.',
        organisationIds: [clsm.id],
        dataCategories: [DataCategory.LOGISTIC],
        status: pending ? DerogationStatus.PENDING : DerogationStatus.APPROVED,
        requestedByUserId: mine ? officer.id : otherOfficer.id,
        requestedByOrganisationId: mine ? ours.id : theirs.id,
        requestedAt: new Date(start - (40 - index) * 1_000),
        informPersonBy: '2030-01-01',
      });
      derogations.push({ id: row.id, mine, pending });
    }

    // Notifications for each officer, a minute apart, interleaved.
    for (let index = 0; index < 45; index += 1) {
      const mine = index % 3 !== 0;
      const reminder = await api.dataSource.getRepository(Reminder).save({
        territoryId: territory.id,
        kind: ReminderKind.ACTION_DUE,
        subjectType: 'SituationAction',
        subjectId: randomUUID(),
        recipientUserId: mine ? officer.id : otherOfficer.id,
        recipientOrganisationId: mine ? ours.id : theirs.id,
        dueAt: new Date(start - (60 - index) * 60_000),
        status: ReminderStatus.SENT,
        dedupeKey: `paging-${index}`,
        createdAt: new Date(start - (60 - index) * 60_000),
      });
      const notification = await api.dataSource.getRepository(Notification).save({
        territoryId: territory.id,
        userId: reminder.recipientUserId,
        reminderId: reminder.id,
        kind: ReminderKind.ACTION_DUE,
        subjectType: 'SituationAction',
        subjectId: reminder.subjectId,
        caseCode: `PAG-${100 + index}`,
        aboutOn: '2030-01-01',
        createdAt: reminder.createdAt,
        readAt: index % 2 ? reminder.createdAt : null,
      });
      notifications.push({ id: notification.id, mine });
    }
    counter = new StatementCounter(api.appDataSource);
  }, 300_000);
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  const newestFirst = (rows: { id: string }[]) => [...rows].reverse().map((row) => row.id);

  it('gives the coordinator every referral sent, the most recently created first, each once', async () => {
    const read = await readAll(coordinator.client, REFERRALS, { t: territory.id }, 7);
    expect(read.pages).toBe(6);
    expect(read.ids).toEqual(newestFirst(referrals.filter((referral) => !referral.draft)));
    expect(read.totalCount).toBe(40);
    const sent = await readAll(coordinator.client, REFERRALS, { t: territory.id, status: 'SUBMITTED' }, 100);
    expect(sent.ids).toHaveLength(40);
  });

  it('keeps the rules on every page: an officer pages through his organisation’s referrals only', async () => {
    const read = await readAll(officer.client, REFERRALS, { t: territory.id }, 3);
    const expected = newestFirst(referrals.filter((referral) => referral.mine));
    expect(read.ids).toEqual(expected);
    expect(read.totalCount).toBe(32);
    expect(read.cursors.map(cursorId)).toEqual(expected);
    const drafts = await readAll(officer.client, REFERRALS, { t: territory.id, status: 'DRAFT' }, 1);
    expect(drafts.ids).toEqual(newestFirst(referrals.filter((referral) => referral.draft)));
    expect(drafts.pages).toBe(2);
  });

  it('pages « Mes saisines », the most recent first, for each organisation apart', async () => {
    const mine = await readAll(officer.client, MY_REFERRALS, { t: territory.id }, 4);
    expect(mine.ids).toEqual(newestFirst(referrals.filter((referral) => referral.mine)));
    expect(mine.totalCount).toBe(32);
    expect(mine.pages).toBe(8);
    const theirsRead = await readAll(otherOfficer.client, MY_REFERRALS, { t: territory.id }, 4);
    expect(theirsRead.ids).toEqual(newestFirst(referrals.filter((referral) => !referral.mine)));
    expect(theirsRead.cursors.map(cursorId)).toEqual(theirsRead.ids);
    // One referral of mine asked by id (the referral's own page); one of theirs answers nothing.
    const one = await officer.client.expectData<Page>(MY_REFERRALS, {
      t: territory.id,
      first: 1,
      referralId: referrals[0].id,
    });
    expect(one.list.edges.map((edge) => edge.node.id)).toEqual([referrals[0].id]);
    const notMine = await officer.client.expectData<Page>(MY_REFERRALS, {
      t: territory.id,
      first: 1,
      referralId: referrals[3].id,
    });
    expect(notMine.list).toMatchObject({ edges: [], totalCount: 0 });
  });

  it('shows at most 20 actions under a referral, the open ones kept first, and how many there are', async () => {
    const about = referrals[1];
    const actions = api.dataSource.getRepository(SituationAction);
    // 18 open and 5 done, due on alternate days; and one of another organisation.
    for (let index = 0; index < 24; index += 1) {
      await actions.save({
        territoryId: territory.id,
        personId: about.personId,
        description: `Action ${index}`,
        ownerOrganisationId: index === 23 ? theirs.id : ours.id,
        dueOn: `2030-01-${String(index + 1).padStart(2, '0')}`,
        status: index % 4 === 0 && index < 20 ? ActionStatus.DONE : ActionStatus.TODO,
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        createdAt: api.clock.now(),
      });
    }
    const { list } = await officer.client.expectData<Page>(MY_REFERRALS, {
      t: territory.id,
      first: 1,
      referralId: about.id,
    });
    const node = list.edges[0].node;
    expect(node.actionsForMyOrganisationCount).toBe(23);
    expect(node.actionsForMyOrganisation).toHaveLength(20);
    const shown = node.actionsForMyOrganisation!;
    expect(shown.filter((action) => action.status === 'TODO')).toHaveLength(18);
    expect(shown.map((action) => action.dueOn)).toEqual([...shown.map((action) => action.dueOn)].sort());
  });

  it('lists the derogations awaiting approval the longest waiting first, the others the newest first', async () => {
    const pending = await readAll(
      coordinator.client,
      DEROGATIONS,
      { t: territory.id, status: 'PENDING' },
      10,
    );
    expect(pending.ids).toEqual(derogations.filter((row) => row.pending).map((row) => row.id));
    expect(pending.totalCount).toBe(32);
    expect(pending.pages).toBe(4);
    const all = await readAll(coordinator.client, DEROGATIONS, { t: territory.id }, 10);
    expect(all.ids).toEqual(newestFirst(derogations));
    // An officer reads only those he asked for, on every page.
    const mine = await readAll(officer.client, DEROGATIONS, { t: territory.id }, 3);
    expect(mine.ids).toEqual(newestFirst(derogations.filter((row) => row.mine)));
    expect(mine.cursors.map(cursorId)).toEqual(mine.ids);
    expect(mine.totalCount).toBe(derogations.filter((row) => row.mine).length);
  });

  it('pages my notifications, the most recent first, and never another’s', async () => {
    const mine = await readAll(officer.client, NOTIFICATIONS, {}, 7);
    const expected = newestFirst(notifications.filter((row) => row.mine));
    expect(mine.ids).toEqual(expected);
    expect(mine.cursors.map(cursorId)).toEqual(expected);
    const unread = await readAll(officer.client, NOTIFICATIONS, { unreadOnly: true }, 4);
    expect(unread.nodes.every((node) => node.id && expected.includes(node.id))).toBe(true);
    const { unreadNotificationCount } = await officer.client.expectData<Page>(NOTIFICATIONS, { first: 1 });
    expect(unreadNotificationCount).toBe(unread.ids.length);
    expect(unread.ids.length).toBeGreaterThan(0);
  });

  it('narrows « Mes saisines » to the people of given case codes, every page of them, under the same rules', async () => {
    const BY_CODES = /* GraphQL */ `
      query ($t: ID!, $first: Int!, $after: String, $codes: [String!]) {
        list: myOrganisationReferrals(territoryId: $t, first: $first, after: $after, caseCodes: $codes) {
          edges { cursor node { id caseCode } }
          ${PAGE}
          totalCount
        }
      }
    `;
    const codeOf = async (referral: { personId: string }) =>
      (
        (await api.dataSource.query('SELECT case_code FROM persons WHERE id = $1', [referral.personId])) as {
          case_code: string;
        }[]
      )[0].case_code;
    const mine = referrals.filter((referral) => referral.mine);
    const theirs = referrals.filter((referral) => !referral.mine);
    const asked = [mine[0], mine[5], mine[20], theirs[0]];
    const codes = await Promise.all(asked.map(codeOf));

    const read = await readAll(officer.client, BY_CODES, { t: territory.id, codes }, 2);
    // Ours only, the most recent first; the other organisation's person stays out of reach.
    expect(read.ids).toEqual([mine[20].id, mine[5].id, mine[0].id]);
    expect(read.totalCount).toBe(3);
    expect(read.pages).toBe(2);

    const refusal = async (asked: unknown) => {
      const response = await officer.client.request(BY_CODES, { t: territory.id, first: 10, codes: asked });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return response.errors?.[0].extensions?.fields;
    };
    expect(await refusal(['ABC-123', 'pas un code'])).toEqual([
      { field: 'caseCodes', message: 'Ce code de situation n’est pas valide (ex. : 4XK-RQK).' },
    ]);
    expect(await refusal(Array.from({ length: 101 }, () => codes[0]))).toEqual([
      { field: 'caseCodes', message: 'Au plus 100 codes de situation à la fois.' },
    ]);
  });

  it('refuses a page size out of bounds and a cursor it did not write, in French', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-02-30', randomUUID()])).toString('base64url');
    const cases: [string, GraphqlClient, Record<string, unknown>, string][] = [
      [REFERRALS, coordinator.client, { t: territory.id }, 'saisine'],
      [MY_REFERRALS, officer.client, { t: territory.id }, 'saisine'],
      [DEROGATIONS, coordinator.client, { t: territory.id }, 'dérogation'],
      [NOTIFICATIONS, officer.client, {}, 'notification'],
    ];
    for (const [document, client, variables, noun] of cases) {
      const refusal = async (asked: Record<string, unknown>) => {
        const response = await client.request(document, { ...variables, first: 10, ...asked });
        expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        return response.errors?.[0].extensions?.fields;
      };
      expect(await refusal({ first: 0 })).toEqual([
        { field: 'first', message: `Demandez au moins une ${noun}.` },
      ]);
      expect(await refusal({ first: 101 })).toEqual([
        { field: 'first', message: `Au plus 100 ${noun}s par page.` },
      ]);
      for (const after of ['nimportequoi', forged])
        expect(await refusal({ after })).toEqual([
          { field: 'after', message: 'Ce curseur n’est pas valide : reprenez la liste depuis le début.' },
        ]);
    }
  });

  it('costs the same statements for a page of 3 as for a page of 30, each list statement named once', async () => {
    const cases: [string, GraphqlClient, Record<string, unknown>][] = [
      [REFERRALS, coordinator.client, { t: territory.id }],
      [MY_REFERRALS, officer.client, { t: territory.id }],
      [DEROGATIONS, coordinator.client, { t: territory.id, status: 'PENDING' }],
      [NOTIFICATIONS, officer.client, {}],
    ];
    const texts = new Map<string, Set<string>>();
    for (const [document, client, variables] of cases) {
      const read = (first: number) =>
        counter.counted(() => client.expectData<Page>(document, { ...variables, first }));
      const few = await read(3);
      const many = await read(30);
      expect(few.result.list.edges).toHaveLength(3);
      expect(many.result.list.edges).toHaveLength(30);
      expect(many.count.data.length).toBe(few.count.data.length);
      // The page after the first adds its keyset condition, not a statement.
      const next = await counter.counted(() =>
        client.expectData<Page>(document, {
          ...variables,
          first: 3,
          after: few.result.list.pageInfo.endCursor,
        }),
      );
      expect(next.count.data.length).toBe(few.count.data.length);
      for (const statement of [...few.count.data, ...many.count.data, ...next.count.data]) {
        const name = /^\/\* prepared:(\S+) \*\//.exec(statement)?.[1];
        if (name) texts.set(name, (texts.get(name) ?? new Set()).add(statement));
      }
    }
    expect(texts.size).toBeGreaterThanOrEqual(6);
    for (const [name, seen] of texts) expect({ name, texts: seen.size }).toEqual({ name, texts: 1 });
  });
});
