/**
 * The activity report of a territory with 5,000 situations (three years of referrals, actions,
 * consents, meetings and follow-ups in the projection, inserted in bulk), against a baseline
 * measured in the same run: a plain count of the same tables for that territory. Both run as the
 * api runs them, in the per-request frame under row-level security; the report's figure includes
 * turning the counts into suppressed sections.
 */
import { loadConfig, processEnvironment } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { createRelaisDataSource } from '@relais/persistence';
import { buildReportSections, readReportCounts, reportPeriod } from '@relais/reporting';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';

const SITUATIONS = 5_000;
const OTHER_TERRITORIES = 3;
const WARM_UP = 5;
const ROUNDS = 40;

const BASELINE = `SELECT
  (SELECT count(*) FROM report_referrals WHERE territory_id = $1) AS referrals,
  (SELECT count(*) FROM report_situations WHERE territory_id = $1) AS situations,
  (SELECT count(*) FROM report_actions WHERE territory_id = $1) AS actions,
  (SELECT count(*) FROM report_consents WHERE territory_id = $1) AS consents,
  (SELECT count(*) FROM report_follow_ups WHERE territory_id = $1) AS follow_ups,
  (SELECT count(*) FROM report_handoffs WHERE territory_id = $1) AS handoffs,
  (SELECT count(*) FROM report_meetings WHERE territory_id = $1) AS meetings`;

/** A day within 2023–2025, drawn in SQL from a row number. */
const DAY = (n: string) => `DATE '2023-01-01' + ((${n} * 7919) % 1095)`;

