import { Role } from '@relais/access';
import { queuePrefix, retryFailedJobs, workerConnectionOptions } from '@relais/queue';
import { testConfig } from '@relais/testing';
import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { RunningApi, startApi } from './support/api-harness';

const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * A prefix of our own, under the run's: the queue counts asserted exactly below cannot be moved by
 * a worker another suite runs on the run's prefix.
 */
const ENVIRONMENT = { REDIS_KEY_PREFIX: `${testConfig().redis.keyPrefix}-metrics` };

interface Scrape {
  status: number;
  contentType: string | null;
  text: string;
  /** `name{labels}` → value, for every sample line. */
  samples: Map<string, number>;
}

async function scrape(api: RunningApi, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(`${api.url}/metrics`, { headers });
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, samples };
}

interface HealthBody {
  status: string;
  checks: Record<string, string>;
  queues?: Record<string, Record<string, number>>;
  outbox?: { pending: number; oldestPendingSeconds: number };
  reminders?: { overdue: number };
}

async function health(api: RunningApi): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`${api.url}/health`);
  return { status: response.status, body: (await response.json()) as HealthBody };
}

const mailJobs = (state: string) => `relais_queue_jobs{queue="mail",state="${state}"}`;

function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('operations figures at /metrics and /health', () => {
  let api: RunningApi;
  let mail: Queue;
  const workers: Worker[] = [];

  const worker = (process: (job: Job) => Promise<unknown>) => {
    const made = new Worker('mail', process, {
      connection: workerConnectionOptions(api.config.redis),
      prefix: queuePrefix(api.config.redis),
    });
    workers.push(made);
    return made;
  };

  beforeAll(async () => {
    api = await startApi(ENVIRONMENT);
    mail = new Queue('mail', {
      connection: workerConnectionOptions(api.config.redis),
      prefix: queuePrefix(api.config.redis),
    });
    await mail.obliterate({ force: true });
  });

  afterAll(async () => {
    await Promise.all(workers.map((made) => made.close()));
    await mail?.obliterate({ force: true });
    await mail?.close();
    await api?.close();
  });

  it('counts a failed, a delayed and a waiting mail job, and ages them', async () => {
    const failing = worker(async () => {
      throw new Error('SMTP indisponible\n    at send (mailer.ts:1)');
    });
    const failed = new Promise<Job | undefined>((done) => failing.once('failed', done));
    await mail.add('immediate', { notificationId: randomUUID() }, { jobId: 'metrics-fails', attempts: 1 });
    expect((await failed)?.id).toBe('metrics-fails');
    await failing.close();

    const now = Date.now();
    await mail.add('digest', {}, { delay: 3_600_000 });
    await mail.add('immediate', {}, { delay: 1_000, timestamp: now - 21_000 });
    await mail.add('immediate', {}, { timestamp: now - 30_000 });

    const metrics = await scrape(api);

    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(metrics.text).toContain('\nrelais_queue_jobs{queue="mail",state="failed"} 1\n');
    expect(metrics.text).toContain('# TYPE relais_queue_jobs gauge\n');
    expect(metrics.text).toMatch(/# HELP relais_queue_jobs \S/);
    expect(metrics.samples.get(mailJobs('waiting'))).toBe(1);
    expect(metrics.samples.get(mailJobs('active'))).toBe(0);
    expect(metrics.samples.get(mailJobs('delayed'))).toBe(2);
    expect(metrics.samples.get(mailJobs('completed'))).toBe(0);
    const oldestWaiting = metrics.samples.get('relais_queue_oldest_waiting_seconds{queue="mail"}');
    expect(oldestWaiting).toBeGreaterThanOrEqual(29);
    expect(oldestWaiting).toBeLessThan(60);
    const overdue = metrics.samples.get('relais_queue_overdue_delayed_seconds{queue="mail"}');
    expect(overdue).toBeGreaterThanOrEqual(19);
    expect(overdue).toBeLessThan(60);
    expect(metrics.samples.get('relais_redis_up')).toBe(1);
    expect(metrics.samples.get('relais_postgres_up')).toBe(1);
    for (const queue of ['outbox', 'reminders', 'mail', 'maintenance']) {
      expect(metrics.samples.has(`relais_queue_jobs{queue="${queue}",state="failed"}`)).toBe(true);
    }
  });

  it('writes only well-formed gauges, labelled by queue and state alone', async () => {
    const { text } = await scrape(api);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toMatch(
        /^(# HELP relais_[a-z_]+ .+|# TYPE relais_[a-z_]+ gauge|relais_[a-z_]+(\{queue="[a-z]+"(,state="[a-z]+")?\})? \d+)$/,
      );
    }
    const typed = lines.filter((line) => line.startsWith('# TYPE')).map((line) => line.split(' ')[2]);
    expect(typed).toEqual(
      expect.arrayContaining([
        'relais_queue_jobs',
        'relais_queue_oldest_waiting_seconds',
        'relais_queue_overdue_delayed_seconds',
        'relais_outbox_pending_events',
        'relais_outbox_oldest_pending_seconds',
        'relais_reminders_scheduled',
        'relais_reminders_overdue',
        'relais_reminders_oldest_overdue_seconds',
      ]),
    );
    expect(new Set(typed).size).toBe(typed.length);
  });

  it('adds the queue figures to /health, its status still following Postgres and Redis', async () => {
    const { status, body } = await health(api);

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'up', checks: { postgres: 'up', redis: 'up' } });
    expect(Object.keys(body.queues ?? {}).sort()).toEqual(['mail', 'maintenance', 'outbox', 'reminders']);
    expect(body.queues?.mail).toEqual({
      waiting: 1,
      active: 0,
      delayed: 2,
      failed: 1,
      oldestWaitingSeconds: expect.any(Number),
    });
    expect(body.outbox).toEqual({ pending: expect.any(Number), oldestPendingSeconds: expect.any(Number) });
    expect(body.reminders).toEqual({ overdue: expect.any(Number) });
  });

  it('re-drives the failed job, which a worker that now succeeds completes', async () => {
    expect(await retryFailedJobs(mail)).toBe(1);
    const afterRetry = await scrape(api);
    expect(afterRetry.samples.get(mailJobs('failed'))).toBe(0);
    expect(afterRetry.samples.get(mailJobs('waiting'))).toBe(2);

    const succeeding = worker(async (job) => job.id);
    await new Promise<void>((done) =>
      succeeding.on('completed', (job) => job.id === 'metrics-fails' && done()),
    );
    await succeeding.close();

    const afterRun = await scrape(api);
    expect(afterRun.samples.get(mailJobs('failed'))).toBe(0);
    expect(afterRun.samples.get(mailJobs('completed'))).toBeGreaterThanOrEqual(1);
    expect(await (await mail.getJob('metrics-fails'))?.getState()).toBe('completed');
  });

  it('counts unpublished outbox events and overdue reminders from Postgres', async () => {
    const territory = await api.factory.territory();
    const recipient = await api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const now = api.clock.now().getTime();
    const [event] = (await api.dataSource.query(
      `INSERT INTO outbox_events (territory_id, type, subject_type, subject_id, payload, occurred_at)
       VALUES ($1, 'metrics.test', 'territory', $1, '{}', $2) RETURNING id`,
      [territory.id, new Date(now - 120_000)],
    )) as { id: string }[];
    const [reminder] = (await api.dataSource.query(
      `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, recipient_user_id,
                              recipient_organisation_id, due_at, dedupe_key, created_at)
       VALUES ($1, 'ACTION_DUE', 'action', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        territory.id,
        randomUUID(),
        recipient.id,
        recipient.organisationId,
        new Date(now - 600_000),
        `metrics-test:${randomUUID()}`,
        new Date(now - 3_600_000),
      ],
    )) as { id: string }[];

    // Locked until the checks are done, so another suite's relay or dispatcher (SKIP LOCKED, or
    // waiting on the lock) cannot settle them first; deleted in the same transaction.
    const lock = api.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    try {
      await lock.query(`SELECT 1 FROM outbox_events WHERE id = $1 FOR UPDATE`, [event.id]);
      await lock.query(`SELECT 1 FROM reminders WHERE id = $1 FOR UPDATE`, [reminder.id]);

      const { samples } = await scrape(api);
      expect(samples.get('relais_outbox_pending_events')).toBeGreaterThanOrEqual(1);
      expect(samples.get('relais_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(119);
      expect(samples.get('relais_reminders_scheduled')).toBeGreaterThanOrEqual(1);
      expect(samples.get('relais_reminders_overdue')).toBeGreaterThanOrEqual(1);
      expect(samples.get('relais_reminders_oldest_overdue_seconds')).toBeGreaterThanOrEqual(599);

      const { body } = await health(api);
      expect(body.outbox?.pending).toBeGreaterThanOrEqual(1);
      expect(body.outbox?.oldestPendingSeconds).toBeGreaterThanOrEqual(119);
      expect(body.reminders?.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      await lock.query(`DELETE FROM outbox_events WHERE id = $1`, [event.id]);
      await lock.query(`DELETE FROM reminders WHERE id = $1`, [reminder.id]);
      await lock.commitTransaction();
      await lock.release();
    }
  });
});

describe('/metrics with METRICS_TOKEN set', () => {
  const token = 'jeton-de-supervision-assez-long';
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ ...ENVIRONMENT, METRICS_TOKEN: token });
  });
  afterAll(() => api?.close());

  it('answers 401 without the token or with another, and the figures with it', async () => {
    const anonymous = await fetch(`${api.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
    expect((await scrape(api, { authorization: `Bearer ${token}-mais-pas-lui` })).status).toBe(401);
    expect((await scrape(api, { authorization: token })).status).toBe(401);

    const allowed = await scrape(api, { authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.samples.has(mailJobs('waiting'))).toBe(true);
  });

  it('leaves /health public', async () => {
    expect((await health(api)).status).toBe(200);
  });
});

describe('figures while Redis is down', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ ...ENVIRONMENT, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => api?.close());

  it('leaves the queue figures out of /health and /metrics, quickly, and keeps the rest', async () => {
    const started = Date.now();
    const { status, body } = await health(api);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'down', checks: { postgres: 'up', redis: 'down' } });
    expect(body.queues).toBeUndefined();
    expect(body.outbox).toEqual({ pending: expect.any(Number), oldestPendingSeconds: expect.any(Number) });

    const metrics = await scrape(api);
    expect(metrics.status).toBe(200);
    expect(metrics.samples.get('relais_redis_up')).toBe(0);
    expect(metrics.text).not.toContain('relais_queue_jobs');
    expect(metrics.samples.get('relais_postgres_up')).toBe(1);
    expect(metrics.samples.has('relais_outbox_pending_events')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
