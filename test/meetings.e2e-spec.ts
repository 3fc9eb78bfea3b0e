import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { PDFParse } from 'pdf-parse';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { ItemInvitation } from '@relais/meetings';
import { OutboxEvent } from '@relais/outbox';
import { IsNull } from 'typeorm';
import { Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ADD_ITEM,
  ADD_NOTE,
  AGENDA,
  MARK_HELD,
  MINUTES,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
  UPDATE_ACTION,
  PLAN_MEETING,
  PLAN_SERIES,
  PUBLISH_AGENDA,
  REMOVE_ITEM,
  REORDER,
  SUGGESTIONS,
  UPDATE_ITEM,
} from './support/meeting-documents';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  APPROVE_DEROGATION,
  CREATE_REFERRAL,
  myReferralsOf,
  RECORD_CONSENT,
  REQUEST_DEROGATION,
  SITUATION,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
  WITHDRAW_CONSENT,
} from './support/referral-documents';

interface AgendaItemView {
  id: string;
  position: number;
  kind: string;
  minutes: number;
  caseCode: string;
  referrerKind: string | null;
  presentation: number;
  detailed: boolean;
  situationId: string | null;
  pseudonym: string | null;
  reason: string | null;
  guestOrganisationIds: string[] | null;
  redactedFields: string[];
}
interface AgendaView {
  meeting: { id: string; status: string };
  totalMinutes: number;
  standingInvitees: { userId: string; kind: string }[] | null;
  items: AgendaItemView[];
}

interface MinutesView {
  published: boolean;
  items: {
    itemId: string;
    caseCode: string;
    attended: boolean;
    summary: string | null;
    decisions: { text: string }[] | null;
    actions: { id: string; description: string; ownerOrganisationId: string }[];
    restrictedNotes: { category: string; text: string }[] | null;
  }[];
}

const DAY = 24 * 60 * 60 * 1000;
const ANSWER = /* GraphQL */ `
  mutation ($input: PersonAnswerInput!) {
    recordPersonAnswer(input: $input)
  }
`;
const CLOSE_SITUATION = /* GraphQL */ `
  mutation ($id: ID!, $reason: ClosureReason!) {
    closeSituation(situationId: $id, reason: $reason) {
      status
    }
  }
`;

