import { EntityManager } from 'typeorm';
import { ReportPeriod } from './report-period';

/**
 * The report's figures, read from the projection's tables alone, in one aggregate statement per
 * part of the activity (five whatever the territory's size). Each statement answers rows of
 * (period, metric, key, count, days): `days` lists the delays a median is taken over.
 */

export type PeriodName = 'current' | 'previous';

interface CountRow {
  period: PeriodName;
  metric: string;
  key: string;
  n: number;
  days: number[] | null;
}

/** Both periods' bounds, for the facts that span days (memberships, follow-ups): $2..$5. */
const PERIODS = `periods (period, f, t) AS (VALUES ('current', $2::date, $3::date), ('previous', $4::date, $5::date))`;

/**
 * The period a dated fact falls in: the previous period ends the day before the current one
 * starts, so one range scan reads both, and the day tells which.
 */
const periodOf = (column: string) =>
  `CASE WHEN ${column} >= $2::date THEN 'current' WHEN ${column} <= $5::date THEN 'previous' END`;
const within = (column: string) => `${column} BETWEEN $4::date AND $3::date`;

const REFERRALS = `
WITH
submitted AS (
  SELECT ${periodOf('submitted_on')} AS period, submitted_on, referrer_kind, difficulty_areas, admissibility,
    outcome, urgent
  FROM report_referrals WHERE territory_id = $1 AND ${within('submitted_on')}),
examined AS (
  SELECT ${periodOf('first_examined_on')} AS period, first_examined_on, submitted_on, examinations
  FROM report_referrals WHERE territory_id = $1 AND ${within('first_examined_on')})
SELECT period, 'total' AS metric, ''::text AS key, count(*) AS n, NULL::int[] AS days FROM submitted GROUP BY 1
UNION ALL SELECT period, 'referrerKind', coalesce(referrer_kind, 'OTHER'), count(*), NULL FROM submitted GROUP BY 1, 3
UNION ALL SELECT period, 'difficultyArea', area, count(*), NULL FROM submitted, unnest(difficulty_areas) AS area GROUP BY 1, 3
UNION ALL SELECT period, 'admissibility', coalesce(admissibility, 'PENDING'), count(*), NULL FROM submitted GROUP BY 1, 3
UNION ALL SELECT period, 'outcome', coalesce(outcome, 'PENDING'), count(*), NULL FROM submitted GROUP BY 1, 3
UNION ALL SELECT period, 'urgent', '', count(*) FILTER (WHERE urgent), NULL FROM submitted GROUP BY 1
UNION ALL SELECT period, 'month', to_char(submitted_on, 'YYYY-MM'), count(*), NULL FROM submitted WHERE period = 'current' GROUP BY 1, 3
UNION ALL SELECT period, 'examined', '', count(*), array_agg(first_examined_on - submitted_on) FILTER (WHERE submitted_on IS NOT NULL) FROM examined GROUP BY 1
UNION ALL SELECT period, 'represented', '', count(*) FILTER (WHERE examinations > 1), NULL FROM examined GROUP BY 1`;

const ACTIONS_AND_SITUATIONS = `
WITH
decided AS (
  SELECT ${periodOf('decided_on')} AS period,
    CASE WHEN decided_on >= $2::date THEN $3::date ELSE $5::date END AS t, decided_on, due_on, done_on, status
  FROM report_actions WHERE territory_id = $1 AND ${within('decided_on')}),
done AS (
  SELECT ${periodOf('done_on')} AS period, done_on, decided_on
  FROM report_actions WHERE territory_id = $1 AND ${within('done_on')}),
opened AS (
  SELECT ${periodOf('opened_on')} AS period FROM report_situations WHERE territory_id = $1 AND ${within('opened_on')}),
closed AS (
  SELECT ${periodOf('closed_on')} AS period, closure_reason
  FROM report_situations WHERE territory_id = $1 AND ${within('closed_on')})
SELECT period, 'actions' AS metric, ''::text AS key, count(*) AS n, NULL::int[] AS days FROM decided GROUP BY 1
UNION ALL SELECT period, 'actionState',
  CASE WHEN status = 'CANCELLED' THEN 'CANCELLED'
       WHEN done_on IS NOT NULL AND done_on <= t THEN 'DONE'
       WHEN due_on < t THEN 'OVERDUE'
       ELSE 'OPEN' END, count(*), NULL FROM decided GROUP BY 1, 3
UNION ALL SELECT period, 'actionMonth', to_char(decided_on, 'YYYY-MM'), count(*), NULL FROM decided WHERE period = 'current' GROUP BY 1, 3
UNION ALL SELECT period, 'actionDone', '', count(*), array_agg(done_on - decided_on) FROM done GROUP BY 1
UNION ALL SELECT period, 'opened', '', count(*), NULL FROM opened GROUP BY 1
UNION ALL SELECT period, 'closed', '', count(*), NULL FROM closed GROUP BY 1
UNION ALL SELECT period, 'closureReason', coalesce(closure_reason, 'UNKNOWN'), count(*), NULL FROM closed GROUP BY 1, 3`;

