/**
 * `npm run bench reminders` (or `npm run bench:reminders`): how late one worker fires reminders
 * when 1 000 fall due per second, how many it fires per second when a backlog is due at once, and
 * how many SQL statements each costs — next to bare BullMQ's lateness for the same jobs on the
 * same Redis. Sized for two cores; figures, not assertions.
 *
 * Lateness is measured when the batch that fired a reminder has committed (the dispatcher's
 * promise resolving, seen in this process), minus its due time. Statements are every query the
 * worker's own connection pool runs during a phase (TypeORM's `PostgresQueryRunner.query`
 * wrapped), transaction frames, the outbox relay and the reconciler included, divided by the
 * reminders fired.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@relais/access';
import { AppConfig, loadConfig, processEnvironment, SystemClock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { IdentityFactory } from '@relais/identity/testing';
import { createRelaisDataSource } from '@relais/persistence';
import { ProducerQueues, queuePrefix, QueueName, workerConnectionOptions } from '@relais/queue';
import {
  Recipient,
  ReminderDispatcher,
  ReminderDraft,
  ReminderKind,
  ReminderQueue,
  ReminderScheduler,
} from '@relais/reminders';
import { createWorker } from '@relais/worker';
import { Job, Queue, Worker } from 'bullmq';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';

const RATE = 1_000;
const WINDOW_MS = 20_000;
const STREAM = (RATE * WINDOW_MS) / 1000;
const BACKLOG = 20_000;
const ACTIONS = 200;
const RECIPIENTS = 10;
const GAP_MS = 5_000;
const BUDGET_MS = 120_000;
const WRITE_BATCH = 1_000;

interface Fixture {
  territoryId: string;
  recipients: Recipient[];
  actions: { id: string; personId: string; situationId: string }[];
}

interface Phase {
  fired: number;
  latenessMs: number[];
  statements: number;
  byStatement: Map<string, number>;
  timeByStatement: Map<string, number>;
  batches: number;
  spanMs: number;
  timedOut: boolean;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const int = (value: number) => Math.round(value).toLocaleString('fr-FR');
const ms = (value: number) => `${int(value)} ms`;
const load = () => loadavg()[0].toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** What the worker's pool runs and when its batches commit, seen from inside this process. */
class Probe {
  statements = 0;
  readonly byStatement = new Map<string, number>();
  /** Milliseconds from sending each statement to its answer, summed by sort. */
  readonly timeByStatement = new Map<string, number>();
  readonly committedAt = new Map<string, number>();
  batches = 0;
  readonly ours: Set<DataSource>;

  constructor(ours: DataSource[]) {
    this.ours = new Set(ours);
  }

  reset(): void {
    this.statements = 0;
    this.byStatement.clear();
    this.timeByStatement.clear();
    this.committedAt.clear();
    this.batches = 0;
  }
}

/** Wraps TypeORM's query and the dispatcher's batch for `probe` to see them. */
function instrument(probe: Probe): Probe {
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args) {
    if (probe.ours.has(this.connection))
      return query.apply(this, args) as ReturnType<PostgresQueryRunner['query']>;
    probe.statements += 1;
    const sql = String(args[0]).trim();
    const name = /^\/\* prepared:([\w-]+) \*\//.exec(sql)?.[1] ?? sql.split(/\s+/, 2).join(' ');
    probe.byStatement.set(name, (probe.byStatement.get(name) ?? 0) + 1);
    const started = performance.now();
    const result = query.apply(this, args) as ReturnType<PostgresQueryRunner['query']>;
    return result.finally(() =>
      probe.timeByStatement.set(name, (probe.timeByStatement.get(name) ?? 0) + performance.now() - started),
    );
  } as PostgresQueryRunner['query'];
  const fireBatch = ReminderDispatcher.prototype.fireBatch;
  ReminderDispatcher.prototype.fireBatch = async function (this: ReminderDispatcher, ...args) {
    const batch = await fireBatch.apply(this, args);
    const at = Date.now();
    probe.batches += 1;
    for (const [id, outcome] of batch.outcomes) if (outcome.outcome === 'SENT') probe.committedAt.set(id, at);
    return batch;
  };
  return probe;
}

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

