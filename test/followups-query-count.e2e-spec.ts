import { Role } from '@relais/access';
import {
  ActType,
  FollowUp,
  FollowUpAct,
  FollowUpKind,
  FollowUpObjective,
  FollowUpPhase,
  FollowUpTeamMember,
  NoteVisibility,
  ObjectiveStatus,
  RequesterKind,
  TeamRole,
} from '@relais/followups';
import { OrganisationKind, Profession, Territory, User } from '@relais/identity';
import {
  AgeBand,
  CmpFollowUpStatus,
  EvictionProcedureState,
  Handoff,
  HandoffStatus,
  newCaseCode,
  Person,
  Situation,
  SituationStatus,
} from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const MY_FOLLOW_UPS = /* GraphQL */ `
  query ($first: Int!) {
    myFollowUps(first: $first) {
      edges {
        node {
          id
          caseCode
          nextReviewOn
          myReplacement {
            role
          }
          team {
            role
            holderName
            vacancy
          }
          objectives {
            text
          }
          acts(first: 2) {
            edges {
              node {
                note
                recordedByName
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const INCOMING = /* GraphQL */ `
  query ($first: Int!) {
    incomingHandoffs(first: $first) {
      edges {
        node {
          id
          caseCode
          receivingOrganisationName
          proposedByOrganisationName
          remindersSentAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
const RECIPIENTS = /* GraphQL */ `
  query ($s: ID!, $first: Int!) {
    handoffRecipients(situationId: $s, first: $first) {
      edges {
        node {
          organisationId
          allowed
          reason
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

/** The follow-up and hand-off lists cost the same statements for a page of 5 as for a page of 50. */
describe('follow-up and hand-off lists: constant SQL whatever the page size', () => {
  let api: RunningApi;
  let territory: Territory;
  let educator: User & { password: string };
  let nurseClient: GraphqlClient;
  let educatorClient: GraphqlClient;
  let coordinatorClient: GraphqlClient;
  let situations: Situation[];
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const association = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION);
    const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    for (let index = 0; index < 60; index += 1) {
      await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    }
    educator = await api.factory.user({
      territory,
      organisation: association,
      profession: Profession.SPECIALISED_EDUCATOR,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    const nurse = await api.factory.user({
      territory,
      organisation: cmp,
      profession: Profession.PSYCHIATRIC_NURSE,
      roles: [Role.FOLLOWUP_PRACTITIONER],
    });
    const coordinator = await api.factory.user({
      territory,
      organisation: clsm,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
    });
    educatorClient = (await logInClient(api.anonymous, educator.email, educator.password)).client;
    nurseClient = (await logInClient(api.anonymous, nurse.email, nurse.password)).client;
    coordinatorClient = (await logInClient(api.anonymous, coordinator.email, coordinator.password)).client;

    // Sixty follow-ups of sixty people, each with two seats, an objective, two acts (one a health
    // note) and a hand-off to the CMP, so that a statement per follow-up, seat, act or hand-off shows.
    const people = await api.dataSource.getRepository(Person).save(
      Array.from({ length: 60 }, () => ({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'A. B.',
        ageBand: AgeBand.AGE_40_49,
        district: null,
      })),
    );
    situations = await api.dataSource.getRepository(Situation).save(
      people.map((person) => ({
        territoryId: territory.id,
        personId: person.id,
        status: SituationStatus.ACTIONS_IN_PROGRESS,
        openedAt: new Date(),
        closedAt: null,
        closureReason: null,
        nextReviewOn: '2027-06-01',
      })),
    );
    const followUps = await api.dataSource.getRepository(FollowUp).save(
      situations.map((situation, index) => ({
        territoryId: territory.id,
        situationId: situation.id,
        kind: FollowUpKind.ASSESSMENT,
        requesterKind: RequesterKind.HOUSING,
        requestedByReferralId: null,
        requestedByDecisionId: null,
        phase: FollowUpPhase.SUPPORT,
        startedOn: '2026-11-02',
        plannedEndOn: `2027-0${(index % 9) + 1}-15`,
        renewals: 0,
        endedAt: null,
        endReason: null,
      })),
    );
    await api.dataSource.getRepository(FollowUpTeamMember).insert(
      followUps.flatMap((followUp) => [
        {
          territoryId: territory.id,
          followUpId: followUp.id,
          role: TeamRole.PATHWAY_COORDINATOR,
          userId: educator.id,
          organisationId: association.id,
          fromOn: null,
          untilOn: null,
        },
        {
          territoryId: territory.id,
          followUpId: followUp.id,
          role: TeamRole.PSYCHIATRIC_PROFESSIONAL,
          userId: nurse.id,
          organisationId: cmp.id,
          fromOn: null,
          untilOn: null,
        },
      ]),
    );
    await api.dataSource.getRepository(FollowUpObjective).insert(
      followUps.map((followUp) => ({
        territoryId: territory.id,
        followUpId: followUp.id,
        text: 'Renouer avec le CMP',
        status: ObjectiveStatus.OPEN,
      })),
    );
    await api.dataSource.getRepository(FollowUpAct).insert(
      followUps.flatMap((followUp) =>
        [NoteVisibility.TEAM, NoteVisibility.HEALTH].map((visibility, index) => ({
          territoryId: territory.id,
          followUpId: followUp.id,
          occurredOn: `2026-11-1${index}`,
          type: ActType.HOME_VISIT,
          durationMinutes: 45,
          presentUserIds: [],
          note: 'Visite à domicile',
          noteVisibility: visibility,
          authorUserId: index ? nurse.id : educator.id,
          recordedAt: new Date(),
        })),
      ),
    );
    await api.dataSource.getRepository(Handoff).insert(
      followUps.map((followUp, index) => ({
        territoryId: territory.id,
        situationId: followUp.situationId,
        followUpId: followUp.id,
        receivingOrganisationId: cmp.id,
        referentName: null,
        cmpFollowUpStatus: CmpFollowUpStatus.REQUESTED,
        firstAppointmentOn: null,
        socialReferent: null,
        evictionProcedureState: EvictionProcedureState.NONE,
        rightsOpened: [],
        residualRisks: null,
        contacts: null,
        personAgreed: true,
        status: HandoffStatus.PROPOSED,
        declineReason: null,
        proposedByUserId: educator.id,
        proposedByOrganisationId: association.id,
        proposedAt: new Date(Date.UTC(2026, 10, 1, 0, index)),
        answeredByUserId: null,
        answeredAt: null,
      })),
    );
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it('reads « my follow-ups » in the same statements for 5 and for 50', async () => {
    const read = (first: number) =>
      counter.counted(() =>
        educatorClient.expectData<{ myFollowUps: { edges: unknown[] } }>(MY_FOLLOW_UPS, { first }),
      );
    const few = await read(5);
    const many = await read(50);
    expect(few.result.myFollowUps.edges).toHaveLength(5);
    expect(many.result.myFollowUps.edges).toHaveLength(50);
    expect(many.count.data.length).toBe(few.count.data.length);
  });

  it('reads the hand-offs received in the same statements for 5 and for 50', async () => {
    const read = (first: number) =>
      counter.counted(() =>
        nurseClient.expectData<{ incomingHandoffs: { edges: unknown[] } }>(INCOMING, { first }),
      );
    const few = await read(5);
    const many = await read(50);
    expect(few.result.incomingHandoffs.edges).toHaveLength(5);
    expect(many.result.incomingHandoffs.edges).toHaveLength(50);
    expect(many.count.data.length).toBe(few.count.data.length);
  });

  it('reads the partners a hand-off may go to in the same statements for 5 and for 50', async () => {
    const read = (first: number) =>
      counter.counted(() =>
        coordinatorClient.expectData<{ handoffRecipients: { edges: unknown[] } }>(RECIPIENTS, {
          s: situations[0].id,
          first,
        }),
      );
    const few = await read(5);
    const many = await read(50);
    expect(few.result.handoffRecipients.edges).toHaveLength(5);
    expect(many.result.handoffRecipients.edges).toHaveLength(50);
    expect(many.count.data.length).toBe(few.count.data.length);
  });
});
