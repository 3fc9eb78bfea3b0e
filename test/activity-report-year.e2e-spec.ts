import { Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { ProjectionRebuilder, ReportingConsumer } from '@relais/reporting';
import { GraphqlClient, logInClient } from '@relais/testing';
import { PDFParse } from 'pdf-parse';
import { RunningApi, startApi } from './support/api-harness';
import { RECORD_FOLLOW_UP_ACT, START_FOLLOW_UP } from './support/follow-up-fixtures';
import {
  ADD_ITEM,
  MARK_HELD,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
  UPDATE_ACTION,
} from './support/meeting-documents';
import { REDIRECT_REFERRAL, REQUEST_DEROGATION, WITHDRAW_CONSENT } from './support/referral-documents';
import { planMeeting, recordConsent, referPerson, submit, submitAndAccept } from './support/referral-journey';

const REPORT = /* GraphQL */ `
  query ($t: ID!, $from: String!, $to: String!) {
    activityReport(territoryId: $t, from: $from, to: $to) {
      territoryId
      from
      to
      previousFrom
      previousTo
      smallCountThreshold
      generatedAt
      sections {
        key
        title
        breakdowns {
          key
          title
          chart
          figures {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
          total {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
        }
        series {
          key
          title
          points {
            month
            value
          }
        }
      }
    }
  }
`;
const RENEW = /* GraphQL */ `
  mutation ($f: ID!) {
    renewFollowUp(followUpId: $f, reason: "Objectifs en cours") {
      id
    }
  }
`;
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerHandoffInput!) {
    answerHandoff(input: $input) {
      id
    }
  }
