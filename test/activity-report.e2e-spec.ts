import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import {
  ReportAction,
  ReportCharterAcceptance,
  ReportConsent,
  ReportDerogation,
  ReportFollowUp,
  ReportHandoff,
  ReportMeeting,
  ReportMeetingAttendance,
  ReportMembership,
  ReportReferral,
  ProjectionRebuilder,
  ReportingConsumer,
  ReportSituation,
} from '@relais/reporting';
import { GraphqlClient, IsolatedDatabase, logInClient, provisionIsolatedDatabase } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { recordConsent, referPerson, submit, submitAndAccept } from './support/referral-journey';
import { REDIRECT_REFERRAL } from './support/referral-documents';
import { RoleSession, sessionsByRole } from './support/role-sessions';
import { REPORT } from './support/activity-report-reading';
import { StatementCounter } from './support/statement-counter';

const SET_THRESHOLD = /* GraphQL */ `
  mutation ($i: SmallCountThresholdInput!) {
    setSmallCountThreshold(input: $i) {
      id
      settings {
        smallCountThreshold
      }
    }
  }
`;

interface Figure {
  key: string;
  unit: string;
  value: number | null;
  previous: number | null;
  suppressed: boolean;
  previousSuppressed: boolean;
}
interface Breakdown {
  key: string;
  figures: Figure[];
  total: Figure | null;
}
interface Report {
  from: string;
  previousFrom: string;
  previousTo: string;
  smallCountThreshold: number;
  sections: {
    key: string;
    breakdowns: Breakdown[];
    series: { key: string; points: { month: string; value: number | null }[] }[];
  }[];
}

/** A person the api knows by name: none of this may appear in a report. */
const PERSON = { firstName: 'Zéphirine', lastName: 'Quintal-Brouillard', birthDate: '1957-03-14' };
const FREE_TEXT = 'Voisinage inquiet depuis la chute dans la cage d’escalier';

/**
 * A year of a territory's activity (2025, with 2024 before it) as the projection holds it, and the
 * figures expected from it. Counts are chosen to fall both sides of the threshold of 5.
 */
