import { ProjectionRebuilder } from '@relais/reporting';
import { IsolatedDatabase, provisionIsolatedDatabase } from '@relais/testing';
import { PDFParse } from 'pdf-parse';
import {
  allFigures,
  assertNothingGivenBack,
  days,
  figure,
  median,
  REPORT,
  Report,
  series,
} from './support/activity-report-reading';
import { Account, liveActivityYear, PERSON, TEXTS } from './support/activity-year';
import { RunningApi, startApi } from './support/api-harness';

type Row = Record<string, unknown>;

/**
 * A territory's year (2025, and a few referrals of 2024 before it) built through the api on a
 * moved clock, projected from its outbox events: the activity report's figures are those of that
 * history, small counts hidden so that no total gives them back, nothing about a person in the
 * query answer, the PDF or the CSV, and a projection rebuilt from the events gives the same report.
 */
describe('activity report over a year built through the api', () => {
  let api: RunningApi;
  // Its own database: its sessions are dated 2024 and 2025, and another suite's housekeeping, run at
  // today's date or later in the shared database, deletes every session whose end has passed.
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    api = await startApi(isolated.environment);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await isolated?.drop();
  });

  it('reports the year as it was lived, hides small counts for good, names no one, and survives a rebuild', async () => {
    const { territory, people, at, as, events } = await liveActivityYear(api);

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