/** The projection of one territory of `situations` situations, written in a few set statements. */
async function seed(owner: Client, territoryId: string, situations: number): Promise<void> {
  await owner.query(`INSERT INTO territories (id, name, settings) VALUES ($1, $2, '{}')`, [
    territoryId,
    `Banc d'essai ${territoryId.slice(0, 8)}`,
  ]);
  const referrals = Math.round(situations * 1.1);
  await owner.query(
    `INSERT INTO report_referrals (territory_id, referral_id, situation_id, submitted_on, referrer_kind,
       difficulty_areas, urgent, admissibility, admissibility_on, outcome, outcome_on, first_examined_on,
       examinations, status)
     SELECT $1, gen_random_uuid(), CASE WHEN n <= $3 THEN gen_random_uuid() END, ${DAY('n')},
       (ARRAY['HOUSING','SOCIAL','PSYCHIATRY','MEDICO_SOCIAL','MUNICIPAL','ASSOCIATION'])[1 + n % 6],
       CASE n % 3 WHEN 0 THEN ARRAY['HOUSING_DEBT','ISOLATION'] WHEN 1 THEN ARRAY['CARE_INTERRUPTION']
         ELSE ARRAY['HYGIENE_HOARDING','NO_GP'] END,
       n % 17 = 0, CASE WHEN n <= $3 THEN 'ADMISSIBLE' ELSE 'REDIRECTED' END, ${DAY('n')},
       CASE WHEN n <= $3 THEN 'ACCEPTED' ELSE 'REDIRECTED' END, ${DAY('n')} + 3,
       CASE WHEN n <= $3 THEN ${DAY('n')} + 5 + n % 40 END, CASE WHEN n <= $3 THEN 1 + (n % 5 = 0)::int ELSE 0 END,
       CASE WHEN n <= $3 THEN 'ACCEPTED' ELSE 'REDIRECTED' END
     FROM generate_series(1, $2) AS n`,
    [territoryId, referrals, situations],
  );
  await owner.query(
    `INSERT INTO report_situations (territory_id, situation_id, opened_on, closed_on, closure_reason)
     SELECT territory_id, situation_id, outcome_on, CASE WHEN examinations > 1 THEN outcome_on + 200 END,
       CASE WHEN examinations > 1 THEN 'PLAN_COMPLETED_HANDED_TO_COMMON_LAW' END
     FROM report_referrals WHERE territory_id = $1 AND situation_id IS NOT NULL`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_actions (territory_id, action_id, situation_id, decided_on, due_on, done_on, status, owner_kind)
     SELECT s.territory_id, gen_random_uuid(), s.situation_id, s.opened_on + 30, s.opened_on + 60,
       CASE WHEN k = 1 THEN s.opened_on + 50 END, CASE WHEN k = 1 THEN 'DONE' ELSE 'TODO' END, 'SOCIAL'
     FROM report_situations s, generate_series(1, 2) AS k WHERE s.territory_id = $1`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_consents (territory_id, consent_id, person_id, status, given_on, refused_on, withdrawn_on)
     SELECT territory_id, gen_random_uuid(), gen_random_uuid(),
       CASE WHEN situation_id IS NULL THEN 'REFUSED' ELSE 'GIVEN' END,
       CASE WHEN situation_id IS NOT NULL THEN submitted_on END,
       CASE WHEN situation_id IS NULL THEN submitted_on END, NULL
     FROM report_referrals WHERE territory_id = $1`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_derogations (territory_id, derogation_id, ground, requested_on, status)
     SELECT $1, gen_random_uuid(), (ARRAY['INCAPACITY_OR_URGENCY','PERIL','VULNERABLE_PERSON_REPORT'])[1 + n % 3],
       ${DAY('n')}, 'APPROVED' FROM generate_series(1, $2) AS n`,
    [territoryId, Math.round(situations / 25)],
  );
  await owner.query(
    `INSERT INTO report_memberships (territory_id, membership_id, organisation_kind, roles, active_from)
     SELECT $1, gen_random_uuid(), 'SOCIAL', '{CELL_MEMBER}', DATE '2023-01-01' FROM generate_series(1, 150)`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_charter_acceptances (territory_id, membership_id, charter_version, accepted_on)
     SELECT territory_id, membership_id, '1', DATE '2023-02-01' FROM report_memberships WHERE territory_id = $1`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_meetings (territory_id, meeting_id, planned_on, held_on, items)
     SELECT $1, gen_random_uuid(), DATE '2023-01-15' + n * 30, DATE '2023-01-15' + n * 30, 12
     FROM generate_series(0, 35) AS n`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_meeting_attendance (territory_id, meeting_id, organisation_kind, invited, present)
     SELECT m.territory_id, m.meeting_id, kind, 3, 2 FROM report_meetings m,
       unnest(ARRAY['HOUSING','SOCIAL','PSYCHIATRY','MEDICO_SOCIAL','MUNICIPAL','ASSOCIATION']) AS kind
     WHERE m.territory_id = $1`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_follow_ups (territory_id, follow_up_id, situation_id, person_id, kind, started_on,
       ended_on, renewals, acts, acts_at_home, housed_at_end)
     SELECT territory_id, gen_random_uuid(), situation_id, gen_random_uuid(),
       CASE WHEN examinations > 1 THEN 'HOUSING_SUSTAINMENT' ELSE 'ASSESSMENT' END, opened_on + 10,
       opened_on + 100, 1, 14, 9, true
     FROM report_situations s JOIN report_referrals r USING (territory_id, situation_id)
     WHERE s.territory_id = $1 AND r.referrer_kind IN ('HOUSING', 'PSYCHIATRY')`,
    [territoryId],
  );
  await owner.query(
    `INSERT INTO report_handoffs (territory_id, handoff_id, follow_up_id, situation_id, proposed_on, answered_on,
       status, receiver_kind, cmp_follow_up)
     SELECT territory_id, gen_random_uuid(), follow_up_id, situation_id, ended_on - 10, ended_on - 5,
       'ACCEPTED', 'PSYCHIATRY', 'ONGOING' FROM report_follow_ups WHERE territory_id = $1`,
    [territoryId],
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const env = processEnvironment();
  const owner = new Client({ connectionString: env.DATABASE_OWNER_URL });
  const config = loadConfig();
  const dataSource = await createRelaisDataSource(config.database, 'relais-bench').initialize();
  try {
    await owner.connect();
    const territoryId = randomUUID();
    const seeding = Date.now();
    await seed(owner, territoryId, SITUATIONS);
    for (let t = 0; t < OTHER_TERRITORIES; t += 1) await seed(owner, randomUUID(), SITUATIONS);
    await owner.query('ANALYZE');
    const seeded = Date.now() - seeding;
    const database = new ScopedDatabase(dataSource);
    const period = reportPeriod('2025-01-01', '2025-12-31');
    const scope = { territoryIds: [territoryId] };
    const baseline = () => database.run(scope, (manager) => manager.query(BASELINE, [territoryId]));
    const report = () =>
      database.run(scope, async (manager) =>
        buildReportSections(await readReportCounts(manager, territoryId, period), period, 5),
      );
    const timings = { baseline: [] as number[], report: [] as number[] };
    for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
      // Alternating which runs first, so neither always meets a warm cache.
      const order = round % 2 ? (['report', 'baseline'] as const) : (['baseline', 'report'] as const);
      for (const which of order) {
        const started = process.hrtime.bigint();
        await (which === 'report' ? report() : baseline());
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        if (round >= WARM_UP) timings[which].push(elapsed);
      }
    }
    const counted = (await baseline()) as Record<string, string>[];
    const sections = await report();
    const base = median(timings.baseline);
    const full = median(timings.report);
    process.stdout.write(
      [
        '',
        `Bilan d’activité d’un territoire de ${SITUATIONS} situations (projection : ${Object.entries(
          counted[0],
        )
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')}), parmi ${OTHER_TERRITORIES + 1} territoires ; données insérées en ${seeded} ms.`,
        `  ${sections.length} parties, ${sections.flatMap((section) => section.breakdowns).length} tableaux ; médianes sur ${ROUNDS} tours, même exécution :`,
        `    comptage simple des mêmes tables     ${base.toFixed(1).padStart(7)} ms`,
        `    bilan (2 périodes, secret statistique) ${full.toFixed(1).padStart(5)} ms`,
        `    bilan / comptage                     ${(full / base).toFixed(1).padStart(7)}×`,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.allSettled([owner.end(), dataSource.destroy()]);
    await infrastructure.stop();
  }
}