const CONSENT = `
WITH ${PERIODS},
collected AS (
  SELECT ${periodOf('coalesce(given_on, refused_on)')} AS period, status
  FROM report_consents WHERE territory_id = $1 AND ${within('coalesce(given_on, refused_on)')}),
withdrawn AS (
  SELECT ${periodOf('withdrawn_on')} AS period FROM report_consents WHERE territory_id = $1 AND ${within('withdrawn_on')}),
derogations AS (
  SELECT ${periodOf('requested_on')} AS period, ground, status
  FROM report_derogations WHERE territory_id = $1 AND ${within('requested_on')}),
members AS (
  SELECT p.period, p.t, m.membership_id FROM report_memberships m
  JOIN periods p ON m.active_from <= p.t AND (m.active_until IS NULL OR m.active_until > p.t)
  WHERE m.territory_id = $1)
SELECT period, 'consents' AS metric, ''::text AS key, count(*) AS n, NULL::int[] AS days FROM collected GROUP BY 1
UNION ALL SELECT period, 'consentStatus', status, count(*), NULL FROM collected GROUP BY 1, 3
UNION ALL SELECT period, 'withdrawals', '', count(*), NULL FROM withdrawn GROUP BY 1
UNION ALL SELECT period, 'derogations', '', count(*), NULL FROM derogations GROUP BY 1
UNION ALL SELECT period, 'derogationGround', ground, count(*), NULL FROM derogations GROUP BY 1, 3
UNION ALL SELECT period, 'derogationApproved', '', count(*) FILTER (WHERE status = 'APPROVED'), NULL FROM derogations GROUP BY 1
UNION ALL SELECT period, 'members', '', count(*), NULL FROM members GROUP BY 1
UNION ALL SELECT m.period, 'charterAccepted', '', count(*), NULL FROM members m
  WHERE EXISTS (SELECT 1 FROM report_charter_acceptances a
                WHERE a.territory_id = $1 AND a.membership_id = m.membership_id AND a.accepted_on <= m.t)
  GROUP BY 1`;

const MEETINGS = `
WITH
held AS (
  SELECT ${periodOf('held_on')} AS period, meeting_id, items
  FROM report_meetings WHERE territory_id = $1 AND ${within('held_on')}),
cancelled AS (
  SELECT ${periodOf('cancelled_on')} AS period FROM report_meetings WHERE territory_id = $1 AND ${within('cancelled_on')}),
attendance AS (
  SELECT h.period, a.organisation_kind, a.invited, a.present FROM held h
  JOIN report_meeting_attendance a ON a.territory_id = $1 AND a.meeting_id = h.meeting_id)
SELECT period, 'held' AS metric, ''::text AS key, count(*) AS n, NULL::int[] AS days FROM held GROUP BY 1
UNION ALL SELECT period, 'items', '', coalesce(sum(items), 0), NULL FROM held GROUP BY 1
UNION ALL SELECT period, 'cancelled', '', count(*), NULL FROM cancelled GROUP BY 1
UNION ALL SELECT period, 'invited', organisation_kind, sum(invited), NULL FROM attendance GROUP BY 1, 3
UNION ALL SELECT period, 'present', organisation_kind, sum(present), NULL FROM attendance GROUP BY 1, 3`;

