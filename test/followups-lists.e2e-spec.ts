import { Role } from '@relais/access';
import { addDays } from '@relais/config';
import {
  FollowUp,
  FollowUpKind,
  FollowUpPhase,
  FollowUpTeamMember,
  RequesterKind,
  TeamRole,
} from '@relais/followups';
import { Profession } from '@relais/identity';
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
import { randomUUID } from 'node:crypto';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  apiToday,
  recordAct,
  TrinomeAccount,
  TrinomeFollowUp,
  trinomeFollowUp,
} from './support/follow-up-fixtures';

const MY_FOLLOW_UPS = /* GraphQL */ `
  query ($first: Int, $after: String, $includeEnded: Boolean) {
    myFollowUps(first: $first, after: $after, includeEnded: $includeEnded) {
      edges {
        cursor
        node {
          id
          plannedEndOn
          caseCode
          nextReviewOn
          myReplacement {
            role
            fromOn
            untilOn
          }
          team {
            role
            userId
            holderName
            replacement
          }
          acts(first: 2) {
            edges {
              node {
                note
                recordedByName
                redactedFields
              }
            }
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
const SITUATION_FOLLOW_UPS = /* GraphQL */ `
  query ($s: ID!, $first: Int, $after: String) {
    situationFollowUps(situationId: $s, first: $first, after: $after) {
      edges {
        node {
          id
          nextReviewOn
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const ASSIGN = /* GraphQL */ `
  mutation ($input: AssignTeamMemberInput!) {
    assignTeamMember(input: $input) {
      id
    }
  }
`;

interface FollowUpNode {
  id: string;
  plannedEndOn: string;
  caseCode: string;
  nextReviewOn: string | null;
  myReplacement: { role: string; fromOn: string | null; untilOn: string | null } | null;
  team: { role: string; userId: string | null; holderName: string | null; replacement: boolean }[];
  acts: {
    edges: { node: { note: string | null; recordedByName: string | null; redactedFields: string[] } }[];
  };
}
interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * « Mes accompagnements » and a situation's follow-ups over the api: chosen in SQL from the seats
 * with their dates and the read rules, page by page.
 */
describe('follow-up lists', () => {
  let api: RunningApi;
  let f: TrinomeFollowUp;
  let today: string;
  let replacement: TrinomeAccount;
  let outsider: GraphqlClient;
  const ids = {} as Record<'soon' | 'later' | 'ended' | 'current' | 'coming' | 'past', string>;

  /** A follow-up of a new situation in the fixture's territory, its seats as given. */
  async function followUpWith(
    seats: { userId: string; organisationId: string; role: TeamRole; fromOn?: string; untilOn?: string }[],
    options: { plannedEndOn: string; ended?: boolean },
  ): Promise<string> {
    const territoryId = f.territory.id;
    const person = await api.dataSource.getRepository(Person).save({
      territoryId,
      caseCode: newCaseCode(),
      initials: 'A. B.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    const situation = await api.dataSource.getRepository(Situation).save({
      territoryId,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: api.clock.now(),
      closedAt: null,
      closureReason: null,
      nextReviewOn: addDays(today, 40),
    });
    const followUp = await api.dataSource.getRepository(FollowUp).save({
      territoryId,
      situationId: situation.id,
      kind: FollowUpKind.ASSESSMENT,
      requesterKind: RequesterKind.HOUSING,
      requestedByReferralId: null,
      requestedByDecisionId: null,
      phase: options.ended ? FollowUpPhase.ENDED : FollowUpPhase.SUPPORT,
      startedOn: addDays(today, -30),
      plannedEndOn: options.plannedEndOn,
      renewals: 0,
      endedAt: options.ended ? api.clock.now() : null,
      endReason: null,
    });
    await api.dataSource.getRepository(FollowUpTeamMember).insert(
      seats.map((seat) => ({
        territoryId,
        followUpId: followUp.id,
        role: seat.role,
        userId: seat.userId,
        organisationId: seat.organisationId,
        fromOn: seat.fromOn ?? null,
        untilOn: seat.untilOn ?? null,
      })),
    );
    return followUp.id;
  }

  beforeAll(async () => {
    api = await startApi();
    f = await trinomeFollowUp(api);
    today = apiToday(api);
    const user = await api.factory.user({
      territory: f.territory,
      organisation: f.organisations.association,
      profession: Profession.FAMILY_SOCIAL_WORKER,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    replacement = {
      id: user.id,
      email: user.email,
      password: user.password,
      name: `${user.firstName} ${user.lastName}`,
      client: (await logInClient(api.anonymous, user.email, user.password)).client,
    };
    const stranger = await api.factory.user({
      territory: f.territory,
      organisation: f.organisations.association,
      profession: Profession.SPECIALISED_EDUCATOR,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    outsider = (await logInClient(api.anonymous, stranger.email, stranger.password)).client;

    const educator = {
      userId: f.accounts.educator.id,
      organisationId: f.organisations.association.id,
      role: TeamRole.PATHWAY_COORDINATOR,
    };
    const seatOf = (fromOn: string, untilOn: string) => ({
      userId: replacement.id,
      organisationId: f.organisations.association.id,
      role: TeamRole.FAMILY_SOCIAL_WORKER,
      fromOn,
      untilOn,
    });
    ids.soon = await followUpWith([educator], { plannedEndOn: addDays(today, 10) });
    ids.later = await followUpWith([educator], { plannedEndOn: addDays(f.plannedEndOn, 30) });
    ids.ended = await followUpWith([educator], { plannedEndOn: addDays(today, 5), ended: true });
    ids.past = await followUpWith([educator, seatOf(addDays(today, -20), addDays(today, -2))], {
      plannedEndOn: addDays(today, 60),
    });
    ids.coming = await followUpWith([educator, seatOf(addDays(today, 10), addDays(today, 20))], {
      plannedEndOn: addDays(today, 70),
    });
    // The fixture's own follow-up: the replacement stands in for the TISF over the api, from yesterday.
    ids.current = f.followUpId;
    await f.accounts.coordinator.client.expectData(ASSIGN, {
      input: {
        followUpId: f.followUpId,
        role: 'FAMILY_SOCIAL_WORKER',
        userId: replacement.id,
        fromOn: addDays(today, -1),
        untilOn: addDays(today, 5),
      },
    });
  });
  afterAll(() => api.close());

  const mine = async (client: GraphqlClient, variables: Record<string, unknown> = {}) =>
    (
      await client.expectData<{ myFollowUps: Page<FollowUpNode> }>(MY_FOLLOW_UPS, {
        first: 100,
        ...variables,
      })
    ).myFollowUps;
  const idsOf = (page: Page<{ id: string }>) => page.edges.map((edge) => edge.node.id);

  it('gives a titular their follow-ups under way, the planned end soonest first, the ended ones last on demand', async () => {
    const page = await mine(f.accounts.educator.client);
    expect(idsOf(page).sort()).toEqual([ids.soon, ids.past, ids.coming, ids.current, ids.later].sort());
    expect(idsOf(page)[0]).toBe(ids.soon);
    expect(idsOf(page).at(-1)).toBe(ids.later);
    const ends = page.edges.map((edge) => edge.node.plannedEndOn);
    expect(ends).toEqual([...ends].sort());
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges[0].node.nextReviewOn).toBe(addDays(today, 40));
    expect(page.edges[0].node.myReplacement).toBeNull();
    const withEnded = await mine(f.accounts.educator.client, { includeEnded: true });
    expect(idsOf(withEnded)).toEqual([...idsOf(page), ids.ended]);
  });

  it('walks the same list page by page, without a gap or a repeat', async () => {
    const all = idsOf(await mine(f.accounts.educator.client, { includeEnded: true }));
    const walked: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round += 1) {
      const page: Page<FollowUpNode> = await mine(f.accounts.educator.client, {
        first: 2,
        after,
        includeEnded: true,
      });
      walked.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
    const refused = await f.accounts.educator.client.request(MY_FOLLOW_UPS, {
      first: 2,
      after: 'pas-un-curseur',
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives a replacement the follow-ups of its period under way or to come, never one whose period is over', async () => {
    const page = await mine(replacement.client);
    expect(idsOf(page).sort()).toEqual([ids.current, ids.coming].sort());
    const current = page.edges.find((edge) => edge.node.id === ids.current)!.node;
    expect(current.myReplacement).toEqual({
      role: 'FAMILY_SOCIAL_WORKER',
      fromOn: addDays(today, -1),
      untilOn: addDays(today, 5),
    });
    // Today the replacement holds the TISF's seat, named as colleagues see them.
    expect(current.team.find((seat) => seat.role === 'FAMILY_SOCIAL_WORKER')).toEqual({
      role: 'FAMILY_SOCIAL_WORKER',
      userId: replacement.id,
      holderName: replacement.name,
      replacement: true,
    });
    expect(current.team.find((seat) => seat.role === 'PSYCHIATRIC_PROFESSIONAL')!.holderName).toBe(
      f.accounts.nurse.name,
    );
    // Its period over, the follow-up is no longer theirs to read at all; one to come already is.
    const ONE = `query ($id: ID!) { followUp(followUpId: $id) { id } }`;
    const past = await replacement.client.request(ONE, { id: ids.past });
    expect(past.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await replacement.client.expectData(ONE, { id: ids.coming });
    // Nor may it hand that situation off any more; the situation of its current period, it may.
    const RECIPIENTS = `query ($s: ID!) { handoffRecipients(situationId: $s, first: 5) { edges { node { name } } } }`;
    const pastSituation = await api.dataSource.getRepository(FollowUp).findOneByOrFail({ id: ids.past });
    const refused = await replacement.client.request(RECIPIENTS, { s: pastSituation.situationId });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await replacement.client.expectData(RECIPIENTS, { s: f.situationId });
    const coming = page.edges.find((edge) => edge.node.id === ids.coming)!.node;
    expect(coming.myReplacement).toEqual({
      role: 'FAMILY_SOCIAL_WORKER',
      fromOn: addDays(today, 10),
      untilOn: addDays(today, 20),
    });
  });

  it('gives a practitioner without a seat nothing, neither theirs nor the situation’s', async () => {
    expect((await mine(outsider)).edges).toEqual([]);
    const { situationFollowUps } = await outsider.expectData<{ situationFollowUps: Page<{ id: string }> }>(
      SITUATION_FOLLOW_UPS,
      { s: f.situationId, first: 10 },
    );
    expect(situationFollowUps.edges).toEqual([]);
  });

  it('lists a situation’s follow-ups for its team and the coordination', async () => {
    for (const client of [f.accounts.nurse.client, f.accounts.coordinator.client]) {
      const { situationFollowUps } = await client.expectData<{
        situationFollowUps: Page<{ id: string; nextReviewOn: string | null }>;
      }>(SITUATION_FOLLOW_UPS, { s: f.situationId, first: 10 });
      expect(idsOf(situationFollowUps)).toEqual([f.followUpId]);
    }
  });

  it('shows a health-only note to the psychiatric nurse alone, in the list as in the follow-up, with who recorded it', async () => {
    await recordAct(api, f, f.accounts.nurse, {
      note: 'Traitement adapté par le psychiatre',
      noteVisibility: 'HEALTH',
    });
    const READ = `query ($id: ID!) { followUp(followUpId: $id) { acts { edges { node { note recordedByName redactedFields } } } } }`;
    const noteIn = async (client: GraphqlClient) => {
      const { followUp } = await client.expectData<{ followUp: Pick<FollowUpNode, 'acts'> }>(READ, {
        id: f.followUpId,
      });
      const listed = (await mine(client)).edges.find((edge) => edge.node.id === f.followUpId)?.node;
      return { single: followUp.acts.edges[0]?.node, listed: listed?.acts.edges[0]?.node };
    };
    const nurse = await noteIn(f.accounts.nurse.client);
    expect(nurse.single).toEqual({
      note: 'Traitement adapté par le psychiatre',
      recordedByName: f.accounts.nurse.name,
      redactedFields: [],
    });
    expect(nurse.listed).toEqual(nurse.single);
    for (const client of [f.accounts.educator.client, replacement.client]) {
      const seen = await noteIn(client);
      expect(seen.single).toEqual({
        note: null,
        recordedByName: f.accounts.nurse.name,
        redactedFields: ['note'],
      });
      expect(seen.listed).toEqual(seen.single);
    }
  });

  it('lets whoever may read an action read the outcome its organisation wrote', async () => {
    // An action the cell entrusted to the association, already late.
    const situation = await api.dataSource.getRepository(Situation).findOneByOrFail({ id: f.situationId });
    const action = await api.dataSource.getRepository(SituationAction).save({
      territoryId: f.territory.id,
      personId: situation.personId,
      situationId: f.situationId,
      description: 'Accompagner la personne au CMP',
      ownerOrganisationId: f.organisations.association.id,
      ownerUserId: null,
      dueOn: addDays(today, -3),
      status: ActionStatus.TODO,
      origin: ActionOrigin.DECISION,
      originId: randomUUID(),
      outcome: null,
      createdAt: api.clock.now(),
    });
    const outcome = 'Rendez-vous pris au CMP le 12, la personne est d’accord.';
    await f.accounts.educator.client.expectData(
      `mutation ($i: UpdateActionInput!) { updateAction(input: $i) { id outcome } }`,
      { i: { actionId: action.id, status: 'IN_PROGRESS', outcome } },
    );
    const outcomeOf = (nodes: { id: string; outcome: string | null }[]) =>
      nodes.find((node) => node.id === action.id)?.outcome;

    const { situation: read } = await f.accounts.coordinator.client.expectData<{
      situation: { actions: Page<{ id: string; outcome: string | null }> };
    }>(
      `query ($s: ID!) { situation(situationId: $s) { actions(first: 100) { edges { node { id outcome } } pageInfo { hasNextPage endCursor } } } }`,
      {
        s: f.situationId,
      },
    );
    expect(outcomeOf(read.actions.edges.map((edge) => edge.node))).toBe(outcome);
    const { overdueActions } = await f.accounts.coordinator.client.expectData<{
      overdueActions: Page<{ id: string; outcome: string | null }>;
    }>(
      `query ($t: ID!) { overdueActions(territoryId: $t, first: 50) { edges { node { id outcome } } pageInfo { hasNextPage endCursor } } }`,
      {
        t: f.territory.id,
      },
    );
    expect(outcomeOf(overdueActions.edges.map((edge) => edge.node))).toBe(outcome);
    // A colleague of the organisation that acts reads it among its actions.
    const { myOrganisationActions } = await f.accounts.tisf.client.expectData<{
      myOrganisationActions: Page<{ id: string; outcome: string | null }>;
    }>(
      `query ($t: ID!) { myOrganisationActions(territoryId: $t, first: 50) { edges { node { id outcome } } pageInfo { hasNextPage endCursor } } }`,
      {
        t: f.territory.id,
      },
    );
    expect(outcomeOf(myOrganisationActions.edges.map((edge) => edge.node))).toBe(outcome);
    // The CMP, not charged with it, does not get the action at all.
    const { myOrganisationActions: cmp } = await f.accounts.nurse.client.expectData<{
      myOrganisationActions: Page<{ id: string; outcome: string | null }>;
    }>(
      `query ($t: ID!) { myOrganisationActions(territoryId: $t, first: 50) { edges { node { id outcome } } pageInfo { hasNextPage endCursor } } }`,
      {
        t: f.territory.id,
      },
    );
    expect(outcomeOf(cmp.edges.map((edge) => edge.node))).toBeUndefined();
  });
});
