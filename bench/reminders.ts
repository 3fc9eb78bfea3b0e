/**
 * `npm run bench:reminders`: how fast reminders are scheduled (rows in Postgres, then their delayed
 * jobs in Redis), and how late the worker fires them. 100 000 reminders on one territory, due over a
 * window that opens shortly after scheduling ends, so firing is a stream rather than one burst.
 * One round per number of workers given (one by default). Figures, not assertions.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@relais/access';
import { loadConfig, processEnvironment, SystemClock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { IdentityFactory } from '@relais/identity/testing';
import { createRelaisDataSource } from '@relais/persistence';
import { ProducerQueues, QueueName } from '@relais/queue';
import {
  Recipient,
  ReminderDraft,
  ReminderKind,
  ReminderQueue,
  ReminderScheduler,
  ScheduledReminder,
} from '@relais/reminders';
import { createWorker } from '@relais/worker';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';

const REMINDERS = 100_000;
const BATCH = 1_000;
const ACTIONS = 100;
const RECIPIENTS = 10;
/** Due times are spread over this window, which opens GAP_MS after the last job is enqueued. */
const WINDOW_MS = 40_000;
const GAP_MS = 10_000;
/**
 * Past this (counted from the window's opening) a round stops and reports what fired: on two
 * cores the worker fires far fewer than the 2 500/s asked, so the backlog takes minutes to clear.
 */
const FIRING_BUDGET_MS = 10 * 60_000;
const PROGRESS_EVERY_MS = 5_000;
/** `npm run bench:reminders -- 1 2`: one round per number of workers (one by default). */
const ROUNDS = (
  process.argv
    .slice(2)
    .map(Number)
    .filter((count) => count > 0) as number[]
).map((workers) => ({ workers }));
if (!ROUNDS.length) ROUNDS.push({ workers: 1 });

interface Fixture {
  territoryId: string;
  recipients: Recipient[];
  actions: { id: string; personId: string; situationId: string }[];
}

interface Services {
  database: ScopedDatabase;
  scheduler: ReminderScheduler;
  queue: ReminderQueue;
}

interface Scheduling {
  rowsMs: number;
  totalMs: number;
  windowStart: number;
  windowEnd: number;
  /** From the end of scheduling to the window's opening: what the worker has to boot. */
  gapMs: number;
}