const FOLLOW_UPS = `
WITH ${PERIODS},
active AS (
  SELECT p.period, p.f, p.t, u.person_id, u.situation_id, u.kind, u.started_on, u.ended_on, u.renewals, u.acts,
    u.acts_at_home, u.housed_at_end
  FROM report_follow_ups u
  JOIN periods p ON u.started_on <= p.t AND (u.ended_on IS NULL OR u.ended_on >= p.f)
  WHERE u.territory_id = $1),
proposed AS (
  SELECT ${periodOf('proposed_on')} AS period, status
  FROM report_handoffs WHERE territory_id = $1 AND ${within('proposed_on')}),
accepted AS (
  SELECT ${periodOf('answered_on')} AS period, cmp_follow_up
  FROM report_handoffs WHERE territory_id = $1 AND status = 'ACCEPTED' AND ${within('answered_on')})
SELECT period, 'followUps' AS metric, ''::text AS key, count(*) AS n, NULL::int[] AS days FROM active GROUP BY 1
UNION ALL SELECT period, 'people', '', count(DISTINCT coalesce(person_id, situation_id)), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'kind', kind, count(*), NULL FROM active GROUP BY 1, 3
UNION ALL SELECT period, 'started', '', count(*) FILTER (WHERE started_on >= f), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'ended', '', count(*) FILTER (WHERE ended_on <= t), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'renewed', '', count(*) FILTER (WHERE renewals > 0), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'acts', '', coalesce(sum(acts), 0), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'actsAtHome', '', coalesce(sum(acts_at_home), 0), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'endedHousingKnown', '', count(*) FILTER (WHERE ended_on <= t AND housed_at_end IS NOT NULL), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'housedAtEnd', '', count(*) FILTER (WHERE ended_on <= t AND housed_at_end), NULL FROM active GROUP BY 1
UNION ALL SELECT period, 'startedMonth', to_char(started_on, 'YYYY-MM'), count(*), NULL FROM active WHERE period = 'current' AND started_on >= f GROUP BY 1, 3
UNION ALL SELECT period, 'handoffs', '', count(*), NULL FROM proposed GROUP BY 1
UNION ALL SELECT period, 'handoffStatus', status, count(*), NULL FROM proposed GROUP BY 1, 3
UNION ALL SELECT period, 'accepted', '', count(*), NULL FROM accepted GROUP BY 1
UNION ALL SELECT period, 'acceptedCmp', coalesce(cmp_follow_up, 'UNKNOWN'), count(*), NULL FROM accepted GROUP BY 1, 3`;

export const REPORT_STATEMENTS = [REFERRALS, ACTIONS_AND_SITUATIONS, CONSENT, MEETINGS, FOLLOW_UPS] as const;

/** The counts of both periods, by metric and key; an absent count is zero. */
export class ReportCounts {
  private readonly counts = new Map<string, number>();
  private readonly delays = new Map<string, number[]>();
  private readonly keys = new Map<string, Set<string>>();

  constructor(rows: readonly CountRow[]) {
    for (const row of rows) {
      const id = `${row.period}|${row.metric}|${row.key}`;
      this.counts.set(id, Number(row.n));
      if (row.days) this.delays.set(id, row.days.map(Number));
      const seen = this.keys.get(row.metric) ?? new Set<string>();
      seen.add(row.key);
      this.keys.set(row.metric, seen);
    }
  }

  count(period: PeriodName, metric: string, key = ''): number {
    return this.counts.get(`${period}|${metric}|${key}`) ?? 0;
  }

  days(period: PeriodName, metric: string, key = ''): number[] {
    return this.delays.get(`${period}|${metric}|${key}`) ?? [];
  }

  /** Keys met for a metric in either period, beyond the known ones (a new code is not dropped). */
  keysOf(metric: string, known: readonly string[]): string[] {
    return [...new Set([...known, ...(this.keys.get(metric) ?? [])])];
  }
}

/** Runs the statements in the caller's (territory-scoped) transaction. */
export async function readReportCounts(
  manager: EntityManager,
  territoryId: string,
  period: ReportPeriod,
): Promise<ReportCounts> {
  const parameters = [territoryId, period.from, period.to, period.previousFrom, period.previousTo];
  const rows: CountRow[] = [];
  for (const statement of REPORT_STATEMENTS) {
    rows.push(...((await manager.query(statement, parameters)) as CountRow[]));
  }
  return new ReportCounts(rows);
}
