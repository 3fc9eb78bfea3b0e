import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { parisDate } from '@relais/config';
import { PDFParse } from 'pdf-parse';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  CREATE_REFERRAL,
  RECORD_CONSENT,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
} from './support/referral-documents';

const FOLLOW_UP_FIELDS = /* GraphQL */ `
  id phase kind requesterKind startedOn plannedEndOn caseCode
  objectives { id text status }
  team { role userId replacement vacancy }
  acts { edges { node { id type noteVisibility note redactedFields } } }
  indicators { acts homeShare daysSinceLastContact }
`;
const START = `mutation ($input: StartFollowUpInput!) { startFollowUp(input: $input) { ${FOLLOW_UP_FIELDS} } }`;
const ASSIGN = `mutation ($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { ${FOLLOW_UP_FIELDS} } }`;
const MOVE = `mutation ($id: ID!, $phase: FollowUpPhase!) { moveFollowUpToPhase(followUpId: $id, phase: $phase) { ${FOLLOW_UP_FIELDS} } }`;
const ACT = `mutation ($input: RecordActInput!) { recordFollowUpAct(input: $input) { ${FOLLOW_UP_FIELDS} } }`;
const READ = `query ($id: ID!) { followUp(followUpId: $id) { ${FOLLOW_UP_FIELDS} } }`;
const END = `mutation ($id: ID!, $reason: String) { endFollowUp(followUpId: $id, reason: $reason) { phase } }`;
const PROPOSE = `mutation ($input: ProposeHandoffInput!) { proposeHandoff(input: $input) { id status receivingOrganisationId } }`;
const ANSWER = `mutation ($input: AnswerHandoffInput!) { answerHandoff(input: $input) { id status } }`;
const CLOSE = `mutation ($id: ID!) { closeSituation(situationId: $id, reason: PLAN_COMPLETED_HANDED_TO_COMMON_LAW) { status closureReason } }`;
const OBJECTIVE = `mutation ($input: ObjectiveStatusInput!) { setFollowUpObjectiveStatus(input: $input) { ${FOLLOW_UP_FIELDS} } }`;
const SUSPEND = `mutation ($input: MembershipTargetInput!) { suspendMembership(input: $input) { id } }`;

interface FollowUpView {
  id: string;
  phase: string;
  team: { role: string; userId: string | null; vacancy: string | null }[];
  acts: {
    edges: {
      node: { type: string; noteVisibility: string; note: string | null; redactedFields: string[] };
    }[];
  };
  indicators: { acts: number; homeShare: number; daysSinceLastContact: number | null };
}