describe('meetings: the coordinator prepares the agenda, each partner sees only what it needs', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  const org = {} as Record<'bailleur' | 'ccas' | 'cmp' | 'clsm', Organisation>;
  const as = {} as Record<'bailleur' | 'coordinator' | 'ccas' | 'nurse', GraphqlClient>;
  const ids = {} as Record<'ccas' | 'nurse' | 'coordinator' | 'bailleur', string>;
  const accepted = {} as Record<
    'fromBailleur' | 'fromCcas',
    { situationId: string; caseCode: string; consentId: string; referralId: string }
  >;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Séance');
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Séance');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Séance');
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM Séance');
    const member = async (
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
      inCell = false,
    ) => {
      const user = await api.factory.user({
        territory,
        organisation,
        profession,
        roles,
        cell: inCell ? cell : undefined,
      });
      return { client: (await logInClient(api.anonymous, user.email, user.password)).client, id: user.id };
    };
    const bailleur = await member(org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    const coordinator = await member(org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], true);
    const ccas = await member(org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER], true);
    const nurse = await member(org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.CELL_MEMBER], true);
    Object.assign(as, {
      bailleur: bailleur.client,
      coordinator: coordinator.client,
      ccas: ccas.client,
      nurse: nurse.client,
    });
    Object.assign(ids, {
      ccas: ccas.id,
      nurse: nurse.id,
      coordinator: coordinator.id,
      bailleur: bailleur.id,
    });

    accepted.fromBailleur = await acceptedSituation(as.bailleur, 'Martin');
    accepted.fromCcas = await acceptedSituation(as.ccas, 'Bernard');
    // The second one was examined earlier and is due for review before the meeting.
    await api.dataSource.getRepository(Situation).update(
      { id: accepted.fromCcas.situationId },
      {
        status: SituationStatus.ACTIONS_IN_PROGRESS,
        nextReviewOn: isoDay(new Date(api.clock.now().getTime() + 10 * DAY)),
      },
    );
  });
  afterAll(() => api.close());

  async function acceptedSituation(referrer: GraphqlClient, lastName: string) {
    const { createReferral } = await referrer.expectData<{
      createReferral: { id: string; person: { caseCode: string } };
    }>(CREATE_REFERRAL, {
      input: {
        territoryId: territory.id,
        person: { firstName: 'Lucie', lastName, birthDate: '1985-06-01', protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['ISOLATION'],
          servicesInvolved: [],
          questionToCell: 'Comment reprendre contact ?',
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION'],
        },
      },
    });
    const { recordConsent } = await referrer.expectData<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
      id: createReferral.id,
      input: {
        status: 'GIVEN',
        method: 'WRITTEN',
        collectedOn: isoDay(api.clock.now()),
        informationGiven: ALL_INFORMATION,
        wishesToAttend: true,
        purposes: ['CELL_EXAMINATION'],
        organisationIds: [org.ccas.id, org.cmp.id],
        organisationKinds: [],
        includesCell: true,
        dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'],
      },
    });
    await referrer.expectData(SUBMIT_REFERRAL, {
      input: {
        referralId: createReferral.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    await as.coordinator.expectData(START_PRE_REVIEW, { id: createReferral.id });
    const { acceptReferral } = await as.coordinator.expectData<{ acceptReferral: { situationId: string } }>(
      ACCEPT_REFERRAL,
      { input: { referralId: createReferral.id } },
    );
    return {
      situationId: acceptReferral.situationId,
      caseCode: createReferral.person.caseCode,
      consentId: recordConsent.id,
      referralId: createReferral.id,
    };
  }

  const inDays = (days: number) => new Date(api.clock.now().getTime() + days * DAY).toISOString();

  it('plans a meeting whose standing invitees are the cell’s members, and refuses a bad one in French', async () => {
    const { planMeeting } = await as.coordinator.expectData<{ planMeeting: { id: string; status: string } }>(
      PLAN_MEETING,
      { input: { cellId: cell.id, startsAt: inDays(20), place: 'Mairie, salle du conseil' } },
    );
    meetingId = planMeeting.id;
    expect(planMeeting.status).toBe('PLANNED');
    const agenda = await as.coordinator.expectData<{ meetingAgenda: AgendaView }>(AGENDA, { m: meetingId });
    expect(agenda.meetingAgenda.standingInvitees?.map((invitee) => invitee.userId).sort()).toEqual(
      [ids.ccas, ids.nurse].sort(),
    );

    const past = await as.coordinator.request(PLAN_MEETING, {
      input: { cellId: cell.id, startsAt: inDays(-1) },
    });
    expect(past.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(past.errors?.[0].extensions?.fields?.map((problem) => problem.field).sort()).toEqual([
      'place',
      'startsAt',
    ]);
  });

  it('plans a monthly series in one step', async () => {
    const { planMeetingSeries } = await as.coordinator.expectData<{
      planMeetingSeries: { startsAt: string; seriesId: string }[];
    }>(PLAN_SERIES, {
      input: {
        cellId: cell.id,
        startsAt: inDays(40),
        videoLink: 'https://visio.exemple.fr/cellule',
        count: 3,
      },
    });
    expect(planMeetingSeries).toHaveLength(3);
    expect(new Set(planMeetingSeries.map((meeting) => meeting.seriesId)).size).toBe(1);
    const gaps = planMeetingSeries.slice(1).map((meeting, index) => {
      return (Date.parse(meeting.startsAt) - Date.parse(planMeetingSeries[index].startsAt)) / DAY;
    });
    for (const gap of gaps) expect([28, 35]).toContain(Math.round(gap));
  });

  it('proposes the accepted referral and the review falling due, each with why', async () => {
    const { agendaSuggestions } = await as.coordinator.expectData<{
      agendaSuggestions: {
        edges: { node: { situationId: string; kind: string; reason: string; explanation: string } }[];
      };
    }>(SUGGESTIONS, { m: meetingId });
    expect(agendaSuggestions.edges.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          situationId: accepted.fromBailleur.situationId,
          kind: 'NEW',
          reason: 'ACCEPTED_NOT_SCHEDULED',
          explanation: expect.stringContaining('Saisine acceptée'),
        }),
        expect.objectContaining({
          situationId: accepted.fromCcas.situationId,
          kind: 'REVIEW',
          reason: 'REVIEW_DATE_REACHED',
          explanation: expect.stringContaining('Réexamen prévu le'),
        }),
      ]),
    );
    const byCell = await as.ccas.request(SUGGESTIONS, { m: meetingId });
    expect(byCell.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('builds the agenda: items, guests, time boxes and order', async () => {
    await as.coordinator.expectData(ADD_ITEM, {
      input: {
        meetingId,
        situationId: accepted.fromBailleur.situationId,
        presenterOrganisationId: org.bailleur.id,
        reason: 'ACCEPTED_NOT_SCHEDULED',
        guestOrganisationIds: [org.bailleur.id],
      },
    });
    const { addAgendaItem } = await as.coordinator.expectData<{ addAgendaItem: AgendaView }>(ADD_ITEM, {
      input: { meetingId, situationId: accepted.fromCcas.situationId, minutes: 20, guestOrganisationIds: [] },
    });
    expect(addAgendaItem.items.map((item) => [item.caseCode, item.kind, item.position])).toEqual([
      [accepted.fromBailleur.caseCode, 'NEW', 1],
      [accepted.fromCcas.caseCode, 'NEW', 2],
    ]);
    const [first, second] = addAgendaItem.items;
    const { updateAgendaItem } = await as.coordinator.expectData<{ updateAgendaItem: AgendaView }>(
      UPDATE_ITEM,
      {
        input: { itemId: second.id, kind: 'REVIEW', minutes: 25, guestOrganisationIds: [] },
      },
    );
    expect(updateAgendaItem.totalMinutes).toBe(15 + 25);
    const { reorderAgenda } = await as.coordinator.expectData<{ reorderAgenda: AgendaView }>(REORDER, {
      input: { meetingId, itemIds: [second.id, first.id] },
    });
    expect(reorderAgenda.items.map((item) => item.caseCode)).toEqual([
      accepted.fromCcas.caseCode,
      accepted.fromBailleur.caseCode,
    ]);
    expect(reorderAgenda.items.find((item) => item.id === first.id)?.guestOrganisationIds).toEqual([
      org.bailleur.id,
    ]);

    const again = await as.coordinator.request(ADD_ITEM, {
      input: { meetingId, situationId: accepted.fromCcas.situationId, guestOrganisationIds: [] },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const partial = await as.coordinator.request(REORDER, { input: { meetingId, itemIds: [first.id] } });
    expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // The draft agenda is the coordinator's alone.
    const early = await as.bailleur.request(AGENDA, { m: meetingId });
    expect(early.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('publishes: the agenda freezes, situations are scheduled and the invitees are told', async () => {
    const { publishAgenda } = await as.coordinator.expectData<{ publishAgenda: { status: string } }>(
      PUBLISH_AGENDA,
      { m: meetingId },
    );
    expect(publishAgenda.status).toBe('AGENDA_PUBLISHED');
    const situation = await api.dataSource
      .getRepository(Situation)
      .findOneByOrFail({ id: accepted.fromBailleur.situationId });
    expect(situation.status).toBe('SCHEDULED');
    const told = await api.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ subjectId: meetingId, type: 'meeting.agenda_published' });
    expect(told.payload).toMatchObject({ organisationIds: [org.bailleur.id] });
    expect((told.payload.userIds as string[]).sort()).toEqual([ids.ccas, ids.nurse].sort());

    const frozen = await as.coordinator.request(REMOVE_ITEM, {
      id: (await agendaOf(as.coordinator)).items[0].id,
    });
    expect(frozen.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('shows the bailleur its own item in detail and the others by case code only, never an identity', async () => {
    const agenda = await agendaOf(as.bailleur);
    const own = agenda.items.find((item) => item.caseCode === accepted.fromBailleur.caseCode)!;
    const other = agenda.items.find((item) => item.caseCode === accepted.fromCcas.caseCode)!;
    expect(own).toMatchObject({
      detailed: true,
      situationId: accepted.fromBailleur.situationId,
      referrerKind: 'HOUSING',
    });
    expect(own.pseudonym).toMatch(/^L\. M\., /);
    expect(other).toMatchObject({
      detailed: false,
      situationId: null,
      pseudonym: null,
      referrerKind: 'SOCIAL',
    });
    expect(other.redactedFields).toEqual(
      expect.arrayContaining(['pseudonym', 'situationId', 'guestOrganisationIds']),
    );
    expect(agenda.standingInvitees).toBeNull();
    expect(JSON.stringify(agenda)).not.toMatch(/Martin|Bernard|Lucie/);
    // What became of its referral: the next meeting that examines it.
    const mine = await myReferralsOf<{ nextMeetingAt: string | null }>(as.bailleur, territory.id);
    expect(mine.myOrganisationReferrals.map((referral) => referral.nextMeetingAt)).toEqual([
      (
        await as.coordinator.expectData<{ meetingAgenda: { meeting: { startsAt: string } } }>(AGENDA, {
          m: meetingId,
        })
      ).meetingAgenda.meeting.startsAt,
    ]);
  });

  it('lets the CMP nurse, named in the consent, open the situation with its identity — not from the agenda', async () => {
    const agenda = await agendaOf(as.nurse);
    expect(agenda.items.every((item) => !item.detailed)).toBe(true);
    expect(JSON.stringify(agenda)).not.toMatch(/Martin|Bernard|Lucie/);
    const { situation } = await as.nurse.expectData<{ situation: { identity: { lastName: string } | null } }>(
      SITUATION,
      { id: accepted.fromBailleur.situationId },
    );
    expect(situation.identity).toMatchObject({ lastName: 'Martin' });
  });

  it('records attendance, who was in the room, decisions and actions, and keeps health notes to health professionals', async () => {
    await as.coordinator.expectData(RECORD_ATTENDANCE, {
      input: {
        meetingId,
        entries: [
          { userId: ids.coordinator, status: 'PRESENT' },
          { userId: ids.ccas, status: 'PRESENT' },
          { userId: ids.nurse, status: 'PRESENT' },
          { userId: ids.bailleur, status: 'PRESENT' },
        ],
      },
    });
    const agenda = await agendaOf(as.coordinator);
    const itemOf = (situationId: string) => agenda.items.find((item) => item.situationId === situationId)!;
    const dueOn = isoDay(new Date(api.clock.now().getTime() + 30 * DAY));
    await as.coordinator.expectData(RECORD_ITEM, {
      input: {
        itemId: itemOf(accepted.fromBailleur.situationId).id,
        presentUserIds: [ids.coordinator, ids.ccas, ids.nurse, ids.bailleur],
        personAttended: false,
        summary: 'Isolement marqué, dette locative stable depuis deux mois.',
        decisions: [
          {
            text: 'Visite conjointe CCAS et CMP, plan d’apurement proposé par le bailleur',
            rationale: 'Renouer le contact avant toute procédure',
            actions: [
              { description: 'Proposer un plan d’apurement', ownerOrganisationId: org.bailleur.id, dueOn },
              { description: 'Visite à domicile avec le CCAS', ownerOrganisationId: org.cmp.id, dueOn },
            ],
          },
        ],
      },
    });
    await as.coordinator.expectData(RECORD_ITEM, {
      input: {
        itemId: itemOf(accepted.fromCcas.situationId).id,
        presentUserIds: [ids.coordinator, ids.ccas],
        personAttended: true,
        summary: 'Point d’étape : accompagnement budgétaire engagé.',
        decisions: [
          {
            text: 'Poursuivre l’accompagnement budgétaire',
            actions: [{ description: 'Bilan budgétaire', ownerOrganisationId: org.ccas.id, dueOn }],
          },
        ],
      },
    });
    const examined = await api.dataSource
      .getRepository(Situation)
      .findOneByOrFail({ id: accepted.fromBailleur.situationId });
    expect(examined.status).toBe('EXAMINED');

    const healthNote = {
      itemId: itemOf(accepted.fromBailleur.situationId).id,
      category: 'HEALTH_SECRET',
      text: 'Traitement interrompu depuis l’été.',
    };
    await as.nurse.expectData(ADD_NOTE, { input: healthNote });
    for (const client of [as.bailleur, as.ccas]) {
      const refused = await client.request(ADD_NOTE, { input: healthNote });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // The nurse had left the room for the other item: nothing to write there.
    const absent = await as.nurse.request(ADD_NOTE, {
      input: { ...healthNote, itemId: itemOf(accepted.fromCcas.situationId).id },
    });
    expect(absent.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('publishes the minutes: each reader gets its part, situations move on, invitations lapse', async () => {
    await as.coordinator.expectData(MARK_HELD, { m: meetingId });
    const draft = await as.bailleur.request(MINUTES, { m: meetingId });
    expect(draft.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    await as.coordinator.expectData(PUBLISH_MINUTES, { m: meetingId });

    const situation = await api.dataSource
      .getRepository(Situation)
      .findOneByOrFail({ id: accepted.fromBailleur.situationId });
    expect(situation.status).toBe('ACTIONS_IN_PROGRESS');
    expect(situation.nextReviewOn).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    const lapsed = await api.dataSource
      .getRepository(ItemInvitation)
      .countBy({ meetingId, lapsedAt: IsNull() });
    expect(lapsed).toBe(0);
    expect(
      await api.dataSource
        .getRepository(OutboxEvent)
        .countBy({ subjectId: meetingId, type: 'meeting.minutes_published' }),
    ).toBe(1);

    const bailleurs = await minutesOf(as.bailleur);
    const ownItem = bailleurs.items.find((item) => item.caseCode === accepted.fromBailleur.caseCode)!;
    const otherItem = bailleurs.items.find((item) => item.caseCode === accepted.fromCcas.caseCode)!;
    expect(ownItem).toMatchObject({ summary: null, decisions: null, restrictedNotes: null });
    expect(ownItem.actions).toEqual([
      expect.objectContaining({
        description: 'Proposer un plan d’apurement',
        ownerOrganisationId: org.bailleur.id,
      }),
    ]);
    expect(otherItem).toMatchObject({ summary: null, decisions: null, restrictedNotes: null, actions: [] });
    expect(JSON.stringify(bailleurs)).not.toMatch(/Traitement|Isolement|budgétaire engagé/);

    const nurses = await minutesOf(as.nurse);
    const nurseItem = nurses.items.find((item) => item.caseCode === accepted.fromBailleur.caseCode)!;
    expect(nurseItem.restrictedNotes).toEqual([
      { category: 'HEALTH_SECRET', text: 'Traitement interrompu depuis l’été.' },
    ]);
    expect(nurseItem.summary).toContain('Isolement');
    expect(nurseItem.actions).toHaveLength(2);
    expect(nurses.items.find((item) => item.caseCode === accepted.fromCcas.caseCode)).toMatchObject({
      attended: false,
      summary: null,
      restrictedNotes: null,
    });

    const ccasItem = (await minutesOf(as.ccas)).items.find(
      (item) => item.caseCode === accepted.fromBailleur.caseCode,
    )!;
    expect(ccasItem.summary).toContain('Isolement');
    expect(ccasItem.restrictedNotes).toEqual([]);
  });

  it('serves the agenda and the decision log as French PDFs: no identity, no restricted note, audited', async () => {
    const pdfText = async (client: GraphqlClient, document: 'agenda' | 'decisions') => {
      const response = await fetch(`${api.url}/documents/meetings/${meetingId}/${document}.pdf`, {
        headers: { authorization: `Bearer ${client.accessToken}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
      return (await parser.getText()).text;
    };
    const nurseAgenda = await pdfText(as.nurse, 'agenda');
    expect(nurseAgenda).toContain('Ordre du jour');
    expect(nurseAgenda).toContain(accepted.fromBailleur.caseCode);
    expect(nurseAgenda).toContain(accepted.fromCcas.caseCode);

    const coordinatorLog = await pdfText(as.coordinator, 'decisions');
    expect(coordinatorLog).toContain('Relevé de décisions');
    expect(coordinatorLog).toContain('Visite conjointe CCAS et CMP');
    expect(coordinatorLog).toContain('Bilan budgétaire');

    const bailleurLog = await pdfText(as.bailleur, 'decisions');
    expect(bailleurLog).toContain('Proposer un plan d’apurement');
    expect(bailleurLog).not.toContain('Visite conjointe');
    expect(bailleurLog).not.toContain('Bilan budgétaire');

    for (const text of [nurseAgenda, coordinatorLog, bailleurLog, await pdfText(as.bailleur, 'agenda')]) {
      expect(text).not.toMatch(/Martin|Bernard|Lucie|1985/);
      expect(text).not.toContain('Traitement interrompu');
    }

    const anonymous = await fetch(`${api.url}/documents/meetings/${meetingId}/agenda.pdf`);
    expect(anonymous.status).toBe(401);
    const malformed = await fetch(`${api.url}/documents/meetings/pas-un-id/agenda.pdf`, {
      headers: { authorization: `Bearer ${as.nurse.accessToken}` },
    });
    expect(malformed.status).toBe(400);
    const downloads = await api.dataSource
      .getRepository(AuditEvent)
      .countBy({ subjectId: meetingId, action: 'DOCUMENT_DOWNLOADED' });
    expect(downloads).toBe(4);
  });

  it('lets the bailleur mark its action done, and no one else', async () => {
    const [action] = (await minutesOf(as.bailleur)).items.flatMap((item) => item.actions);
    const byOther = await as.ccas.request(UPDATE_ACTION, { input: { actionId: action.id, status: 'DONE' } });
    expect(byOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const done = await as.bailleur.expectData<{ updateAction: { status: string } }>(UPDATE_ACTION, {
      input: { actionId: action.id, status: 'DONE' },
    });
    expect(done.updateAction.status).toBe('DONE');
    expect(
      await api.dataSource.getRepository(OutboxEvent).countBy({ subjectId: action.id, type: 'action.done' }),
    ).toBe(1);
    const mine = await myReferralsOf<{ actionsForMyOrganisation: { status: string }[] }>(
      as.bailleur,
      territory.id,
    );
    expect(mine.myOrganisationReferrals[0].actionsForMyOrganisation).toEqual([
      expect.objectContaining({ status: 'DONE' }),
    ]);
  });

  it('proposes situations with overdue actions, and a derogation to review before anything else', async () => {
    const { planMeeting } = await as.coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
      input: { cellId: cell.id, startsAt: inDays(45), place: 'Mairie' },
    });
    const suggestionsFor = async () =>
      (
        await as.coordinator.expectData<{
          agendaSuggestions: {
            edges: { node: { situationId: string; reason: string; explanation: string } }[];
          };
        }>(SUGGESTIONS, { m: planMeeting.id })
      ).agendaSuggestions.edges.map((edge) => edge.node);
    // Actions decided at the first meeting fall due a month later: overdue at this one.
    expect(await suggestionsFor()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          situationId: accepted.fromCcas.situationId,
          reason: 'OVERDUE_ACTIONS',
          explanation: '1 action(s) en retard à la date de la séance.',
        }),
      ]),
    );
    const { requestDerogation } = await as.nurse.expectData<{ requestDerogation: { id: string } }>(
      REQUEST_DEROGATION,
      {
        id: accepted.fromBailleur.referralId,
        input: {
          ground: 'PERIL',
          justification: 'Risque vital constaté, la personne ne peut être jointe pour consentir.',
          organisationIds: [org.ccas.id],
          dataCategories: ['IDENTITY'],
        },
      },
    );
    await as.ccas.expectData(APPROVE_DEROGATION, { id: requestDerogation.id });
    const proposed = (await suggestionsFor()).find(
      (suggestion) => suggestion.situationId === accepted.fromBailleur.situationId,
    );
    expect(proposed).toMatchObject({ reason: 'DEROGATION_TO_REVIEW' });
  });

  it('records whether the person was told of the proposals, and closes a situation with its reason', async () => {
    const itemId = (await agendaOf(as.coordinator)).items.find(
      (item) => item.situationId === accepted.fromBailleur.situationId,
    )!.id;
    const future = await as.coordinator.request(ANSWER, {
      input: { itemId, informedOn: isoDay(new Date(api.clock.now().getTime() + 3 * DAY)), answer: 'AGREES' },
    });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await as.coordinator.expectData(ANSWER, {
      input: { itemId, informedOn: isoDay(api.clock.now()), answer: 'AGREES' },
    });

    // Re-examined at a later meeting: same case code, second presentation, a review by default.
    const { planMeeting } = await as.coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
      input: { cellId: cell.id, startsAt: inDays(90), place: 'Mairie' },
    });
    const { addAgendaItem } = await as.coordinator.expectData<{ addAgendaItem: AgendaView }>(ADD_ITEM, {
      input: {
        meetingId: planMeeting.id,
        situationId: accepted.fromBailleur.situationId,
        guestOrganisationIds: [],
      },
    });
    expect(addAgendaItem.items).toEqual([
      expect.objectContaining({ caseCode: accepted.fromBailleur.caseCode, kind: 'REVIEW', presentation: 2 }),
    ]);
    await as.coordinator.expectData(REMOVE_ITEM, { id: addAgendaItem.items[0].id });

    const refused = await as.bailleur.request(CLOSE_SITUATION, {
      id: accepted.fromBailleur.situationId,
      reason: 'NO_LONGER_COMPLEX',
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { closeSituation } = await as.coordinator.expectData<{ closeSituation: { status: string } }>(
      CLOSE_SITUATION,
      { id: accepted.fromBailleur.situationId, reason: 'NO_LONGER_COMPLEX' },
    );
    expect(closeSituation.status).toBe('CLOSED');
    const again = await as.coordinator.request(CLOSE_SITUATION, {
      id: accepted.fromBailleur.situationId,
      reason: 'NO_LONGER_COMPLEX',
    });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses to put a situation on an agenda once the person withdrew her consent', async () => {
    const { planMeeting } = await as.coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
      input: { cellId: cell.id, startsAt: inDays(60), place: 'CCAS' },
    });
    await as.ccas.expectData(WITHDRAW_CONSENT, { id: accepted.fromCcas.consentId });
    const refused = await as.coordinator.request(ADD_ITEM, {
      input: {
        meetingId: planMeeting.id,
        situationId: accepted.fromCcas.situationId,
        guestOrganisationIds: [],
      },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('consenti');
  });

  async function minutesOf(client: GraphqlClient): Promise<MinutesView> {
    return (await client.expectData<{ meetingMinutes: MinutesView }>(MINUTES, { m: meetingId }))
      .meetingMinutes;
  }

  async function agendaOf(client: GraphqlClient): Promise<AgendaView> {
    return (await client.expectData<{ meetingAgenda: AgendaView }>(AGENDA, { m: meetingId })).meetingAgenda;
  }
});

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