`;
const CLOSE = /* GraphQL */ `
  mutation ($s: ID!) {
    closeSituation(situationId: $s, reason: NO_LONGER_COMPLEX) {
      id
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
  smallCountThreshold: number;
  generatedAt?: string;
  sections: {
    key: string;
    breakdowns: Breakdown[];
    series: { key: string; points: { month: string; value: number | null }[] }[];
  }[];
}

type Row = Record<string, unknown>;

function allFigures(report: Report): Figure[] {
  return report.sections.flatMap((section) =>
    section.breakdowns.flatMap((b) => [...b.figures, ...(b.total ? [b.total] : [])]),
  );
}

function figure(report: Report, key: string): Figure {
  const found = allFigures(report).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Chiffre absent : ${key}`);
  return found;
}

function series(report: Report, key: string): (number | null)[] {
  const found = report.sections.flatMap((section) => section.series).find((s) => s.key === key);
  if (!found) throw new Error(`Courbe absente : ${key}`);
  return found.points.map((point) => point.value);
}

/** Whole days from one calendar day to another. */
function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * No count under the threshold is shown, and no shown total minus the shown parts gives back a
 * single hidden one: in a breakdown with a total as in a monthly series.
 */
function assertNothingGivenBack(report: Report): void {
  const threshold = report.smallCountThreshold;
  for (const breakdown of report.sections.flatMap((section) => section.breakdowns)) {
    for (const shown of [...breakdown.figures, ...(breakdown.total ? [breakdown.total] : [])]) {
      if (shown.unit === 'COUNT' && !shown.suppressed)
        expect(shown.value === 0 || shown.value! >= threshold).toBe(true);
      if (shown.unit === 'COUNT' && !shown.previousSuppressed)
        expect(shown.previous === 0 || shown.previous! >= threshold).toBe(true);
      if (shown.suppressed) expect(shown.value).toBeNull();
      if (shown.previousSuppressed) expect(shown.previous).toBeNull();
    }
    if (breakdown.total && !breakdown.total.suppressed && breakdown.key !== 'referrals.byDifficultyArea') {
      const parts = breakdown.figures.filter((shown) => shown.unit === 'COUNT');
      const concealed = parts.filter((shown) => shown.suppressed);
      expect(concealed.length === 0 || concealed.length >= 2).toBe(true);
      if (concealed.length === 0)
        expect(parts.reduce((sum, shown) => sum + shown.value!, 0)).toBe(breakdown.total.value);
    }
  }
  const total = figure(report, 'referrals.total');
  const months = series(report, 'referrals.perMonth');
  const concealed = months.filter((value) => value === null);
  if (!total.suppressed) expect(concealed.length === 0 || concealed.length >= 2).toBe(true);
}

interface Account {
  id: string;
  email: string;
  password: string;
}

/** What people typed about the persons: none of it may leave in a report. */
const PERSON = { lastName: 'Vasseur-Olmédo', birthDate: '1963-08-21', firstName: 'Honorine' };
const TEXTS = {
  question: 'Odeurs signalées par le voisinage du troisième étage',
  summary: 'Madame refuse d’ouvrir depuis la coupure d’électricité',
  decision: 'Visite à domicile avec l’infirmière du secteur',
  action: 'Appeler la fille de Madame pour organiser la visite',
  act: 'Appartement très encombré, chat malade',
  derogation: 'Péril imminent signalé par les pompiers, personne injoignable',
  risks: 'Rupture de traitement possible à la sortie',
};

/**
 * A territory's year (2025, and a few referrals of 2024 before it) built through the api on a
 * moved clock, projected from its outbox events: the activity report's figures are those of that
 * history, small counts hidden so that no total gives them back, nothing about a person in the
 * query answer, the PDF or the CSV, and a projection rebuilt from the events gives the same report.
 */
describe('activity report over a year built through the api', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);
  afterAll(() => api?.close());

  it('reports the year as it was lived, hides small counts for good, names no one, and survives a rebuild', async () => {
    api.clock.set(new Date('2024-05-06T09:00:00Z'));
    const territory: Territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const org = async (kind: OrganisationKind) => api.factory.organisation(territory, kind);
    const orgs = {
      clsm: await org(OrganisationKind.MUNICIPAL),
      bailleur: await org(OrganisationKind.HOUSING),
      ccas: await org(OrganisationKind.SOCIAL),
      cmp: await org(OrganisationKind.PSYCHIATRY),
      association: await org(OrganisationKind.ASSOCIATION),
    };
    const user = (organisation: Organisation, profession: Profession, roles: Role[], inCell = false) =>
      api.factory.user({ territory, organisation, profession, roles, cell: inCell ? cell : undefined });
    const people = {
      coordinator: await user(orgs.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], true),
      bailleur: await user(orgs.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]),
      social: await user(orgs.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER], true),
      nurse: await user(
        orgs.cmp,
        Profession.PSYCHIATRIC_NURSE,
        [Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
        true,
      ),
      educator: await user(orgs.association, Profession.SPECIALISED_EDUCATOR, [Role.FOLLOWUP_PRACTITIONER]),
      tisf: await user(orgs.association, Profession.FAMILY_SOCIAL_WORKER, [Role.FOLLOWUP_PRACTITIONER]),
      steering: await user(orgs.clsm, Profession.MUNICIPAL_OFFICER, [Role.STEERING]),
    };
    // Sessions open at the moved clock: a token from months before would have expired.
    const sessions = new Map<Account, GraphqlClient>();
    const at = async (moment: string) => {
      api.clock.set(new Date(moment));
      sessions.clear();
    };
    const as = async (account: Account): Promise<GraphqlClient> => {
      const open = sessions.get(account);
      if (open) return open;
      const { client } = await logInClient(api.anonymous, account.email, account.password);
      sessions.set(account, client);
      return client;
    };
    let written = 0;
    const refer = async (referrer: Account, organisationIds: string[]) => {
      written += 1;
      const client = await as(referrer);
      const referral = await referPerson(client, {
        territoryId: territory.id,
        person: {
          ...PERSON,
          firstName: `${PERSON.firstName}${'e'.repeat(written)}`,
          protectionMeasure: 'NONE',
        },
        form: {
          difficultyAreas: ['HYGIENE_HOARDING'],
          servicesInvolved: ['Bailleur'],
          questionToCell: TEXTS.question,
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION', 'FOLLOW_UP_ASSESSMENT'],
        },
      });
      const consentId = await recordConsent(client, api, referral.id, {
        organisationIds,
        purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
      });
      return { referralId: referral.id, consentId };
    };
    const partners = [orgs.ccas.id, orgs.cmp.id, orgs.association.id];

    // 2024: five referrals of the bailleur, submitted only (the previous period).
    for (let index = 0; index < 5; index += 1) {
      const { referralId } = await refer(people.bailleur, partners);
      await submit(await as(people.bailleur), referralId);
    }

    // 10 February 2025: seven referrals of the bailleur, accepted.
    await at('2025-02-10T09:00:00Z');
    const housing: { referralId: string; consentId: string; situationId: string }[] = [];
    for (let index = 0; index < 7; index += 1) {
      const referral = await refer(people.bailleur, partners);
      const situationId = await submitAndAccept(
        await as(people.bailleur),
        await as(people.coordinator),
        referral.referralId,
      );
      housing.push({ ...referral, situationId });
    }
    // 3 March: two of the CCAS, one accepted and one redirected; two of the CMP, submitted only.
    await at('2025-03-03T09:00:00Z');
    const social = await refer(people.social, partners);
    const socialSituation = await submitAndAccept(
      await as(people.social),
      await as(people.coordinator),
      social.referralId,
    );
    const redirected = await refer(people.social, partners);
    await submit(await as(people.social), redirected.referralId);
    await (
      await as(people.coordinator)
    ).expectData(REDIRECT_REFERRAL, {
      input: { referralId: redirected.referralId, target: 'CCAPEX', message: 'Relève de la CCAPEX.' },
    });
    for (let index = 0; index < 2; index += 1) {
      const { referralId } = await refer(people.nurse, partners);
      await submit(await as(people.nurse), referralId);
    }

    // A meeting of the cell, planned on 10 March for the 17th, then another planned then for 14 April.
    const hold = async (
      startsAt: string,
      situationIds: string[],
      present: Account[],
      actions: { dueOn: string }[] = [],
    ) => {
      const coordinator = await as(people.coordinator);
      const meetingId = await planMeeting(coordinator, cell.id, new Date(startsAt));
      let items: { id: string; situationId: string }[] = [];
      for (const situationId of situationIds) {
        const { addAgendaItem } = await coordinator.expectData<{
          addAgendaItem: { items: { id: string; situationId: string }[] };
        }>(ADD_ITEM, { input: { meetingId, situationId, guestOrganisationIds: [orgs.bailleur.id] } });
        items = addAgendaItem.items;
      }
      await coordinator.expectData(PUBLISH_AGENDA, { m: meetingId });
      await at(startsAt);
      const held = await as(people.coordinator);
      await held.expectData(RECORD_ATTENDANCE, {
        input: {
          meetingId,
          entries: [people.coordinator, people.social, people.nurse, people.bailleur].map((member) => ({
            userId: member.id,
            status: present.includes(member) ? 'PRESENT' : 'EXCUSED',
          })),
        },
      });
      for (const [position, item] of items.entries()) {
        await held.expectData(RECORD_ITEM, {
          input: {
            itemId: item.id,
            presentUserIds: present.map((member) => member.id),
            personAttended: false,
            summary: TEXTS.summary,
            decisions: [
              {
                text: TEXTS.decision,
                actions: (position === 0 ? actions : []).map(({ dueOn }) => ({
                  description: TEXTS.action,
                  ownerOrganisationId: orgs.ccas.id,
                  dueOn,
                })),
              },
            ],
          },
        });
      }
      await held.expectData(MARK_HELD, { m: meetingId });
      // A meeting counts as held once its minutes are published, here three days later: the
      // report still dates it (and its examinations) on the day it sat.
      await at(new Date(Date.parse(startsAt) + 3 * 86_400_000).toISOString());
      await (await as(people.coordinator)).expectData(PUBLISH_MINUTES, { m: meetingId });
      return meetingId;
    };
    await at('2025-03-10T09:00:00Z');
    await hold(
      '2025-03-17T09:00:00Z',
      housing.slice(0, 5).map((referral) => referral.situationId),
      [people.coordinator, people.social, people.nurse, people.bailleur],
      // Eight actions: five done three weeks later, two overdue by the end of the year, one not due yet.
      [...Array(7).fill({ dueOn: '2025-04-30' }), { dueOn: '2026-03-31' }],
    );
    // 7 April: the CCAS reports five of its actions done.
    await at('2025-04-07T09:00:00Z');
    const actionIds = (
      (await api.dataSource.query(
        `SELECT a.id FROM situation_actions a WHERE a.territory_id = $1 ORDER BY a.due_on, a.id`,
        [territory.id],
      )) as { id: string }[]
    ).map((row) => row.id);
    expect(actionIds).toHaveLength(8);
    for (const actionId of actionIds.slice(0, 5)) {
      await (await as(people.social)).expectData(UPDATE_ACTION, { input: { actionId, status: 'DONE' } });
    }
    // The second meeting: the first situation presented again, three examined for the first time.
    await at('2025-04-07T10:00:00Z');
    await hold(
      '2025-04-14T09:00:00Z',
      [housing[0].situationId, housing[5].situationId, housing[6].situationId, socialSituation],
      [people.coordinator, people.social, people.bailleur],
    );

    // May: a trinôme follow-up for the second tenant, acts at home and elsewhere, renewed in September.
    await at('2025-05-05T09:00:00Z');
    const { startFollowUp } = await (
      await as(people.coordinator)
    ).expectData<{ startFollowUp: { id: string } }>(START_FOLLOW_UP, {
      input: {
        situationId: housing[1].situationId,
        kind: 'ASSESSMENT',
        requesterKind: 'HOUSING',
        requestedByReferralId: housing[1].referralId,
        objectives: ['Renouer le contact avec le CMP'],
        team: [
          { role: 'PATHWAY_COORDINATOR', userId: people.educator.id },
          { role: 'FAMILY_SOCIAL_WORKER', userId: people.tisf.id },
          { role: 'PSYCHIATRIC_PROFESSIONAL', userId: people.nurse.id },
        ],
      },
    });
    const followUpId = startFollowUp.id;
    for (const [occurredOn, type] of [
      ['2025-05-06', 'HOME_VISIT'],
      ['2025-05-12', 'HOME_VISIT'],
      ['2025-05-20', 'HOME_VISIT'],
      ['2025-05-26', 'PHONE'],
    ]) {
      await at(`${occurredOn}T09:00:00Z`);
      await (
        await as(people.educator)
      ).expectData(RECORD_FOLLOW_UP_ACT, {
        input: {
          followUpId,
          occurredOn,
          type,
          durationMinutes: 45,
          presentUserIds: [people.educator.id],
          note: TEXTS.act,
          noteVisibility: 'TEAM',
        },
      });
    }
    // June: the seventh tenant withdraws her consent.
    await at('2025-06-16T09:00:00Z');
    await (await as(people.bailleur)).expectData(WITHDRAW_CONSENT, { id: housing[6].consentId });
    // July: a derogation asked for a person who cannot be reached (a draft referral, never submitted).
    await at('2025-07-07T09:00:00Z');
    const { referralId: unreachable } = await (async () => {
      written += 1;
      const referral = await referPerson(await as(people.bailleur), {
        territoryId: territory.id,
        person: {
          ...PERSON,
          firstName: `${PERSON.firstName}${'e'.repeat(written)}`,
          protectionMeasure: 'NONE',
        },
        form: {
          difficultyAreas: ['SAFETY_RISK'],
          servicesInvolved: [],
          questionToCell: TEXTS.question,
          urgency: 'HIGH',
          requests: ['CELL_EXAMINATION'],
        },
      });
      return { referralId: referral.id };
    })();
    await (
      await as(people.bailleur)
    ).expectData(REQUEST_DEROGATION, {
      id: unreachable,
      input: {
        ground: 'PERIL',
        justification: TEXTS.derogation,
        organisationIds: [orgs.ccas.id],
        dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'],
      },
    });
    await at('2025-09-01T09:00:00Z');
    await (await as(people.coordinator)).expectData(RENEW, { f: followUpId });
    // November: the hand-off to the CMP, accepted two days later.
    await at('2025-11-03T09:00:00Z');
    const { proposeHandoff } = await (
      await as(people.educator)
    ).expectData<{ proposeHandoff: { id: string } }>(PROPOSE, {
      input: {
        situationId: housing[1].situationId,
        followUpId,
        receivingOrganisationId: orgs.cmp.id,
        cmpFollowUpStatus: 'APPOINTMENT_SET',
        evictionProcedureState: 'NONE',
        rightsOpened: [],
        personAgreed: true,
        residualRisks: TEXTS.risks,
      },
    });
    await at('2025-11-05T09:00:00Z');
    await (
      await as(people.nurse)
    ).expectData(ANSWER, { input: { handoffId: proposeHandoff.id, accept: true } });
    // Three more meetings in November, the first tenant's situation presented at each again.
    for (const startsAt of ['2025-11-10T09:00:00Z', '2025-11-17T09:00:00Z', '2025-11-24T09:00:00Z']) {
      await hold(
        startsAt,
        [housing[0].situationId],
        [people.coordinator, people.social, people.nurse, people.bailleur],
      );
    }
    // December: the third tenant's situation is closed.
    await at('2025-12-01T09:00:00Z');
    await (await as(people.coordinator)).expectData(CLOSE, { s: housing[2].situationId });

    // The worker's consumer, event by event in order, as the relay hands them over.
    const consumer = api.app.get(ReportingConsumer);
    const events = await api.dataSource
      .getRepository(OutboxEvent)
      .find({ where: { territoryId: territory.id }, order: { sequence: 'ASC' } });
    for (const event of events) await consumer.handle(event.id);

    await at('2026-01-12T09:00:00Z');
    const period = { t: territory.id, from: '2025-01-01', to: '2025-12-31' };
    const read = async (account: Account) => {
      const { activityReport } = await (
        await as(account)
      ).expectData<{ activityReport: Report }>(REPORT, period);
      const { generatedAt: _moment, ...figures } = activityReport;
      return figures as Report;
    };
    const report = await read(people.coordinator);
    expect(await read(people.steering)).toEqual(report);
    expect(report).toMatchObject({
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
      smallCountThreshold: 5,
    });
    const shown = (key: string, value: number, previous: number | null = 0) =>
      expect(figure(report, key)).toMatchObject({ value, suppressed: false, previous });
    const hidden = (key: string) =>
      expect(figure(report, key)).toMatchObject({ value: null, suppressed: true });

    // Eleven referrals, five the year before; the bailleur's seven shown, the CCAS's and the CMP's
    // two each hidden together (11 − 7 gives back only their sum).
    shown('referrals.total', 11, 5);
    shown('referrals.byReferrerKind.HOUSING', 7, 5);
    hidden('referrals.byReferrerKind.SOCIAL');
    hidden('referrals.byReferrerKind.PSYCHIATRY');
    shown('referrals.byDifficultyArea.HYGIENE_HOARDING', 11, 5);
    shown('referrals.outcome.ACCEPTED', 8);
    hidden('referrals.outcome.REDIRECTED');
    hidden('referrals.outcome.PENDING');
    expect(figure(report, 'referrals.outcome.PENDING').previous).toBe(5);
    // February's seven go hidden with March's four: the year's total would give one from the other.
    expect(series(report, 'referrals.perMonth')).toEqual([0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    // First examinations: five tenants 35 days after 10 February, two 63; the CCAS's 42 after 3 March.
    const delays = [...Array(5).fill(days('2025-02-10', '2025-03-17')), days('2025-03-03', '2025-04-14')];
    delays.push(days('2025-02-10', '2025-04-14'), days('2025-02-10', '2025-04-14'));
    shown('examination.firstExamined', 8);
    shown('examination.medianDaysToFirstExamination', median(delays), null);
    expect(median(delays)).toBe(35);
    hidden('examination.represented');
    shown('examination.medianDaysDecisionToDone', days('2025-03-17', '2025-04-07'), null);
    shown('actions.total', 8);
    shown('actions.state.DONE', 5);
    hidden('actions.state.OVERDUE');
    hidden('actions.state.OPEN');
    expect(series(report, 'actions.perMonth')).toEqual([0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    shown('situations.opened', 8);
    hidden('situations.closed');
    hidden('situations.closureReasons.NO_LONGER_COMPLEX');
    shown('consent.total', 11, 5);
    hidden('consent.status.WITHDRAWN');
    // Ten given beside one withdrawn: 11 − 10 would give it back.
    hidden('consent.status.GIVEN');
    hidden('consent.withdrawn');
    hidden('derogations.total');
    hidden('derogations.byGround.PERIL');
    shown('meetings.held', 5);
    shown('meetings.items', 5 + 4 + 3);
    // Attendance by partner kind over five meetings: the CMP's nurse was excused once.
    shown('meetings.attendanceByKind.PSYCHIATRY', 80, null);
    shown('meetings.attendanceByKind.HOUSING', 100, null);
    shown('meetings.attendanceByKind.SOCIAL', 100, null);
    shown('meetings.attendanceByKind.MUNICIPAL', 100, null);
    for (const key of ['total', 'renewed', 'byKind.ASSESSMENT', 'actsPerFollowUp', 'actsAtHome']) {
      hidden(`followUps.${key}`);
    }
    hidden('handoffs.status.ACCEPTED');
    hidden('handoffs.cmpFollowUp.APPOINTMENT_SET');
    assertNothingGivenBack(report);

    // What hides behind the small counts is what was built (read in the projection itself).
    const rows = async (sql: string) => api.dataSource.query(sql, [territory.id]) as Promise<Row[]>;
    expect(
      await rows(`SELECT kind, acts, acts_at_home, renewals FROM report_follow_ups WHERE territory_id = $1`),
    ).toEqual([{ kind: 'ASSESSMENT', acts: 4, acts_at_home: 3, renewals: 1 }]);
    expect(
      await rows(
        `SELECT status, cmp_follow_up, proposed_on::text, answered_on::text FROM report_handoffs WHERE territory_id = $1`,
      ),
    ).toEqual([
      {
        status: 'ACCEPTED',
        cmp_follow_up: 'APPOINTMENT_SET',
        proposed_on: '2025-11-03',
        answered_on: '2025-11-05',
      },
    ]);
    expect(
      await rows(
        `SELECT closure_reason, closed_on::text FROM report_situations WHERE territory_id = $1 AND closed_on IS NOT NULL`,
      ),
    ).toEqual([{ closure_reason: 'NO_LONGER_COMPLEX', closed_on: '2025-12-01' }]);
    expect(
      await rows(
        `SELECT withdrawn_on::text FROM report_consents WHERE territory_id = $1 AND status = 'WITHDRAWN'`,
      ),
    ).toEqual([{ withdrawn_on: '2025-06-16' }]);
    expect(
      await rows(`SELECT ground, requested_on::text FROM report_derogations WHERE territory_id = $1`),
    ).toEqual([{ ground: 'PERIL', requested_on: '2025-07-07' }]);
    expect(
      await rows(`SELECT examinations FROM report_referrals WHERE territory_id = $1 AND examinations > 1`),
    ).toEqual([{ examinations: 5 }]);

    expect(
      await rows(`SELECT held_on::text FROM report_meetings WHERE territory_id = $1 ORDER BY held_on`),
    ).toEqual(
      ['2025-03-17', '2025-04-14', '2025-11-10', '2025-11-17', '2025-11-24'].map((held_on) => ({ held_on })),
    );

    // Nothing of a person in the answer, the PDF nor the CSV files.
    const forbidden = [PERSON.lastName, PERSON.birthDate, PERSON.firstName, ...Object.values(TEXTS)];
    const download = async (file: string, account: Account) => {
      const response = await fetch(
        `${api.url}/documents/reports/${territory.id}/${file}?from=${period.from}&to=${period.to}`,
        { headers: { authorization: `Bearer ${(await as(account)).accessToken}` } },
      );
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const pdf = (
      await new PDFParse({
        data: new Uint8Array(await download('bilan-activite.pdf', people.steering)),
      }).getText()
    ).text;
    const figures = (await download('bilan-activite-chiffres.csv', people.coordinator)).toString('utf8');
    const months = (await download('bilan-activite-mois.csv', people.steering)).toString('utf8');
    // The PDF prints the same figures, hidden ones as « secret statistique ».
    expect(pdf).toContain('Saisines reçues 11 5');
    expect(pdf).toContain('Bailleur social 7 5');
    expect(pdf).toMatch(/Service social \(CCAS[^)]*\) secret statistique/);
    expect(pdf).toContain('Délai médian de la saisine au premier examen (jours) 35 j');
    for (const text of [JSON.stringify(report), pdf, figures, months]) {
      for (const personal of forbidden) expect(text).not.toContain(personal);
      const ids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
      expect(ids.filter((id) => id !== territory.id)).toEqual([]);
    }
    // The CSV gives the query's figures, hidden ones as hidden.
    const csvRows = new Map(
      figures
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(';'))
        .map((cells) => [cells[3], cells] as const),
    );
    const marker = csvRows.get('referrals.byReferrerKind.SOCIAL')![5];
    expect(marker).not.toMatch(/\d/);
    for (const shownFigure of allFigures(report)) {
      const cells = csvRows.get(shownFigure.key)!;
      if (shownFigure.suppressed) expect(cells[5]).toBe(marker);
      else if (shownFigure.value !== null)
        expect(cells[5]).toBe(String(Math.round(shownFigure.value * 10) / 10).replace('.', ','));
    }
    expect(months).toContain('2025-03');

    // Rebuilt from the outbox events alone, the projection gives the same report.
    const rebuilt = await api.app.get(ProjectionRebuilder).rebuild(territory.id);
    expect(rebuilt.events).toBe(events.length);
    expect(await read(people.steering)).toEqual(report);
  }, 120_000);
});