describe('trinôme follow-up: the psychiatric nurse’s journey to a hand-off', () => {
  let api: RunningApi;
  let territory: Territory;
  const org = {} as Record<'bailleur' | 'association' | 'cmp' | 'ccas' | 'clsm', Organisation>;
  const as = {} as Record<
    'bailleur' | 'coordinator' | 'educator' | 'tisf' | 'nurse' | 'psychiatrist' | 'admin',
    GraphqlClient
  >;
  const ids = {} as Record<'educator' | 'tisf' | 'nurse', string>;
  let situationId: string;
  let referralId: string;
  let followUpId: string;
  let handoffId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.association = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION);
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const member = async (organisation: Organisation, profession: Profession, roles: Role[]) => {
      const user = await api.factory.user({ territory, organisation, profession, roles });
      return { client: (await logInClient(api.anonymous, user.email, user.password)).client, id: user.id };
    };
    const people = {
      bailleur: await member(org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]),
      coordinator: await member(org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]),
      educator: await member(org.association, Profession.SPECIALISED_EDUCATOR, [Role.FOLLOWUP_PRACTITIONER]),
      tisf: await member(org.association, Profession.FAMILY_SOCIAL_WORKER, [Role.FOLLOWUP_PRACTITIONER]),
      nurse: await member(org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.FOLLOWUP_PRACTITIONER]),
      psychiatrist: await member(org.cmp, Profession.PSYCHIATRIST, [Role.CELL_MEMBER]),
      admin: await member(org.clsm, Profession.ADMINISTRATIVE_STAFF, [Role.TERRITORY_ADMIN]),
    };
    for (const [name, person] of Object.entries(people)) as[name as keyof typeof as] = person.client;
    Object.assign(ids, { educator: people.educator.id, tisf: people.tisf.id, nurse: people.nurse.id });

    const { createReferral } = await as.bailleur.expectData<{ createReferral: { id: string } }>(
      CREATE_REFERRAL,
      {
        input: {
          territoryId: territory.id,
          person: {
            firstName: 'Yves',
            lastName: 'Relais',
            birthDate: '1966-02-02',
            protectionMeasure: 'NONE',
          },
          form: {
            difficultyAreas: ['HYGIENE_HOARDING', 'CARE_INTERRUPTION'],
            servicesInvolved: ['Bailleur'],
            questionToCell: 'Évaluer la situation avant toute procédure',
            urgency: 'MEDIUM',
            requests: ['FOLLOW_UP_ASSESSMENT'],
          },
        },
      },
    );
    referralId = createReferral.id;
    await as.bailleur.expectData(RECORD_CONSENT, {
      id: referralId,
      input: {
        status: 'GIVEN',
        method: 'WRITTEN',
        collectedOn: parisDate(api.clock.now()),
        informationGiven: ALL_INFORMATION,
        wishesToAttend: false,
        purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
        organisationIds: [org.association.id, org.cmp.id],
        organisationKinds: [],
        includesCell: true,
        dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'],
      },
    });
    await as.bailleur.expectData(SUBMIT_REFERRAL, {
      input: { referralId, commonLawRoutesTried: true, notAnEmergency: true, imminentDanger: false },
    });
    await as.coordinator.expectData(START_PRE_REVIEW, { id: referralId });
    situationId = (
      await as.coordinator.expectData<{ acceptReferral: { situationId: string } }>(ACCEPT_REFERRAL, {
        input: { referralId },
      })
    ).acceptReferral.situationId;
  });
  afterAll(() => api.close());

  const read = async (client: GraphqlClient) =>
    (await client.expectData<{ followUp: FollowUpView }>(READ, { id: followUpId })).followUp;
  const seat = (view: FollowUpView, role: string) => view.team.find((candidate) => candidate.role === role)!;

  it('starts the follow-up asked by the bailleur’s referral, and refuses support while a role is vacant', async () => {
    const { startFollowUp } = await as.coordinator.expectData<{ startFollowUp: FollowUpView }>(START, {
      input: {
        situationId,
        kind: 'ASSESSMENT',
        requesterKind: 'HOUSING',
        requestedByReferralId: referralId,
        objectives: ['Renouer le contact avec le CMP', 'Éviter la procédure d’expulsion'],
        team: [
          { role: 'PATHWAY_COORDINATOR', userId: ids.educator },
          { role: 'FAMILY_SOCIAL_WORKER', userId: ids.tisf },
        ],
      },
    });
    followUpId = startFollowUp.id;
    expect(startFollowUp.phase).toBe('ORIENTATION');
    expect(seat(startFollowUp, 'PSYCHIATRIC_PROFESSIONAL').vacancy).toBe('NOT_ASSIGNED');
    await as.educator.expectData(MOVE, { id: followUpId, phase: 'ASSESSMENT' });
    const refused = await as.educator.request(MOVE, { id: followUpId, phase: 'SUPPORT' });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].extensions?.fields).toEqual([
      { field: 'team.PSYCHIATRIC_PROFESSIONAL', message: 'Rôle vacant.' },
    ]);

    // The psychiatric seat belongs to a health professional.
    const wrong = await as.coordinator.request(ASSIGN, {
      input: { followUpId, role: 'PSYCHIATRIC_PROFESSIONAL', userId: ids.tisf },
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await as.coordinator.expectData(ASSIGN, {
      input: { followUpId, role: 'PSYCHIATRIC_PROFESSIONAL', userId: ids.nurse },
    });
    const { moveFollowUpToPhase } = await as.nurse.expectData<{ moveFollowUpToPhase: FollowUpView }>(MOVE, {
      id: followUpId,
      phase: 'SUPPORT',
    });
    expect(moveFollowUpToPhase.phase).toBe('SUPPORT');
    const objective = (
      moveFollowUpToPhase as FollowUpView & { objectives: { id: string; text: string }[] }
    ).objectives.find((candidate) => candidate.text === 'Renouer le contact avec le CMP')!;
    const { setFollowUpObjectiveStatus } = await as.educator.expectData<{
      setFollowUpObjectiveStatus: { objectives: { id: string; status: string }[] };
    }>(OBJECTIVE, { input: { objectiveId: objective.id, status: 'ACHIEVED' } });
    expect(
      setFollowUpObjectiveStatus.objectives.find((candidate) => candidate.id === objective.id)?.status,
    ).toBe('ACHIEVED');
    expect(moveFollowUpToPhase.team.every((candidate) => candidate.vacancy === null)).toBe(true);
  });

  it('records a home visit whose health-only note the TISF sees as a visit without its note, and the bailleur not at all', async () => {
    const act = {
      followUpId,
      occurredOn: parisDate(api.clock.now()),
      type: 'HOME_VISIT',
      durationMinutes: 60,
      presentUserIds: [ids.nurse, ids.tisf],
      note: 'Traitement neuroleptique arrêté depuis trois mois.',
      noteVisibility: 'HEALTH',
    };
    const byTisf = await as.tisf.request(ACT, { input: act });
    expect(byTisf.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The follow-up the change returns holds its first page of acts, the new one at the top.
    const recorded = await as.nurse.expectData<{ recordFollowUpAct: FollowUpView }>(ACT, { input: act });
    expect(recorded.recordFollowUpAct.acts.edges[0].node).toMatchObject({
      type: 'HOME_VISIT',
      note: act.note,
    });

    const nurseView = await read(as.nurse);
    expect(nurseView.acts.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ type: 'HOME_VISIT', note: act.note, redactedFields: [] }),
    ]);
    expect(nurseView.indicators).toEqual({ acts: 1, homeShare: 1, daysSinceLastContact: 0 });
    const tisfView = await read(as.tisf);
    expect(tisfView.acts.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        type: 'HOME_VISIT',
        noteVisibility: 'HEALTH',
        note: null,
        redactedFields: ['note'],
      }),
    ]);
    const bailleur = await as.bailleur.request(READ, { id: followUpId });
    expect(bailleur.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a hand-off to a partner the consent does not name, and proposes one to the CMP', async () => {
    const handoff = {
      situationId,
      followUpId,
      referentName: 'Dr Essai',
      cmpFollowUpStatus: 'APPOINTMENT_SET',
      firstAppointmentOn: '2027-01-12',
      evictionProcedureState: 'PRE_LITIGATION',
      rightsOpened: ['HEALTH_COVERAGE', 'HOUSING_ALLOWANCE'],
      personAgreed: true,
    };
    const outside = await as.nurse.request(PROPOSE, {
      input: { ...handoff, receivingOrganisationId: org.ccas.id },
    });
    expect(outside.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(outside.errors?.[0].message).toContain('consentement');
    const { proposeHandoff } = await as.nurse.expectData<{ proposeHandoff: { id: string; status: string } }>(
      PROPOSE,
      {
        input: { ...handoff, receivingOrganisationId: org.cmp.id },
      },
    );
    handoffId = proposeHandoff.id;
    expect(proposeHandoff.status).toBe('PROPOSED');

    const early = await as.educator.request(END, { id: followUpId });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    const tooSoon = await as.coordinator.request(CLOSE, { id: situationId });
    expect(tooSoon.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('is accepted by a CMP user; the follow-up ends and the situation closes as handed over', async () => {
    // The hand-off is not addressed to the bailleur: for it, it does not exist.
    const byBailleur = await as.bailleur.request(ANSWER, { input: { handoffId, accept: true } });
    expect(byBailleur.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { answerHandoff } = await as.psychiatrist.expectData<{ answerHandoff: { status: string } }>(
      ANSWER,
      {
        input: { handoffId, accept: true },
      },
    );
    expect(answerHandoff.status).toBe('ACCEPTED');
    expect(
      await api.dataSource
        .getRepository(OutboxEvent)
        .countBy({ subjectId: handoffId, type: 'handoff.answered' }),
    ).toBe(1);

    await as.nurse.expectData(MOVE, { id: followUpId, phase: 'HANDOFF' });
    const { endFollowUp } = await as.educator.expectData<{ endFollowUp: { phase: string } }>(END, {
      id: followUpId,
    });
    expect(endFollowUp.phase).toBe('ENDED');
    const { closeSituation } = await as.coordinator.expectData<{
      closeSituation: { status: string; closureReason: string };
    }>(CLOSE, { id: situationId });
    expect(closeSituation).toEqual({
      status: 'CLOSED',
      closureReason: 'PLAN_COMPLETED_HANDED_TO_COMMON_LAW',
    });
  });

  it('gives the receiving service the hand-off as a French PDF, audited; the bailleur cannot fetch it', async () => {
    const fetchAs = (client: GraphqlClient) =>
      fetch(`${api.url}/documents/handoffs/${handoffId}/passage-de-relais.pdf`, {
        headers: { authorization: `Bearer ${client.accessToken}` },
      });
    const response = await fetchAs(as.psychiatrist);
    expect(response.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) }).getText()).text;
    expect(text).toContain('Passage de relais');
    expect(text).toContain('Yves Relais');
    expect(text).toContain('rendez-vous fixé');
    expect(text).toContain('aide au logement');
    expect((await fetchAs(as.bailleur)).status).toBe(404);
    const audited = await api.dataSource
      .getRepository(AuditEvent)
      .countBy({ subjectId: handoffId, action: 'DOCUMENT_DOWNLOADED' });
    expect(audited).toBe(1);
  });

  it('gives the coordinator and the team anonymous indicators over their follow-ups', async () => {
    const query = `query ($t: ID!) { followUpIndicators(territoryId: $t) {
      followUps actsPerFollowUp homeShare renewals handoffsAccepted
      byKindAndRequester { kind requesterKind count }
      cmpFollowUpAtHandoff { status count }
    } }`;
    const { followUpIndicators } = await as.coordinator.expectData<{
      followUpIndicators: Record<string, unknown>;
    }>(query, { t: territory.id });
    expect(followUpIndicators).toEqual({
      followUps: 1,
      actsPerFollowUp: 1,
      homeShare: 1,
      renewals: 0,
      handoffsAccepted: 1,
      byKindAndRequester: [{ kind: 'ASSESSMENT', requesterKind: 'HOUSING', count: 1 }],
      // Over one follow-up, the CMP status at hand-off is that person's health: for health readers only.
      cmpFollowUpAtHandoff: null,
    });
    type Figures = { followUpIndicators: { followUps: number; cmpFollowUpAtHandoff: unknown } };
    const tisf = await as.tisf.expectData<Figures>(query, { t: territory.id });
    expect(tisf.followUpIndicators).toMatchObject({ followUps: 1, cmpFollowUpAtHandoff: null });
    const nurse = await as.nurse.expectData<Figures>(query, { t: territory.id });
    expect(nurse.followUpIndicators.cmpFollowUpAtHandoff).toEqual([{ status: 'APPOINTMENT_SET', count: 1 }]);
    const bailleur = await as.bailleur.request(query, { t: territory.id });
    expect(bailleur.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the psychiatric seat vacant once the nurse is suspended, and announces it', async () => {
    await as.admin.expectData(SUSPEND, { input: { territoryId: territory.id, userId: ids.nurse } });
    const view = await read(as.coordinator);
    expect(seat(view, 'PSYCHIATRIC_PROFESSIONAL')).toMatchObject({ userId: ids.nurse, vacancy: 'SUSPENDED' });
    // While the TISF is away, the educator stands in for a dated period; the titular returns after.
    const today = parisDate(api.clock.now());
    const later = new Date(api.clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const { assignTeamMember } = await as.coordinator.expectData<{ assignTeamMember: FollowUpView }>(ASSIGN, {
      input: {
        followUpId,
        role: 'FAMILY_SOCIAL_WORKER',
        userId: ids.educator,
        fromOn: today,
        untilOn: later,
      },
    });
    expect(seat(assignTeamMember, 'FAMILY_SOCIAL_WORKER')).toMatchObject({
      userId: ids.educator,
      replacement: true,
      vacancy: null,
    });
    const announced = await api.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ territoryId: territory.id, type: 'membership.access_reduced' });
    expect(announced.payload).toMatchObject({ userId: ids.nurse, change: 'MEMBERSHIP_SUSPENDED' });
  });
});