function history(territoryId: string) {
  const day = (month: number, dayOfMonth: number, year = 2025) =>
    `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const referrerKinds = [
    ...Array(12).fill('HOUSING'),
    ...Array(6).fill('SOCIAL'),
    'PSYCHIATRY',
    'PSYCHIATRY',
  ];
  const referrals: Partial<ReportReferral>[] = referrerKinds.map((kind, index) => {
    // Ten in January, six in March, four in June.
    const submittedOn = index < 10 ? day(1, 10) : index < 16 ? day(3, 5) : day(6, 2);
    const outcome = index < 15 ? 'ACCEPTED' : index < 18 ? 'REDIRECTED' : null;
    const examined = outcome === 'ACCEPTED';
    return {
      territoryId,
      referralId: randomUUID(),
      situationId: examined ? randomUUID() : null,
      submittedOn,
      referrerKind: kind,
      difficultyAreas:
        index % 2 ? ['HOUSING_DEBT', 'ISOLATION'] : index === 0 ? ['SAFETY_RISK'] : ['HOUSING_DEBT'],
      urgent: index < 2,
      admissibility: outcome === 'REDIRECTED' ? 'REDIRECTED' : 'ADMISSIBLE',
      admissibilityOn: submittedOn,
      outcome,
      outcomeOn: outcome ? submittedOn : null,
      // 10 + index days to the first examination.
      firstExaminedOn: examined ? addDays(submittedOn, 10 + index) : null,
      examinations: examined ? (index < 5 ? 2 : 1) : 0,
      status: outcome ?? 'PRE_REVIEW',
    };
  });
  const before: Partial<ReportReferral>[] = Array.from({ length: 8 }, () => ({
    territoryId,
    referralId: randomUUID(),
    submittedOn: day(5, 1, 2024),
    referrerKind: 'HOUSING',
    difficultyAreas: ['HOUSING_DEBT'],
    status: 'SUBMITTED',
  }));
  const actions: Partial<ReportAction>[] = Array.from({ length: 12 }, (_, index) => ({
    territoryId,
    actionId: randomUUID(),
    decidedOn: day(2, 1),
    dueOn: index < 10 ? day(4, 1) : day(3, 1, 2026),
    doneOn: index < 7 ? day(2, 21) : null,
    status: index < 7 ? 'DONE' : 'TODO',
  }));
  const situations: Partial<ReportSituation>[] = referrals
    .filter((referral) => referral.situationId)
    .map((referral, index) => ({
      territoryId,
      situationId: referral.situationId!,
      openedOn: referral.submittedOn!,
      closedOn: index < 6 ? day(11, 1) : null,
      closureReason: index < 5 ? 'PLAN_COMPLETED_HANDED_TO_COMMON_LAW' : index < 6 ? 'DECEASED' : null,
    }));
  const consents: Partial<ReportConsent>[] = referrals.map((referral, index) => ({
    territoryId,
    consentId: randomUUID(),
    personId: randomUUID(),
    status: index < 18 ? 'GIVEN' : 'REFUSED',
    givenOn: index < 18 ? referral.submittedOn! : null,
    refusedOn: index < 18 ? null : referral.submittedOn!,
  }));
  const derogations: Partial<ReportDerogation>[] = [
    { territoryId, derogationId: randomUUID(), ground: 'PERIL', requestedOn: day(7, 1), status: 'APPROVED' },
  ];
  const memberships: Partial<ReportMembership>[] = Array.from({ length: 10 }, () => ({
    territoryId,
    membershipId: randomUUID(),
    organisationKind: 'SOCIAL',
    roles: ['CELL_MEMBER'],
    activeFrom: day(1, 1, 2024),
  }));
  const acceptances: Partial<ReportCharterAcceptance>[] = memberships.slice(0, 8).map((membership) => ({
    territoryId,
    membershipId: membership.membershipId!,
    charterVersion: '1',
    acceptedOn: day(1, 2),
  }));
  const meetings: Partial<ReportMeeting>[] = Array.from({ length: 10 }, (_, index) => ({
    territoryId,
    meetingId: randomUUID(),
    plannedOn: day(index + 1, 15),
    heldOn: day(index + 1, 15),
    items: 3,
  }));
  const attendance: Partial<ReportMeetingAttendance>[] = meetings.flatMap((meeting, index) => [
    {
      territoryId,
      meetingId: meeting.meetingId!,
      organisationKind: 'HOUSING',
      invited: 1,
      present: index < 7 ? 1 : 0,
    },
    { territoryId, meetingId: meeting.meetingId!, organisationKind: 'PSYCHIATRY', invited: 1, present: 1 },
  ]);
  const followUps: Partial<ReportFollowUp>[] = Array.from({ length: 6 }, (_, index) => ({
    territoryId,
    followUpId: randomUUID(),
    situationId: situations[index].situationId!,
    personId: randomUUID(),
    kind: index < 4 ? 'ASSESSMENT' : 'HOUSING_SUSTAINMENT',
    startedOn: day(3, 1),
    endedOn: index < 5 ? day(9, 1) : null,
    renewals: index < 5 ? 1 : 0,
    acts: 10,
    actsAtHome: 5,
    housedAtEnd: index < 5 ? true : null,
  }));
  const handoffs: Partial<ReportHandoff>[] = followUps.slice(0, 5).map((followUp) => ({
    territoryId,
    handoffId: randomUUID(),
    followUpId: followUp.followUpId!,
    situationId: followUp.situationId!,
    proposedOn: day(8, 1),
    answeredOn: day(8, 10),
    status: 'ACCEPTED',
    receiverKind: 'PSYCHIATRY',
    cmpFollowUp: 'ONGOING',
  }));
  return {
    referrals: [...referrals, ...before],
    actions,
    situations,
    consents,
    derogations,
    memberships,
    acceptances,
    meetings,
    attendance,
    followUps,
    handoffs,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('activity report (bilan d’activité)', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let seeded: ReturnType<typeof history>;
  // Its own database: its sessions are dated January 2026, and another suite's housekeeping, run at
  // today's date or later in the shared database, deletes every session whose end has passed.
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    api = await startApi(isolated.environment);
    api.clock.set(new Date('2026-01-15T09:00:00Z'));
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    seeded = history(territory.id);
    const owner = api.dataSource;
    await owner.getRepository(ReportReferral).insert(seeded.referrals);
    await owner.getRepository(ReportAction).insert(seeded.actions);
    await owner.getRepository(ReportSituation).insert(seeded.situations);
    await owner.getRepository(ReportConsent).insert(seeded.consents);
    await owner.getRepository(ReportDerogation).insert(seeded.derogations);
    await owner.getRepository(ReportMembership).insert(seeded.memberships);
    await owner.getRepository(ReportCharterAcceptance).insert(seeded.acceptances);
    await owner.getRepository(ReportMeeting).insert(seeded.meetings);
    await owner.getRepository(ReportMeetingAttendance).insert(seeded.attendance);
    await owner.getRepository(ReportFollowUp).insert(seeded.followUps);
    await owner.getRepository(ReportHandoff).insert(seeded.handoffs);
    // A person the api knows by name, with free text about her: the report never reads them.
    await referPerson(sessions.REFERRER.client, {
      territoryId: territory.id,
      person: { ...PERSON, protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: ['Bailleur'],
        questionToCell: FREE_TEXT,
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await isolated?.drop();
  });

  async function reportAs(role: Role, from = '2025-01-01', to = '2025-12-31') {
    return sessions[role].client.request<{ activityReport: Report }>(REPORT, { t: territory.id, from, to });
  }

  function breakdownOf(report: Report, key: string): Breakdown {
    const found = report.sections.flatMap((section) => section.breakdowns).find((b) => b.key === key);
    if (!found) throw new Error(`Tableau absent : ${key}`);
    return found;
  }

  function figure(report: Report, key: string): Figure {
    const all = report.sections.flatMap((section) =>
      section.breakdowns.flatMap((b) => [...b.figures, ...(b.total ? [b.total] : [])]),
    );
    const found = all.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`Chiffre absent : ${key}`);
    return found;
  }

  it('gives the coordination the year’s figures against its history, the previous year beside them', async () => {
    const counter = new StatementCounter(api.appDataSource);
    const year = await counter.counted(() => reportAs(Role.COORDINATOR));
    const quiet = await counter.counted(() => reportAs(Role.COORDINATOR, '2019-01-01', '2019-12-31'));
    counter.restore();
    // Five statements read the projection, whatever the number of rows.
    expect(year.count.data.filter((statement) => /\breport_/.test(statement))).toHaveLength(5);
    expect(year.count.data).toHaveLength(quiet.count.data.length);
    const { data, errors } = year.result;
    expect(errors).toBeUndefined();
    const report = data!.activityReport;
    expect(report).toMatchObject({
      from: '2025-01-01',
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
      smallCountThreshold: 5,
    });
    const inYear = seeded.referrals.filter((referral) => referral.submittedOn!.startsWith('2025'));
    const kinds = (kind: string) => inYear.filter((referral) => referral.referrerKind === kind).length;
    expect(figure(report, 'referrals.total')).toMatchObject({ value: inYear.length, previous: 8 });
    expect(figure(report, 'referrals.byReferrerKind.HOUSING')).toMatchObject({
      value: kinds('HOUSING'),
      previous: 8,
    });
    // Two psychiatric referrals are hidden; the six social ones go with them, else 20 − 12 gives 2 back.
    expect(figure(report, 'referrals.byReferrerKind.PSYCHIATRY')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(figure(report, 'referrals.byReferrerKind.SOCIAL')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(figure(report, 'referrals.byReferrerKind.MUNICIPAL')).toMatchObject({
      value: 0,
      suppressed: false,
    });
    expect(figure(report, 'referrals.byDifficultyArea.ISOLATION').value).toBe(
      inYear.filter((referral) => referral.difficultyAreas!.includes('ISOLATION')).length,
    );
    expect(figure(report, 'referrals.byDifficultyArea.SAFETY_RISK')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(figure(report, 'referrals.outcome.ACCEPTED').value).toBe(15);
    expect(figure(report, 'referrals.outcome.REDIRECTED')).toMatchObject({ value: null, suppressed: true });
    // Examined: 10 + index days for the fifteen accepted (indexes 0–14): median 17.
    expect(figure(report, 'examination.firstExamined').value).toBe(15);
    expect(figure(report, 'examination.medianDaysToFirstExamination').value).toBe(17);
    expect(figure(report, 'examination.represented').value).toBe(5);
    expect(figure(report, 'examination.medianDaysDecisionToDone').value).toBe(20);
    expect(figure(report, 'actions.total').value).toBe(12);
    expect(figure(report, 'actions.state.DONE').value).toBe(7);
    expect(figure(report, 'actions.state.OVERDUE')).toMatchObject({ value: null, suppressed: true });
    expect(figure(report, 'situations.opened').value).toBe(15);
    expect(figure(report, 'situations.closureReasons.DECEASED')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(figure(report, 'situations.closureReasons.PLAN_COMPLETED_HANDED_TO_COMMON_LAW').suppressed).toBe(
      true,
    );
    // Two refusals hidden alone would be 20 − 18: the eighteen consents go with them.
    expect(figure(report, 'consent.total').value).toBe(20);
    expect(figure(report, 'consent.status.REFUSED')).toMatchObject({ value: null, suppressed: true });
    expect(figure(report, 'consent.status.GIVEN')).toMatchObject({ value: null, suppressed: true });
    expect(figure(report, 'derogations.total')).toMatchObject({ value: null, suppressed: true });
    expect(figure(report, 'charter.members').value).toBe(10);
    // 8 of 10: the two who have not accepted would be a small count.
    expect(figure(report, 'charter.share')).toMatchObject({ value: null, suppressed: true });
    expect(figure(report, 'meetings.held').value).toBe(10);
    expect(figure(report, 'meetings.items').value).toBe(30);
    expect(figure(report, 'meetings.attendanceByKind.HOUSING').value).toBe(70);
    expect(figure(report, 'meetings.attendanceByKind.PSYCHIATRY').value).toBe(100);
    expect(figure(report, 'followUps.total').value).toBe(6);
    expect(figure(report, 'followUps.people').value).toBe(6);
    expect(figure(report, 'followUps.renewed').value).toBe(5);
    expect(figure(report, 'followUps.actsPerFollowUp').value).toBe(10);
    expect(figure(report, 'followUps.actsAtHome').value).toBe(50);
    expect(figure(report, 'followUps.housedAtEnd').value).toBe(100);
    expect(figure(report, 'handoffs.status.ACCEPTED').value).toBe(5);
    expect(figure(report, 'handoffs.cmpFollowUp.ONGOING').value).toBe(5);
    // Ten in January and six in March shown but March hidden with June's four, twelve months.
    const perMonth = report.sections.find((section) => section.key === 'referrals')!.series[0].points;
    expect(perMonth).toHaveLength(12);
    expect(perMonth.slice(0, 6).map((point) => point.value)).toEqual([10, 0, null, 0, 0, null]);
  });

  it('hides small counts so that no total gives them back, and tells nothing about a person', async () => {
    const { data } = await reportAs(Role.STEERING);
    const report = data!.activityReport;
    const threshold = report.smallCountThreshold;
    for (const breakdown of report.sections.flatMap((section) => section.breakdowns)) {
      for (const shown of [...breakdown.figures, ...(breakdown.total ? [breakdown.total] : [])]) {
        if (shown.unit === 'COUNT' && !shown.suppressed)
          expect(shown.value === 0 || shown.value! >= threshold).toBe(true);
        if (shown.suppressed) expect(shown.value).toBeNull();
        if (shown.previousSuppressed) expect(shown.previous).toBeNull();
      }
      if (breakdown.total && !breakdown.total.suppressed) {
        const hidden = breakdown.figures.filter((shown) => shown.unit === 'COUNT' && shown.suppressed);
        expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      }
    }
    const answer = JSON.stringify(data);
    for (const personal of [PERSON.firstName, PERSON.lastName, PERSON.birthDate, FREE_TEXT]) {
      expect(answer).not.toContain(personal);
    }
    // Only ids of the territory, never of a person, situation or referral.
    const ids = answer.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(new Set(ids)).toEqual(new Set([territory.id]));
  });

  it('is for the coordination and the steering committee only, and each production is audited', async () => {
    for (const role of [
      Role.CELL_MEMBER,
      Role.REFERRER,
      Role.FOLLOWUP_PRACTITIONER,
      Role.TERRITORY_ADMIN,
      Role.AUDITOR,
    ]) {
      const { errors } = await reportAs(role);
      expect(errors?.[0]).toMatchObject({
        message: "Vous n'avez pas les droits nécessaires pour cette action.",
        extensions: { code: 'FORBIDDEN' },
      });
    }
    // The steering committee reads no situation.
    const situations = await sessions.STEERING.client.request(
      'query ($t: ID!) { situations(territoryId: $t) { edges { node { id } } } }',
      {
        t: territory.id,
      },
    );
    expect(situations.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const produced = await api.dataSource.getRepository(AuditEvent).find({
      where: { territoryId: territory.id, action: 'ACTIVITY_REPORT_PRODUCED' },
    });
    expect(produced.length).toBeGreaterThanOrEqual(2);
    expect(produced.map((event) => event.actorUserId)).toEqual(
      expect.arrayContaining([sessions.COORDINATOR.userId, sessions.STEERING.userId]),
    );
    expect(produced[0]).toMatchObject({
      personId: null,
      details: expect.objectContaining({ from: '2025-01-01', to: '2025-12-31', format: 'GRAPHQL' }),
    });
  });

  it('answers a wrong period in French, and takes the territory’s threshold, never below 3', async () => {
    const cases: [string, string, string][] = [
      ['2025-12-31', '2025-01-01', 'La date de début doit précéder la date de fin.'],
      ['2020-01-01', '2025-12-31', 'Un bilan couvre 3 ans au plus.'],
      ['2025-02-30', '2025-12-31', 'La date de début n’est pas une date valide (AAAA-MM-JJ).'],
    ];
    for (const [from, to, message] of cases) {
      const { errors } = await reportAs(Role.COORDINATOR, from, to);
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ message })],
      });
    }
    const admin = sessions.TERRITORY_ADMIN.client;
    const refused = await admin.request(SET_THRESHOLD, { i: { territoryId: territory.id, threshold: 2 } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({
          message:
            'Le seuil des petits effectifs ne peut être inférieur à 3 : en dessous, un effectif masqué se devine.',
        }),
      ],
    });
    await admin.expectData(SET_THRESHOLD, { i: { territoryId: territory.id, threshold: 3 } });
    const report = (await reportAs(Role.COORDINATOR)).data!.activityReport;
    expect(report.smallCountThreshold).toBe(3);
    // At 3, the four referrals of June show; the two psychiatric ones stay hidden, with the next smallest.
    expect(report.sections[0].series[0].points[5].value).toBe(4);
    expect(
      breakdownOf(report, 'referrals.byReferrerKind').figures.filter((shown) => shown.suppressed),
    ).toHaveLength(2);
    await admin.expectData(SET_THRESHOLD, { i: { territoryId: territory.id, threshold: 5 } });
    // The administrator may give the steering role, like any other.
    const steering = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    await admin.expectData('mutation ($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
      i: { territoryId: territory.id, userId: steering.id, role: 'STEERING' },
    });
  });
  it('counts a year built through the api on a moved clock, the same after rebuilding the projection from its events', async () => {
    const lived = await api.factory.territory();
    const user = async (kind: OrganisationKind, profession: Profession, roles: Role[]) =>
      api.factory.user({
        territory: lived,
        organisation: await api.factory.organisation(lived, kind),
        profession,
        roles,
      });
    const coordinator = await user(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, [
      Role.COORDINATOR,
    ]);
    const bailleur = await user(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    const ccas = await user(OrganisationKind.SOCIAL, Profession.SOCIAL_WORKER, [Role.REFERRER]);
    // Sessions are opened at the moved clock: a token from months before would have expired.
    const at = async (
      moment: string,
      account: { email: string; password: string },
    ): Promise<GraphqlClient> => {
      api.clock.set(new Date(moment));
      return (await logInClient(api.anonymous, account.email, account.password)).client;
    };
    const refer = async (referrer: GraphqlClient, organisationId: string, index: number) => {
      const { id } = await referPerson(referrer, {
        territoryId: lived.id,
        person: {
          ...PERSON,
          firstName: `${PERSON.firstName}${'x'.repeat(index)}`,
          protectionMeasure: 'NONE',
        },
        form: {
          difficultyAreas: ['HOUSING_DEBT'],
          servicesInvolved: ['Bailleur'],
          questionToCell: FREE_TEXT,
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION'],
        },
      });
      await recordConsent(referrer, api, id, { organisationIds: [organisationId] });
      return id;
    };
    // February 2025: seven referrals of the bailleur, all accepted.
    let referrer = await at('2025-02-10T09:00:00Z', bailleur);
    let coordination = await at('2025-02-10T09:00:00Z', coordinator);
    for (let index = 0; index < 7; index += 1) {
      await submitAndAccept(referrer, coordination, await refer(referrer, bailleur.organisationId, index));
    }
    // May 2025: five of the CCAS, one of them redirected to the CCAPEX.
    referrer = await at('2025-05-12T09:00:00Z', ccas);
    coordination = await at('2025-05-12T09:00:00Z', coordinator);
    for (let index = 0; index < 5; index += 1) {
      const referralId = await refer(referrer, ccas.organisationId, index);
      if (index === 0) {
        await submit(referrer, referralId);
        await coordination.expectData(REDIRECT_REFERRAL, {
          input: { referralId, target: 'CCAPEX', message: 'Relève de la CCAPEX.' },
        });
      } else {
        await submitAndAccept(referrer, coordination, referralId);
      }
    }
    // The worker's consumer, event by event in order, as the relay hands them over.
    const consumer = api.app.get(ReportingConsumer);
    const events = await api.dataSource
      .getRepository(OutboxEvent)
      .find({ where: { territoryId: lived.id }, order: { sequence: 'ASC' } });
    for (const event of events) await consumer.handle(event.id);

    const steering = await user(OrganisationKind.MUNICIPAL, Profession.MUNICIPAL_OFFICER, [Role.STEERING]);
    const read = async () => {
      const client = await at('2026-01-10T09:00:00Z', steering);
      const { activityReport } = await client.expectData<{
        activityReport: Report & { generatedAt?: string };
      }>(REPORT, {
        t: lived.id,
        from: '2025-01-01',
        to: '2025-12-31',
      });
      const { generatedAt: _moment, ...figures } = activityReport;
      return figures;
    };
    const live = await read();
    expect(figure(live as Report, 'referrals.total').value).toBe(12);
    expect(figure(live as Report, 'referrals.byReferrerKind.HOUSING').value).toBe(7);
    expect(figure(live as Report, 'referrals.byReferrerKind.SOCIAL').value).toBe(5);
    expect(figure(live as Report, 'situations.opened').value).toBe(11);
    // One redirection, hidden, and the eleven acceptances with it: 12 − 11 would give it back.
    expect(figure(live as Report, 'referrals.outcome.REDIRECTED')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(figure(live as Report, 'referrals.outcome.ACCEPTED')).toMatchObject({
      value: null,
      suppressed: true,
    });
    const perMonth = (live as Report).sections[0].series[0].points.map((point) => point.value);
    expect(perMonth).toEqual([0, 7, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect(JSON.stringify(live)).not.toMatch(
      new RegExp(`${PERSON.lastName}|${PERSON.birthDate}|${FREE_TEXT}`),
    );

    await api.app.get(ProjectionRebuilder).rebuild(lived.id);
    expect(await read()).toEqual(live);
  });
});
