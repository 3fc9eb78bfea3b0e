import { Role } from '@relais/access';
import { parisDate } from '@relais/config';
import { FollowUp, FollowUpKind, FollowUpPhase, RequesterKind } from '@relais/followups';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { GraphqlClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { Member, memberOf, recordConsent, referPerson, submitAndAccept } from './support/referral-journey';

const SITUATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $filter: SituationFilterInput) {
    situations(territoryId: $t, first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          territoryId
          person {
            caseCode
            pseudonym
            district
          }
          status
          statusLabel
          nextReviewOn
          referrerKinds
          openActionCount
          nextActionDueOn
          nextStep
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

interface Node {
  id: string;
  territoryId: string;
  person: { caseCode: string; pseudonym: string; district: string | null };
  status: SituationStatus;
  statusLabel: string;
  nextReviewOn: string | null;
  referrerKinds: string[];
  openActionCount: number;
  nextActionDueOn: string | null;
  nextStep: string;
  redactedFields: string[];
}
interface Page {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const DAY = 86_400_000;

/**
 * « Situations » read from the api: the territory's situations the reader may read, filtered in
 * SQL by the same rules as one situation, by status, district, referrer kind and review due,
 * next review soonest then oldest opened, page by page with cursors that neither skip nor repeat.
 */
describe('the list of situations', () => {
  let api: RunningApi;
  let territory: Territory;
  let elsewhere: Territory;
  let cell: Cell;
  const org = {} as Record<'bailleur' | 'ccas' | 'cmp' | 'otherBailleur' | 'clsm', Organisation>;
  let coordinator: Member;
  let officer: Member;
  let socialWorker: Member;
  let nurse: Member;
  let otherOfficer: Member;
  let elsewhereCoordinator: Member;
  const journey = { bailleur: '', ccas: '', cmp: '' };
  let seeded: Situation[] = [];
  let today: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    elsewhere = await api.factory.territory();
    cell = await api.factory.cell(territory);
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    org.otherBailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    coordinator = await memberOf(
      api,
      territory,
      org.clsm,
      Profession.CLSM_COORDINATOR,
      [Role.COORDINATOR],
      cell,
    );
    officer = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    socialWorker = await memberOf(api, territory, org.ccas, Profession.SOCIAL_WORKER, [Role.REFERRER]);
    nurse = await memberOf(api, territory, org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.REFERRER]);
    otherOfficer = await memberOf(api, territory, org.otherBailleur, Profession.HOUSING_OFFICER, [
      Role.REFERRER,
    ]);
    const elsewhereClsm = await api.factory.organisation(elsewhere, OrganisationKind.MUNICIPAL);
    elsewhereCoordinator = await memberOf(api, elsewhere, elsewhereClsm, Profession.CLSM_COORDINATOR, [
      Role.COORDINATOR,
    ]);
    today = parisDate(api.clock.now());

    // Three situations opened through the real journey, each referred by another kind of partner.
    journey.bailleur = await referAndAccept(officer, org.bailleur, 'Aubert');
    journey.ccas = await referAndAccept(socialWorker, org.ccas, 'Barbier');
    journey.cmp = await referAndAccept(nurse, org.cmp, 'Carpentier');

    // Volume and the states the filters tell apart, straight into the database.
    const inDays = (days: number) => parisDate(new Date(api.clock.now().getTime() + days * DAY));
    const plan: { status: SituationStatus; review: string | null; district: string | null }[] = [
      { status: SituationStatus.REVIEW_DUE, review: inDays(-3), district: 'Quartier Nord' },
      { status: SituationStatus.REVIEW_DUE, review: null, district: 'quartier nord' },
      { status: SituationStatus.ACTIONS_IN_PROGRESS, review: inDays(-1), district: 'Centre' },
      { status: SituationStatus.ACTIONS_IN_PROGRESS, review: today, district: 'Centre' },
      { status: SituationStatus.ACTIONS_IN_PROGRESS, review: inDays(30), district: 'Centre' },
      { status: SituationStatus.CLOSED, review: inDays(-10), district: 'Quartier Nord' },
      { status: SituationStatus.SCHEDULED, review: inDays(30), district: null },
      { status: SituationStatus.SCHEDULED, review: inDays(30), district: null },
      { status: SituationStatus.SCHEDULED, review: inDays(30), district: null },
      { status: SituationStatus.ACCEPTED, review: null, district: 'Sud' },
      { status: SituationStatus.ACCEPTED, review: null, district: 'Sud' },
      { status: SituationStatus.EXAMINED, review: inDays(60), district: 'Sud' },
    ];
    seeded = await seed(territory.id, plan);
    // Three of them opened at the same instant, to the microsecond, and reviewed the same day: only
    // the id tells them apart, which the cursor must keep.
    await api.dataSource.query(
      `UPDATE situations SET opened_at = '2026-02-01 10:00:00.123456+00' WHERE id = ANY($1::uuid[])`,
      [seeded.slice(6, 9).map((situation) => situation.id)],
    );
    await seed(elsewhere.id, [{ status: SituationStatus.ACCEPTED, review: null, district: 'Centre' }]);

    // Actions on the landlord's situation: two open (one for the landlord, one for the CCAS), one done.
    await api.dataSource.getRepository(SituationAction).save(
      [
        { owner: org.bailleur.id, dueOn: inDays(12), status: ActionStatus.TODO },
        { owner: org.ccas.id, dueOn: inDays(5), status: ActionStatus.BLOCKED },
        { owner: org.bailleur.id, dueOn: inDays(1), status: ActionStatus.DONE },
      ].map((action, index) => ({
        territoryId: territory.id,
        personId: personOf(journey.bailleur),
        situationId: journey.bailleur,
        description: `Action ${index}`,
        ownerOrganisationId: action.owner,
        ownerUserId: null,
        dueOn: action.dueOn,
        status: action.status,
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        outcome: null,
        createdAt: new Date(),
      })),
    );
  });
  afterAll(() => api.close());

  const personIds = new Map<string, string>();
  const personOf = (situationId: string) => personIds.get(situationId)!;

  async function referAndAccept(
    member: Member,
    organisation: Organisation,
    lastName: string,
  ): Promise<string> {
    const referral = await referPerson(member.client, {
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
    await recordConsent(member.client, api, referral.id, { organisationIds: [organisation.id] });
    const situationId = await submitAndAccept(member.client, coordinator.client, referral.id);
    personIds.set(situationId, referral.person.id);
    return situationId;
  }

  async function seed(
    territoryId: string,
    plan: { status: SituationStatus; review: string | null; district: string | null }[],
  ): Promise<Situation[]> {
    const people = await api.dataSource.getRepository(Person).save(
      plan.map(({ district }) => ({
        territoryId,
        caseCode: newCaseCode(),
        initials: 'A. B.',
        ageBand: AgeBand.AGE_40_49,
        district,
      })),
    );
    return api.dataSource.getRepository(Situation).save(
      plan.map(({ status, review }, index) => ({
        territoryId,
        personId: people[index].id,
        status,
        openedAt: new Date(Date.UTC(2026, 0, 1 + index)),
        closedAt: status === SituationStatus.CLOSED ? new Date() : null,
        closureReason: null,
        nextReviewOn: review,
      })),
    );
  }

  const page = (client: GraphqlClient, variables: Record<string, unknown>) =>
    client
      .expectData<{ situations: Page }>(SITUATIONS, { t: territory.id, first: 25, ...variables })
      .then((answer) => answer.situations);

  /** Every page from the start, `first` at a time. */
  async function all(client: GraphqlClient, variables: Record<string, unknown> = {}): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const next: Page = await page(client, { first: 4, ...variables, after });
      nodes.push(...next.edges.map((edge) => edge.node));
      if (!next.pageInfo.hasNextPage) return nodes;
      after = next.pageInfo.endCursor;
    }
    throw new Error('La liste ne finit pas.');
  }

  it('gives the coordinator every situation of the territory once, page after page, in review then opening order', async () => {
    const nodes = await all(coordinator.client);
    const ids = nodes.map((node) => node.id);
    const expected = [...seeded.map((situation) => situation.id), ...Object.values(journey)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(nodes.every((node) => node.territoryId === territory.id)).toBe(true);

    // Next review soonest, none planned last; then the oldest opened.
    const reviews = nodes.map((node) => node.nextReviewOn ?? '9999-12-31');
    expect(reviews).toEqual([...reviews].sort());
    const [first] = nodes;
    expect(first.nextReviewOn).toBe(seeded[5].nextReviewOn);
    // The three opened at the same instant come together, by id.
    const tied = seeded
      .slice(6, 9)
      .map((situation) => situation.id)
      .sort();
    const at = ids.indexOf(tied[0]);
    expect(ids.slice(at, at + 3)).toEqual(tied);
    // Same list when read in one page.
    const whole = await page(coordinator.client, { first: 100 });
    expect(whole.edges.map((edge) => edge.node.id)).toEqual(ids);
    expect(whole.pageInfo.hasNextPage).toBe(false);
  });

  it('says each line in French, with who referred as a kind and what comes next', async () => {
    const nodes = await all(coordinator.client);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const landlords = byId.get(journey.bailleur)!;
    expect(landlords.referrerKinds).toEqual(['HOUSING']);
    expect(landlords.statusLabel).toBe('Acceptée');
    expect(landlords.nextStep).toBe('À inscrire à l’ordre du jour d’une séance.');
    expect(landlords.openActionCount).toBe(2);
    expect(landlords.redactedFields).toEqual([]);
    // A CMP is told as a partner of care or support, never by its own kind.
    expect(byId.get(journey.cmp)!.referrerKinds).toEqual(['CARE_OR_SUPPORT']);
    expect(byId.get(seeded[0].id)!.nextStep).toBe('À réexaminer : l’inscrire à une séance.');
    expect(byId.get(seeded[2].id)!.nextStep).toBe('Date de réexamen atteinte : l’inscrire à une séance.');
    expect(byId.get(seeded[6].id)!.person.pseudonym).toBe('A. B., 40–49 ans');
  });

  it('filters by status, district, referrer kind and review due, together with the pages', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await all(coordinator.client, { filter })).map((node) => node.id).sort();
    const sorted = (...list: string[]) => list.sort();

    expect(await ids({ statuses: ['SCHEDULED', 'EXAMINED'] })).toEqual(
      sorted(...seeded.slice(6, 9).map((s) => s.id), seeded[11].id),
    );
    // District without regard to case or surrounding spaces.
    expect(await ids({ district: '  QUARTIER nord ' })).toEqual(
      sorted(seeded[0].id, seeded[1].id, seeded[5].id),
    );
    expect(await ids({ referrerKinds: ['HOUSING'] })).toEqual([journey.bailleur]);
    expect(await ids({ referrerKinds: ['SOCIAL', 'CARE_OR_SUPPORT'] })).toEqual(
      sorted(journey.ccas, journey.cmp),
    );
    // Reviews due today: those marked so and those whose date came, never a closed one.
    expect(await ids({ reviewDueBy: today })).toEqual(
      sorted(seeded[0].id, seeded[1].id, seeded[2].id, seeded[3].id),
    );
    expect(await ids({ reviewDueBy: today, district: 'Centre', statuses: ['ACTIONS_IN_PROGRESS'] })).toEqual(
      sorted(seeded[2].id, seeded[3].id),
    );
    expect(await ids({ district: 'Nulle part' })).toEqual([]);
  });

  it('gives a partner only the situations whose circle holds its organisation, and only its actions', async () => {
    const landlord = await all(officer.client);
    expect(landlord.map((node) => node.id)).toEqual([journey.bailleur]);
    // The CCAS's action on it is not the landlord's to count.
    expect(landlord[0].openActionCount).toBe(1);
    expect((await all(socialWorker.client)).map((node) => node.id)).toEqual([journey.ccas]);
    // A landlord outside every circle: nothing, whatever the filter.
    expect(await all(otherOfficer.client)).toEqual([]);
    expect(await all(otherOfficer.client, { filter: { referrerKinds: ['HOUSING'] } })).toEqual([]);
  });

  it('never shows another territory’s rows', async () => {
    const mine = await all(coordinator.client, { filter: { district: 'Centre' } });
    expect(mine).toHaveLength(3);
    // Asked for the other territory, this coordinator gets nothing; its own coordinator gets its own.
    const across = await coordinator.client.expectData<{ situations: Page }>(SITUATIONS, {
      t: elsewhere.id,
      first: 25,
    });
    expect(across.situations.edges).toEqual([]);
    const theirs = await elsewhereCoordinator.client.expectData<{ situations: Page }>(SITUATIONS, {
      t: elsewhere.id,
      first: 25,
    });
    expect(theirs.situations.edges.map((edge) => edge.node.territoryId)).toEqual([elsewhere.id]);
    const theirsInMine = await elsewhereCoordinator.client.expectData<{ situations: Page }>(SITUATIONS, {
      t: territory.id,
      first: 25,
    });
    expect(theirsInMine.situations.edges).toEqual([]);
  });

  it('leaves out a situation whose person row-level security hides, without a gap in the pages', async () => {
    // A situation of this territory pointing at a person of another, which only the owner can write:
    // the coordinator must not see it, nor a line without its person.
    // Its own situation there is closed: a person has one open situation at most.
    const [stray] = await seed(elsewhere.id, [
      { status: SituationStatus.CLOSED, review: null, district: 'Centre' },
    ]);
    const inconsistent = await api.dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: stray.personId,
      status: SituationStatus.ACCEPTED,
      openedAt: new Date(Date.UTC(2026, 0, 1)),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    try {
      const nodes = await all(coordinator.client);
      expect(nodes.map((node) => node.id)).not.toContain(inconsistent.id);
      expect(new Set(nodes.map((node) => node.id))).toEqual(
        new Set([...seeded.map((situation) => situation.id), ...Object.values(journey)]),
      );
      expect(nodes.every((node) => node.person.caseCode)).toBe(true);
    } finally {
      await api.dataSource.getRepository(Situation).delete({ id: inconsistent.id });
    }
  });

  it('refuses a cursor it did not write, and a page too large, on their fields', async () => {
    const forged = await coordinator.client.request(SITUATIONS, {
      t: territory.id,
      first: 5,
      after: Buffer.from(JSON.stringify(['2026-01-01', 'x', 'y'])).toString('base64url'),
    });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const large = await coordinator.client.request(SITUATIONS, { t: territory.id, first: 500 });
    expect(large.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badDay = await coordinator.client.request(SITUATIONS, {
      t: territory.id,
      first: 5,
      filter: { reviewDueBy: '2026-02-30' },
    });
    expect(badDay.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('names, on the situation, the follow-ups the reader may read: the coordination yes, the circle no', async () => {
    const followUp = await api.dataSource.getRepository(FollowUp).save({
      territoryId: territory.id,
      situationId: journey.bailleur,
      kind: FollowUpKind.HOUSING_SUSTAINMENT,
      requesterKind: RequesterKind.HOUSING,
      requestedByReferralId: null,
      requestedByDecisionId: null,
      phase: FollowUpPhase.ORIENTATION,
      startedOn: today,
      plannedEndOn: '2027-06-01',
      renewals: 0,
      endedAt: null,
      endReason: null,
    });
    const FOLLOW_UPS = 'query ($id: ID!) { situation(situationId: $id) { followUpIds } }';
    const read = (client: GraphqlClient) =>
      client.expectData<{ situation: { followUpIds: string[] } }>(FOLLOW_UPS, { id: journey.bailleur });
    expect((await read(coordinator.client)).situation.followUpIds).toEqual([followUp.id]);
    expect((await read(officer.client)).situation.followUpIds).toEqual([]);
  });
});