function drafts(fixture: Fixture, tag: string, dueTimes: number[]): ReminderDraft[] {
  return dueTimes.map((dueAt, i) => {
    const action = fixture.actions[i % fixture.actions.length];
    return {
      territoryId: fixture.territoryId,
      kind: i % 2 ? ReminderKind.ACTION_DUE : ReminderKind.ACTION_OVERDUE,
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
 * Rows a thousand at a time as the planner writes them, a day ahead; then, once their number is
 * known to be written, their due times are set (`dueTimes` from `GAP_MS` after now) and their
 * jobs added: writing never eats into the window.
 */
async function schedule(
  owner: DataSource,
  database: ScopedDatabase,
  scheduler: ReminderScheduler,
  queue: ReminderQueue,
  fixture: Fixture,
  tag: string,
  offsets: number[],
): Promise<{ due: Map<string, number>; opensAt: number; late: boolean }> {
  const all = drafts(
    fixture,
    tag,
    offsets.map(() => Date.now() + 86_400_000),
  );
  const ids: string[] = [];
  const writing = Date.now();
  for (let start = 0; start < all.length; start += WRITE_BATCH) {
    const written = await database.run({ territoryIds: [fixture.territoryId] }, (manager) =>
      scheduler.schedule(manager, all.slice(start, start + WRITE_BATCH)),
    );
    ids.push(...written.map((reminder) => reminder.id));
  }
  // Adding the jobs takes less than writing the rows did: the window opens after both.
  const opensAt = Date.now() + GAP_MS + (Date.now() - writing);
  const dueTimes = offsets.map((offset) => opensAt + offset);
  await owner.query(
    `UPDATE reminders r SET due_at = d.due_at FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) WHERE r.id = d.id`,
    [ids, dueTimes.map((time) => new Date(time))],
  );
  const due = new Map(ids.map((id, index) => [id, dueTimes[index]]));
  const scheduled = ids.map((id, index) => ({ id, dueAt: new Date(dueTimes[index]) }));
  for (let start = 0; start < scheduled.length; start += WRITE_BATCH)
    await queue.enqueue(scheduled.slice(start, start + WRITE_BATCH));
  return { due, opensAt, late: Date.now() > opensAt };
}

async function watch(probe: Probe, due: Map<string, number>, opensAt: number): Promise<Phase> {
  const started = Date.now();
  let timedOut = false;
  while (probe.committedAt.size < due.size) {
    if (Date.now() > opensAt + BUDGET_MS) {
      timedOut = true;
      break;
    }
    await sleep(200);
  }
  // The jobs of what was fired by other jobs' batches finish without a statement; let them.
  await sleep(1_000);
  const latenessMs = [...probe.committedAt].map(([id, at]) => at - due.get(id)!);
  const commits = [...probe.committedAt.values()];
  return {
    fired: probe.committedAt.size,
    latenessMs,
    statements: probe.statements,
    byStatement: new Map(probe.byStatement),
    timeByStatement: new Map(probe.timeByStatement),
    batches: probe.batches,
    spanMs: Math.max(...commits) - Math.max(opensAt, started),
    timedOut,
  };
}

/** The same volume and delays through a processor that does nothing: BullMQ's own lateness. */
async function bareBullmq(config: AppConfig, dueTimes: number[]): Promise<number[]> {
  const connection = workerConnectionOptions(config.redis);
  const prefix = queuePrefix(config.redis);
  const name = 'bench-bare-reminders';
  const queue = new Queue(name, { connection, prefix });
  const lateness: number[] = [];
  const worker = new Worker(
    name,
    async (job: Job<{ dueAt: number }>) => {
      lateness.push(Date.now() - job.data.dueAt);
    },
    { connection, prefix, concurrency: 8 },
  );
  try {
    await worker.waitUntilReady();
    for (let start = 0; start < dueTimes.length; start += WRITE_BATCH) {
      const now = Date.now();
      await queue.addBulk(
        dueTimes.slice(start, start + WRITE_BATCH).map((dueAt, i) => ({
          name: 'fire',
          data: { dueAt },
          opts: { jobId: `bare-${start + i}`, delay: Math.max(0, dueAt - now), removeOnComplete: true },
        })),
      );
    }
    const deadline = Date.now() + BUDGET_MS + WINDOW_MS + GAP_MS;
    while (lateness.length < dueTimes.length && Date.now() < deadline) await sleep(200);
    return lateness;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Due offsets from the window's opening, evenly over it, in random order. */
function spread(count: number, from: number, overMs: number): number[] {
  const times = Array.from({ length: count }, (_, i) => from + ((i + 0.5) * overMs) / count);
  // Shuffled, so each write carries due times from the whole window, as real plannings do.
  for (let i = times.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [times[i], times[j]] = [times[j], times[i]];
  }
  return times;
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  // The reconciler runs at boot and then every minute (the default): its statements count too.
  const config = loadConfig({ ...processEnvironment(), LOG_LEVEL: 'silent' });
  const owner = createRelaisDataSource(
    { ...config.database, url: config.database.ownerUrl! },
    'relais-bench',
  );
  const application = createRelaisDataSource(config.database, 'relais-bench');
  const queues = new ProducerQueues(config);
  const clock = new SystemClock();
  const database = new ScopedDatabase(application);
  const scheduler = new ReminderScheduler(clock);
  const queue = new ReminderQueue(queues, clock);
  const probe = instrument(new Probe([owner, application]));
  let worker: INestApplicationContext | undefined;
  try {
    await Promise.all([owner.initialize(), application.initialize()]);
    const fixture = await seed(owner);
    say();
    say(`Machine : ${cpus().length} cœurs, Node ${process.version} ; charge ${load()}`);
    worker = await createWorker(config);
    await worker.init();

    // 1. A stream: 1 000 due per second for WINDOW_MS.
    probe.reset();
    const flow = await schedule(
      owner,
      database,
      scheduler,
      queue,
      fixture,
      'flot',
      spread(STREAM, 0, WINDOW_MS),
    );
    if (flow.late) say('  (les travaux ont débordé sur la fenêtre : premiers retards majorés)');
    const stream = await watch(probe, flow.due, flow.opensAt);

    // 2. A backlog: BACKLOG due at the same moment.
    probe.reset();
    const burst = await schedule(
      owner,
      database,
      scheduler,
      queue,
      fixture,
      'stock',
      Array<number>(BACKLOG).fill(0),
    );
    const backlog = await watch(probe, burst.due, burst.opensAt);
    const { failed } = await queues.get(QueueName.REMINDERS).getJobCounts('failed');
    await worker.close();
    worker = undefined;

    // 3. Bare BullMQ, the stream's volume and delays.
    const bareLateness = await bareBullmq(config, spread(STREAM, Date.now() + GAP_MS, WINDOW_MS));

    const perReminder = (phase: Phase) => (phase.statements / Math.max(1, phase.fired)).toFixed(2);
    const lines = [
      '',
      `Rappels — un worker (64 travaux à la fois ; BullMQ nu : 8), ${int(RATE)} échéances/s pendant ${WINDOW_MS / 1000} s, puis ${int(BACKLOG)} dus d’un coup ; charge ${load()}`,
      '',
      '                                   déclenchés   retard p50   p99     max   lots   requêtes/rappel',
      `  flot 1 000/s                     ${int(stream.fired).padStart(10)} ${ms(percentile(stream.latenessMs, 0.5)).padStart(12)} ${ms(percentile(stream.latenessMs, 0.99)).padStart(7)} ${ms(Math.max(...stream.latenessMs)).padStart(7)} ${int(stream.batches).padStart(6)} ${perReminder(stream).padStart(17)}`,
      `  BullMQ nu, mêmes travaux         ${int(bareLateness.length).padStart(10)} ${ms(percentile(bareLateness, 0.5)).padStart(12)} ${ms(percentile(bareLateness, 0.99)).padStart(7)} ${ms(Math.max(...bareLateness)).padStart(7)}`,
      `  stock de ${int(BACKLOG)} dus d’un coup  ${int(backlog.fired).padStart(10)}   → ${int((backlog.fired * 1000) / Math.max(1, backlog.spanMs))} déclenchés/s (${ms(backlog.spanMs)} de l’échéance au dernier)   ${int(backlog.batches)} lots, ${perReminder(backlog)} requêtes/rappel`,
      '',
      '  requêtes du worker pendant le flot, par sorte :',
      ...[...stream.byStatement]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([name, count]) =>
            `    ${name.padEnd(34)} ${int(count).padStart(8)}   ${ms(stream.timeByStatement.get(name) ?? 0).padStart(9)} en tout`,
        ),
      '',
      '  retard = validation du lot qui l’a déclenché − échéance ; requêtes = toutes celles du pool du worker',
      '  (cadres de transaction, relais de l’outbox et réconciliation compris) ÷ rappels déclenchés.',
      failed ? `  ATTENTION : ${int(failed)} travaux en échec.` : '',
      stream.timedOut || backlog.timedOut
        ? '  ATTENTION : une phase a dépassé son budget, chiffres partiels.'
        : '',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await worker?.close();
    await queues.get(QueueName.REMINDERS).obliterate({ force: true });
    await queues.onApplicationShutdown();
    await Promise.allSettled([owner.destroy(), application.destroy()]);
    await infrastructure.stop();
  }
}