interface Firing {
  workers: number;
  bootMs: number;
  fired: number;
  skipped: number;
  failedJobs: number;
  timedOut: boolean;
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the window's closing to the last notification: the backlog the worker had left. */
  drainMs: number;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const count = (value: number) => Math.round(value).toLocaleString('fr-FR');
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
/** The machine may be shared: its load says how much of it the round had. */
const load = () => loadavg()[0].toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const duration = (ms: number) => (Math.abs(ms) < 1000 ? `${Math.round(ms)} ms` : seconds(ms));

async function seed(owner: DataSource): Promise<Fixture> {
  const factory = new IdentityFactory(owner);
  const territory = await factory.territory();
  const organisation = await factory.organisation(territory);
  const recipients: Recipient[] = [];
  for (let i = 0; i < RECIPIENTS; i += 1) {
    const user = await factory.user({ territory, organisation, roles: [Role.REFERRER] });
    recipients.push({ userId: user.id, organisationId: organisation.id, coordinator: false });
  }
  // Straight rows, no `action.created` event: the worker's planner must not add reminders of its own.
  const actions = (await owner.query(
    `WITH p AS (
       INSERT INTO persons (territory_id, case_code, initials, age_band)
       SELECT $1::uuid, 'BANC-' || lpad(i::text, 4, '0'), 'J. D.', 'AGE_60_74' FROM generate_series(1, $2::int) AS i
       RETURNING id),
     s AS (
       INSERT INTO situations (territory_id, person_id, status, opened_at)
       SELECT $1::uuid, id, 'ACTIONS_IN_PROGRESS', now() FROM p RETURNING id, person_id)
     INSERT INTO situation_actions (territory_id, person_id, situation_id, description, owner_organisation_id,
            owner_user_id, due_on, status, origin, origin_id, created_at)
     SELECT $1::uuid, s.person_id, s.id, 'Rencontrer la personne à son domicile', $3::uuid, $4::uuid,
            current_date + 30, 'TODO', 'DECISION', gen_random_uuid(), now() FROM s
     RETURNING id, person_id AS "personId", situation_id AS "situationId"`,
    [territory.id, ACTIONS, organisation.id, recipients[0].userId],
  )) as Fixture['actions'];
  await owner.query('ANALYZE');
  return { territoryId: territory.id, recipients, actions };
}

function draftsFor(fixture: Fixture, tag: string, total: number, windowStart: number): ReminderDraft[] {
  const dueTimes = Array.from({ length: total }, (_, i) => windowStart + ((i + 0.5) * WINDOW_MS) / total);
  // Shuffled, so each batch carries due times from the whole window, as real plannings do.
  for (let i = dueTimes.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [dueTimes[i], dueTimes[j]] = [dueTimes[j], dueTimes[i]];
  }
  return dueTimes.map((dueAt, i) => {
    const action = fixture.actions[i % fixture.actions.length];
    return {
      territoryId: fixture.territoryId,
      kind: ReminderKind.ACTION_DUE,
      subject: { type: 'SituationAction', id: action.id },
      personId: action.personId,
      situationId: action.situationId,
      recipient: fixture.recipients[i % fixture.recipients.length],
      dueAt: new Date(dueAt),
      occurrence: 1,
      basis: `${tag}-${i}`,
    };
  });
}

/**
 * Milliseconds per reminder, rows and jobs, from batches thrown away afterwards (rolled back, jobs
 * removed): the first warms the pools and the code up, the last tells how far ahead the window opens.
 */
async function calibrate(services: Services, fixture: Fixture, tag: string): Promise<number> {
  const drafts = draftsFor(fixture, `sonde-${tag}`, 3 * BATCH, Date.now() + 86_400_000);
  const rollback = new Error('sonde annulée');
  let lastMs = 0;
  for (let start = 0; start < drafts.length; start += BATCH) {
    let written: ScheduledReminder[] = [];
    const started = performance.now();
    await services.database
      .run({ territoryIds: [fixture.territoryId] }, async (manager) => {
        written = await services.scheduler.schedule(manager, drafts.slice(start, start + BATCH));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    await services.queue.enqueue(written);
    lastMs = performance.now() - started;
    await services.queue.discard(written.map((reminder) => reminder.id));
  }
  return lastMs / BATCH;
}

async function schedule(services: Services, fixture: Fixture, tag: string): Promise<Scheduling> {
  const perReminderMs = await calibrate(services, fixture, tag);
  const windowStart = Date.now() + perReminderMs * REMINDERS + GAP_MS;
  const drafts = draftsFor(fixture, tag, REMINDERS, windowStart);
  let rowsMs = 0;
  const started = performance.now();
  for (let start = 0; start < drafts.length; start += BATCH) {
    const before = performance.now();
    const written = await services.database.run({ territoryIds: [fixture.territoryId] }, (manager) =>
      services.scheduler.schedule(manager, drafts.slice(start, start + BATCH)),
    );
    rowsMs += performance.now() - before;
    // After commit, as the application does: Redis follows Postgres.
    await services.queue.enqueue(written);
  }
  const totalMs = performance.now() - started;
  return {
    rowsMs,
    totalMs,
    windowStart,
    windowEnd: windowStart + WINDOW_MS,
    gapMs: windowStart - Date.now(),
  };
}

async function statusCounts(owner: DataSource): Promise<Record<string, number>> {
  const rows = (await owner.query(`SELECT status, count(*)::int AS n FROM reminders GROUP BY status`)) as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function fire(
  owner: DataSource,
  queues: ProducerQueues,
  workers: number,
  scheduling: Scheduling,
): Promise<Firing> {
  // The reconciler runs once at boot (RECONCILE_EVERY_MS is an hour): as a real worker start does.
  const config = loadConfig({ ...processEnvironment(), RECONCILE_EVERY_MS: '3600000', LOG_LEVEL: 'silent' });
  const booting = performance.now();
  const apps: INestApplicationContext[] = [];
  try {
    for (let i = 0; i < workers; i += 1) apps.push(await createWorker(config));
    const bootMs = performance.now() - booting;
    say(
      `  ${workers} worker(s) prêt(s) en ${seconds(bootMs)}, ${seconds(scheduling.windowStart - Date.now())} avant la fenêtre`,
    );

    let counts: Record<string, number> = {};
    let printedAt = 0;
    let printedSent = 0;
    let timedOut = false;
    for (;;) {
      await sleep(1_000);
      counts = await statusCounts(owner);
      const sent = counts.SENT ?? 0;
      const now = Date.now();
      const done = !counts.SCHEDULED;
      timedOut = !done && now > scheduling.windowStart + FIRING_BUDGET_MS;
      if (done || timedOut || now - printedAt >= PROGRESS_EVERY_MS) {
        const rate = printedAt ? ((sent - printedSent) * 1000) / (now - printedAt) : 0;
        const offset = now - scheduling.windowStart;
        const at = `${offset < 0 ? '−' : '+'}${seconds(Math.abs(offset))}`;
        say(
          `  fenêtre ${at.padStart(8)}   envoyés ${count(sent).padStart(7)} / ${count(REMINDERS)}   ${count(rate).padStart(5)}/s`,
        );
        printedAt = now;
        printedSent = sent;
      }
      if (done || timedOut) break;
    }
    const [late] = (await owner.query(
      `SELECT count(*)::int AS fired,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY late_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY late_ms) AS p99,
              max(late_ms) AS max,
              extract(epoch FROM max(created_at) - min(created_at)) * 1000 AS span_ms,
              extract(epoch FROM max(created_at)) * 1000 AS last_ms
         FROM (SELECT n.created_at, extract(epoch FROM n.created_at - r.due_at) * 1000 AS late_ms
                 FROM notifications n JOIN reminders r ON r.id = n.reminder_id) AS firing`,
    )) as { fired: number; p50: number; p99: number; max: number; span_ms: number; last_ms: number }[];
    const failed = await queues.get(QueueName.REMINDERS).getJobCounts('failed');
    return {
      workers,
      bootMs,
      fired: late.fired,
      skipped: counts.SKIPPED ?? 0,
      failedJobs: failed.failed ?? 0,
      timedOut,
      ratePerSecond: (late.fired * 1000) / Math.max(1, Number(late.span_ms)),
      p50Ms: Number(late.p50),
      p99Ms: Number(late.p99),
      maxMs: Number(late.max),
      drainMs: Number(late.last_ms) - scheduling.windowEnd,
    };
  } finally {
    await Promise.allSettled(apps.map((app) => app.close()));
    // What a cut-short round leaves in Redis would otherwise be the next round's first work.
    await queues.get(QueueName.REMINDERS).obliterate({ force: true });
  }
}

async function serverVersions(owner: DataSource, queues: ProducerQueues): Promise<string> {
  const [{ server_version: postgres }] = (await owner.query('SHOW server_version')) as {
    server_version: string;
  }[];
  const info = await (await queues.get(QueueName.REMINDERS).client).info();
  const redis = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
  return `PostgreSQL ${postgres}, Redis ${redis}`;
}

async function main(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const config = loadConfig(processEnvironment());
  const owner = createRelaisDataSource(
    { ...config.database, url: config.database.ownerUrl! },
    'relais-bench',
  );
  const application = createRelaisDataSource(config.database, 'relais-bench');
  const queues = new ProducerQueues(config);
  const clock = new SystemClock();
  const services: Services = {
    database: new ScopedDatabase(application),
    scheduler: new ReminderScheduler(clock),
    queue: new ReminderQueue(queues, clock),
  };
  const results: { scheduling: Scheduling; firing: Firing; load: string }[] = [];
  try {
    await Promise.all([owner.initialize(), application.initialize()]);
    const fixture = await seed(owner);
    const machine = `${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} Go, Node ${process.version}`;
    const servers = await serverVersions(owner, queues);
    say();
    say(
      `Rappels : ${count(REMINDERS)} par tour, lots de ${count(BATCH)}, ${ACTIONS} actions, ${RECIPIENTS} destinataires`,
    );
    say(`Machine : ${machine} ; ${servers}`);

    for (const [index, round] of ROUNDS.entries()) {
      if (index) await owner.query('TRUNCATE notifications, reminders');
      say();
      say(`Tour ${index + 1} — ${round.workers} worker(s), concurrence 8 chacun ; charge ${load()}`);
      const scheduling = await schedule(services, fixture, `banc-${index + 1}`);
      say(
        `  programmation : ${seconds(scheduling.totalMs)} (lignes ${seconds(scheduling.rowsMs)}, travaux ${seconds(scheduling.totalMs - scheduling.rowsMs)})`,
      );
      say(
        `  échéances de +${seconds(scheduling.gapMs)} à +${seconds(scheduling.gapMs + WINDOW_MS)} après la programmation (${count((REMINDERS * 1000) / WINDOW_MS)}/s demandés)`,
      );
      const firing = await fire(owner, queues, round.workers, scheduling);
      results.push({ scheduling, firing, load: load() });
      if (firing.timedOut) {
        // Lateness grows with the backlog: the figures are those of the fired ones only.
        say(
          `  ${seconds(FIRING_BUDGET_MS)} après l’ouverture : ${count(firing.fired)} rappels déclenchés sur ${count(REMINDERS)}, tour arrêté ;`,
        );
        say(
          `  à ce débit, les ${count(REMINDERS)} demanderaient ${seconds((REMINDERS * 1000) / firing.ratePerSecond)} ; retards partiels (rappels déclenchés seulement)`,
        );
      }
      if (firing.skipped || firing.failedJobs) {
        say(`  écartés ${count(firing.skipped)}, travaux en échec ${count(firing.failedJobs)}`);
      }
    }

    const perSecond = (ms: number) => count((REMINDERS * 1000) / ms);
    const lines = [
      '',
      `Résumé — ${machine}`,
      `          ${servers}`,
      '',
      '  workers   lignes/s   lignes+travaux/s   déclenchés   déclenchés/s   retard p50    p99    max   résorbé après   charge',
    ];
    for (const { scheduling, firing, load: roundLoad } of results) {
      lines.push(
        [
          `  ${String(firing.workers).padStart(7)}`,
          perSecond(scheduling.rowsMs).padStart(10),
          perSecond(scheduling.totalMs).padStart(18),
          count(firing.fired).padStart(12),
          count(firing.ratePerSecond).padStart(14),
          duration(firing.p50Ms).padStart(12),
          duration(firing.p99Ms).padStart(6),
          duration(firing.maxMs).padStart(6),
          `${firing.timedOut ? 'non résorbé' : seconds(firing.drainMs)}`.padStart(15),
          roundLoad.padStart(8),
        ].join(' '),
      );
    }
    lines.push(
      '',
      '  retard = notifications.created_at (horloge du worker) − reminders.due_at ;',
      '  résorbé après = dernière notification − fermeture de la fenêtre ;',
      '  charge = charge moyenne de la machine sur une minute, en fin de tour (serveurs partagés possibles).',
      '',
    );
    process.stdout.write(lines.join('\n'));
  } finally {
    await Promise.allSettled([queues.onApplicationShutdown()]);
    await Promise.allSettled([owner.destroy(), application.destroy()]);
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
