import { Role } from '@relais/access';
import { AppConfig, processEnvironment } from '@relais/config';
import { createDatabase, withCredentials } from '@relais/database';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { createRelaisDataSource } from '@relais/persistence';
import { ProducerQueues, QueueName } from '@relais/queue';
import {
  deleteQueueKeys,
  GraphqlClient,
  logInClient,
  SmtpSink,
  startSmtpSink,
  testConfig,
} from '@relais/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { ApiProcess, spawnApiProcess } from './support/api-process';
import { outageOf, probeContinuously, stopImmediately } from './support/postgres-failover';
import {
  aReminderSubject,
  eventually,
  insertDueReminders,
  ReminderSubject,
  sentOnceTally,
} from './support/reminder-fixtures';
import { ServiceProcess, serviceProcessEnvironment } from './support/service-process';
import { startStreamingPair, StreamingPair } from './support/streaming-standby';
import { startTcpSwitch, TcpSwitch } from './support/tcp-switch';
import { spawnWorkerProcess } from './support/worker-process';

const DATABASE = 'relais_failover';
const ME = '{ me { id } }';
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id } } }`;
/** Reminders due while the primary is gone, and due after the switch, of jobs made before it. */
const DURING = 'failover:during:';
const AFTER = 'failover:after:';
const PER_GROUP = 50;
const BOOT_TIMEOUT_MS = 60_000;

/**
 * A Postgres failover under a running api and worker: the primary stopped as a machine lost
 * (`pg_ctl stop -m immediate`), its streaming standby promoted, and the address of `DATABASE_URL`
 * (a TCP proxy here, a virtual IP or a proxy in production) switched to it. What docs/scaling.md
 * says of it, « Pendant une bascule », measured: requests fail only until the switch, nothing is
 * written twice and nothing waiting is lost.
 */
describe('Postgres failover under a running api and worker', () => {
  const scratch = mkdtempSync(resolve(tmpdir(), 'relais-failover-'));
  let pair: StreamingPair;
  let proxy: TcpSwitch;
  let smtp: SmtpSink;
  let prefix: string;
  let config: AppConfig;
  let owner: DataSource;
  let queues: ProducerQueues;
  let factory: IdentityFactory;
  let territory: Territory;
  let api: ApiProcess;
  let worker: ServiceProcess;
  const started: ServiceProcess[] = [];
  const setupMs: Record<string, number> = {};

  beforeAll(async () => {
    let from = Date.now();
    [pair, smtp] = await Promise.all([startStreamingPair(), startSmtpSink()]);
    setupMs.servers = Date.now() - from;
    const portOf = (url: string) => Number(new URL(url).port);
    proxy = await startTcpSwitch(portOf(pair.primaryUrl));
    await createDatabase(pair.primaryUrl, DATABASE);
    // Every URL the processes are given leads through the proxy, the owner's included.
    const throughProxy = (url: string) => {
      const moved = new URL(url);
      moved.port = String(proxy.port);
      moved.pathname = `/${DATABASE}`;
      return moved.toString();
    };
    const shared = testConfig();
    const application = new URL(shared.database.url);
    prefix = `${shared.redis.keyPrefix}-failover-${randomBytes(4).toString('hex')}`;
    const database = {
      DATABASE_OWNER_URL: throughProxy(pair.primaryUrl),
      // The run's application role: the migration creates it on the primary, the standby replays it.
      DATABASE_URL: throughProxy(
        withCredentials(
          pair.primaryUrl,
          decodeURIComponent(application.username),
          decodeURIComponent(application.password),
        ),
      ),
      REDIS_KEY_PREFIX: prefix,
    };
    from = Date.now();
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/migrations.ts', 'run'], {
      cwd: resolve(__dirname, '..'),
      env: { ...processEnvironment(), ...database },
    });
    setupMs.migrations = Date.now() - from;
    from = Date.now();
    const environment = serviceProcessEnvironment({ database, smtpUrl: smtp.url, webRoot: scratch });
    const booting = Promise.all([
      spawnApiProcess(environment, { readyTimeoutMs: BOOT_TIMEOUT_MS }).then(async (spawned) => {
        started.push(spawned);
        await spawned.ready;
        return spawned;
      }),
      (async () => {
        const spawned = spawnWorkerProcess(environment, BOOT_TIMEOUT_MS);
        started.push(spawned);
        await spawned.ready;
        return spawned;
      })(),
    ]);
    config = testConfig(database);
    owner = await createRelaisDataSource(
      { url: config.database.ownerUrl!, ownerUrl: undefined, poolSize: 2 },
      'relais-test-fixtures',
    ).initialize();
    queues = new ProducerQueues(config);
    factory = new IdentityFactory(owner, { secondFactorKey: config.secondFactor.key });
    territory = await factory.territory();
    [api, worker] = await booting;
    setupMs.processes = Date.now() - from;
  }, BOOT_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await Promise.all(started.map((service) => service.kill()));
    await queues?.onApplicationShutdown();
    await owner?.destroy().catch(() => undefined);
    await proxy?.close();
    await pair?.stop();
    await smtp?.stop();
    await deleteQueueKeys(testConfig().redis.url, prefix);
    rmSync(scratch, { recursive: true, force: true });
  });

  const user = (roles: Role[], kind: OrganisationKind) =>
    factory
      .organisation(territory, kind)
      .then((organisation) =>
        factory.user({ territory, organisation, profession: Profession.SOCIAL_WORKER, roles }),
      );

  const plannedFor = async (subject: ReminderSubject) => {
    const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM reminders WHERE subject_id = $1`, [
      subject.actionId,
    ])) as { n: number }[];
    return n;
  };

  it('fails requests only until the switch, then serves, relays and fires every reminder once', async () => {
    const admin = await user([Role.TERRITORY_ADMIN], OrganisationKind.MUNICIPAL);
    const recipient = await user([Role.CELL_MEMBER], OrganisationKind.SOCIAL);
    const { client } = await logInClient(new GraphqlClient(api.url), admin.email, admin.password);
    const subjectOf = () =>
      aReminderSubject(owner, {
        territoryId: territory.id,
        organisationId: recipient.organisationId,
        userId: recipient.id,
      });
    // The relay works before the failover: an action's event plans its reminders.
    const subject = await subjectOf();
    const planned = await eventually(
      () => plannedFor(subject),
      (n) => n > 0,
      20_000,
    );

    const t0 = Date.now();
    const crashAt = t0 + 3_000;
    const switchAt = t0 + 5_000;
    const during = await insertDueReminders(owner, subject, {
      prefix: DURING,
      count: PER_GROUP,
      dueAt: new Date(t0 + 4_000),
    });
    const after = await insertDueReminders(owner, subject, {
      prefix: AFTER,
      count: PER_GROUP,
      dueAt: new Date(t0 + 7_000),
    });
    // Their jobs wait in Redis before the primary goes: the worker meets the outage when they fall due.
    const reminders = queues.get(QueueName.REMINDERS);
    await eventually(
      async () => new Set(await reminders.getRanges(['delayed'], 0, -1)),
      (delayed) => [...during, ...after].every((id) => delayed.has(id)),
      10_000,
    );

    const reads = probeContinuously(async () => {
      const answer = await client.request<{ me: { id: string } }>(ME);
      return answer.data?.me?.id === admin.id
        ? { ok: true }
        : { ok: false, why: String(answer.errors?.[0]?.extensions?.code ?? 'sans réponse') };
    }, 20);
    const health = probeContinuously(async () => {
      const answer = await fetch(`${api.url}/health`);
      await answer.body?.cancel();
      return { ok: answer.status === 200, why: String(answer.status) };
    }, 50);

    // What was committed is on the standby: asynchronous replication loses only what it had not sent.
    await pair.caughtUp();
    expect(Date.now()).toBeLessThan(crashAt);
    await new Promise((done) => setTimeout(done, crashAt - Date.now()));
    const crashedAt = Date.now();
    await stopImmediately(pair, 'primary');
    // As long as an operator or pg_auto_failover takes to decide, here two seconds.
    await new Promise((done) => setTimeout(done, switchAt - Date.now()));
    const promoteFrom = Date.now();
    await pair.query('standby', 'postgres', 'SELECT pg_promote()');
    const promotedMs = Date.now() - promoteFrom;
    proxy.switchTo(Number(new URL(pair.standbyUrl).port));
    const switchedAt = Date.now();

    // A mutation right after the switch: committed on the new primary, its e-mail relayed.
    const email = `relais.bascule.${randomBytes(3).toString('hex')}@essai.relais.test`;
    const created = await client.request<{ createUser: { user: { id: string } } }>(CREATE_USER, {
      input: {
        territoryId: territory.id,
        organisationId: recipient.organisationId,
        email,
        firstName: 'Bascule',
        lastName: 'Après',
        profession: 'SOCIAL_WORKER',
        roles: ['CELL_MEMBER'],
      },
    });
    const createdMs = Date.now() - switchedAt;
    expect(created.errors).toBeUndefined();
    await new Promise((done) => setTimeout(done, 1_500));
    const [readsSeen, healthSeen] = await Promise.all([reads.stop(), health.stop()]).then((probes) =>
      probes.map((tries) => outageOf(tries, { crashedAt, switchedAt })),
    );

    const [{ recovering }] = await pair.query<{ recovering: boolean }>(
      'standby',
      DATABASE,
      'SELECT pg_is_in_recovery() AS recovering',
    );
    expect(recovering).toBe(false);
    expect(await pair.query('standby', DATABASE, 'SELECT id FROM users WHERE email = $1', [email])).toEqual([
      { id: created.data!.createUser.user.id },
    ]);
    const mailsTo = (address: string) => smtp.messages.filter((mail) => mail.to.includes(address));
    await eventually(
      async () => mailsTo(email).length,
      (n) => n > 0,
      15_000,
    );
    expect(mailsTo(email)).toHaveLength(1);
    // An event written after the switch is relayed too: a new action's reminders are planned.
    const later = await subjectOf();
    await eventually(
      () => plannedFor(later),
      (n) => n === planned,
      15_000,
    );

    // Every reminder due around the failover notified once, once the worker reached the new primary.
    const expected = { total: PER_GROUP, sent: PER_GROUP, notified: PER_GROUP, doubled: 0 };
    const firedIn = async (group: string) => {
      await eventually(
        () => sentOnceTally(owner, `${group}%`),
        (tally) => tally.sent === PER_GROUP,
        20_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${worker.output.slice(-20).join('\n')}`);
      });
    };
    await firedIn(DURING);
    await firedIn(AFTER);
    // When the notifications were written, from the switch: how soon the worker's retries got through.
    const notifiedMs = async (group: string) => {
      const [row] = (await owner.query(
        `SELECT (extract(epoch FROM min(n.created_at)) * 1000)::bigint AS first,
                (extract(epoch FROM max(n.created_at)) * 1000)::bigint AS last
           FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE r.dedupe_key LIKE $1`,
        [`${group}%`],
      )) as { first: string; last: string }[];
      return [Number(row.first) - switchedAt, Number(row.last) - switchedAt];
    };
    const notifiedAfterSwitchMs = { during: await notifiedMs(DURING), after: await notifiedMs(AFTER) };
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await sentOnceTally(owner, `${DURING}%`)).toEqual(expected);
    expect(await sentOnceTally(owner, `${AFTER}%`)).toEqual(expected);
    expect(await reminders.getFailedCount()).toBe(0);

    const loopFailures = worker.output.filter((line) => line.includes('Échec de la boucle')).length;
    const errorLines = started.flatMap((service) =>
      service.output.filter((line) => /"level":(50|60)/.test(line)),
    );
    process.stderr.write(
      `[tests] bascule Postgres (${pair.madeBy}) : ${JSON.stringify({
        promotedMs,
        createdAfterSwitchMs: createdMs,
        reads: readsSeen,
        health: healthSeen,
        notifiedAfterSwitchMs,
        dueAfterSwitchMs: { during: t0 + 4_000 - switchedAt, after: t0 + 7_000 - switchedAt },
        workerLoopFailures: loopFailures,
        errorLines: errorLines.length,
        firstErrors: errorLines.slice(0, 3).map((line) => line.slice(0, 300)),
        crashToSwitchMs: switchedAt - crashedAt,
        setupMs,
      })}\n`,
    );

    // Reads fail from the crash on, and only until the switch; /health says so meanwhile.
    expect(readsSeen.failed).toBeGreaterThan(0);
    expect(readsSeen.failedBeforeCrash).toBe(0);
    expect(readsSeen.failedAfterSwitch).toBe(0);
    expect(healthSeen.reasons).toContain('503');
    expect(healthSeen.failedBeforeCrash).toBe(0);
    expect(healthSeen.failedAfterSwitch).toBe(0);
    expect(loopFailures).toBeGreaterThan(0);
  }, 60_000);
});
