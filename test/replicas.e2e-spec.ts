import { Role } from '@relais/access';
import { AppConfig, addDays, Environment, parisDate } from '@relais/config';
import { AuditChainKeyring, AuditChainVerifier, FileAuditCheckpointStore } from '@relais/audit';
import { CLIENT_HEADER } from '@relais/graphql';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { createRelaisDataSource } from '@relais/persistence';
import { ProducerQueues, QueueName } from '@relais/queue';
import {
  GraphqlClient,
  IsolatedDatabase,
  nextSecondFactorCode,
  provisionIsolatedDatabase,
  SmtpSink,
  startSmtpSink,
  testConfig,
} from '@relais/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiProcess, spawnApiProcess } from './support/api-process';
import { referPerson } from './support/referral-journey';
import { spreadTraffic } from './support/replica-traffic';
import { postGraphql, asBrowser } from './support/raw-graphql';
import {
  aReminderSubject,
  anActionFor,
  eventually,
  insertDueReminders,
  ReminderSubject,
  sentOnceTally,
} from './support/reminder-fixtures';
import { ServiceProcess, serviceProcessEnvironment } from './support/service-process';
import { spawnWorkerProcess } from './support/worker-process';
import { readLinkSequences } from './support/audit-read-links';

const LOG_IN = `mutation ($input: LogInInput!) {
  logIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = 'mutation { refreshSession(input: {}) { accessTokenExpiresAt } }';
const REFRESH_TOKEN =
  'mutation ($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }';
const ME = '{ me { id } }';
const READ_REFERRAL = `query ($id: ID!) { referral(referralId: $id) { id identity { lastName } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id } setPasswordLink { sentByEmail } } }`;

/** Four processes loading the whole application at once on a shared two-core machine. */
const BOOT_TIMEOUT_MS = 90_000;

/** Error-level lines (pino levels 50 and 60) a process wrote. */
const errorsOf = (service: ServiceProcess) => service.output.filter((line) => /"level":(50|60)/.test(line));

/**
 * Nothing may assume one process: two api processes and two worker processes on one database and
 * one Redis prefix, as two replicas of each behind a load balancer. A user's requests go to either
 * api; outbox events, reminders and maintenance jobs are each handled once however many workers
 * compete; a rolling restart loses no request and no job.
 */
describe('replicas: two apis and two workers on one database and one Redis prefix', () => {
  let isolated: IsolatedDatabase;
  let config: AppConfig;
  let environment: Environment;
  let scratch: string;
  let smtp: SmtpSink;
  let owner: DataSource;
  let queues: ProducerQueues;
  let factory: IdentityFactory;
  let territory: Territory;
  let apiA: ApiProcess;
  let apiB: ApiProcess;
  let workers: ServiceProcess[];
  let replacing: Promise<ApiProcess>;
  const started: ServiceProcess[] = [];
  const bootMs: Record<string, number> = {};

  /** Spawns, and notes how long it took to be ready (the machine is shared: read, not asserted). */
  const booted = async <T extends ServiceProcess>(name: string, service: T): Promise<T> => {
    const from = Date.now();
    started.push(service);
    await service.ready;
    bootMs[name] = Date.now() - from;
    return service;
  };
  /**
   * The code the account's authenticator shows next: one authenticator per account, whichever api
   * it is typed on (each step is accepted once, by the database both share). These apis keep real
   * time: a step's code is taken, not the previous step's, which a step boundary could make stale.
   */
  const codeFor = (email: string) =>
    nextSecondFactorCode(new GraphqlClient('replicas'), email, { at: new Date(Date.now() + 30_000) });
  /** Signs in on `api`, as the web client (cookies) or another client (tokens). */
  const signIn = (api: ApiProcess, account: { email: string; password: string }, web: boolean) =>
    postGraphql(
      api.url,
      LOG_IN,
      {
        input: { email: account.email, password: account.password, secondFactorCode: codeFor(account.email) },
      },
      web ? { [CLIENT_HEADER]: 'web' } : {},
    );
  const bearerOn = async (api: ApiProcess, account: { email: string; password: string }) => {
    const { data } = await signIn(api, account, false);
    const { accessToken, refreshToken } = data!.logIn as { accessToken: string; refreshToken: string };
    return { client: new GraphqlClient(api.url, accessToken), refreshToken };
  };
  const user = (roles: Role[], kind = OrganisationKind.SOCIAL) =>
    factory
      .organisation(territory, kind)
      .then((organisation) =>
        factory.user({ territory, organisation, profession: Profession.SOCIAL_WORKER, roles }),
      );

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'relais-replicas-'));
    [isolated, smtp] = await Promise.all([provisionIsolatedDatabase(), startSmtpSink()]);
    environment = serviceProcessEnvironment({
      database: isolated.environment,
      smtpUrl: smtp.url,
      webRoot: scratch,
    });
    config = testConfig(isolated.environment);
    // The four boot at once, as replicas do; the fixtures are written meanwhile.
    const booting = Promise.all([
      spawnApiProcess(environment, { readyTimeoutMs: BOOT_TIMEOUT_MS }).then((api) => booted('api A', api)),
      spawnApiProcess(environment, { readyTimeoutMs: BOOT_TIMEOUT_MS }).then((api) => booted('api B', api)),
      booted('worker 1', spawnWorkerProcess(environment, BOOT_TIMEOUT_MS)),
      booted('worker 2', spawnWorkerProcess(environment, BOOT_TIMEOUT_MS)),
    ]);
    owner = await createRelaisDataSource(
      { url: config.database.ownerUrl!, ownerUrl: undefined, poolSize: 4 },
      'relais-test-fixtures',
    ).initialize();
    queues = new ProducerQueues(config);
    factory = new IdentityFactory(owner, { secondFactorKey: config.secondFactor.key });
    territory = await factory.territory();
    const [a, b, ...rest] = await booting;
    [apiA, apiB, workers] = [a as ApiProcess, b as ApiProcess, rest];
    process.stderr.write(`[tests] réplicas prêts (ms) : ${JSON.stringify(bootMs)}\n`);
    // The replacement of api A for the rolling restart (the last test) loads during the others.
    replacing = spawnApiProcess(environment, { readyTimeoutMs: BOOT_TIMEOUT_MS }).then((api) =>
      booted('api A remplaçante', api),
    );
    replacing.catch(() => undefined);
  }, BOOT_TIMEOUT_MS + 15_000);

  afterAll(async () => {
    await Promise.all(started.map((service) => service.kill()));
    await queues?.onApplicationShutdown();
    await owner?.destroy();
    await isolated?.drop();
    await smtp?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves one browser session from either api: rotation, reuse and logout are seen by both', async () => {
    const account = await user([Role.COORDINATOR]);
    const signedIn = await signIn(apiA, account, true);
    expect(signedIn.cookies).toHaveLength(2);
    const onA = signedIn.cookies;
    expect((await postGraphql(apiB.url, ME, {}, asBrowser(onA))).data?.me).toEqual({ id: account.id });

    // Refreshed on B, then again on A with what B set: each rotation is known to the other.
    const rotatedOnB = (await postGraphql(apiB.url, REFRESH, {}, asBrowser(onA))).cookies;
    expect(rotatedOnB).toHaveLength(2);
    const rotatedOnA = (await postGraphql(apiA.url, REFRESH, {}, asBrowser(rotatedOnB))).cookies;
    expect(rotatedOnA).toHaveLength(2);
    expect((await postGraphql(apiB.url, ME, {}, asBrowser(rotatedOnA))).data?.me).toEqual({ id: account.id });

    // B's refresh cookie, already exchanged on A, comes back to B: a copy is in other hands, and
    // the session ends on both.
    expect((await postGraphql(apiB.url, REFRESH, {}, asBrowser(rotatedOnB))).code).toBe('UNAUTHENTICATED');
    expect((await postGraphql(apiA.url, ME, {}, asBrowser(rotatedOnA))).code).toBe('UNAUTHENTICATED');
    expect((await postGraphql(apiA.url, REFRESH, {}, asBrowser(rotatedOnA))).code).toBe('UNAUTHENTICATED');
  });

  it('refreshes one token on both apis at once: one answer, then the session ends on both', async () => {
    const account = await user([Role.CELL_MEMBER]);
    const { refreshToken } = await bearerOn(apiB, account);
    const [onA, onB] = await Promise.all(
      [apiA, apiB].map((api) => postGraphql(api.url, REFRESH_TOKEN, { t: refreshToken })),
    );
    const winners = [onA, onB].filter((answer) => answer.data?.refreshSession);
    expect(winners).toHaveLength(1);
    expect([onA, onB].map((answer) => answer.code ?? 'OK').sort()).toEqual(['OK', 'UNAUTHENTICATED']);
    // The loser presented a token the winner had just used: reuse, whichever replica saw it.
    const { accessToken } = winners[0].data!.refreshSession as { accessToken: string };
    for (const api of [apiA, apiB]) {
      expect((await postGraphql(api.url, ME, {}, { authorization: `Bearer ${accessToken}` })).code).toBe(
        'UNAUTHENTICATED',
      );
    }
  });

  it('logs out on one api and is refused on the other, by cookie and by bearer', async () => {
    const account = await user([Role.REFERRER], OrganisationKind.HOUSING);
    const { cookies } = await signIn(apiB, account, true);
    expect(cookies).toHaveLength(2);
    const { client } = await bearerOn(apiA, account);
    const bearer = { authorization: `Bearer ${client.accessToken}` };
    expect((await postGraphql(apiB.url, ME, {}, bearer)).data?.me).toEqual({ id: account.id });

    expect((await postGraphql(apiB.url, 'mutation { logOut }', {}, asBrowser(cookies))).data?.logOut).toBe(
      true,
    );
    expect((await postGraphql(apiA.url, 'mutation { logOut }', {}, bearer)).data?.logOut).toBe(true);
    expect((await postGraphql(apiA.url, ME, {}, asBrowser(cookies))).code).toBe('UNAUTHENTICATED');
    expect((await postGraphql(apiA.url, REFRESH, {}, asBrowser(cookies))).code).toBe('UNAUTHENTICATED');
    expect((await postGraphql(apiB.url, ME, {}, bearer)).code).toBe('UNAUTHENTICATED');
  });

  it('relays each outbox event once with two workers: one e-mail per account, ten reminders per action', async () => {
    const admin = await user([Role.TERRITORY_ADMIN], OrganisationKind.MUNICIPAL);
    const organisation = await factory.organisation(territory, OrganisationKind.SOCIAL);
    const onA = (await bearerOn(apiA, admin)).client;
    const onB = (await bearerOn(apiB, admin)).client;
    const accounts = 8;
    const emails = Array.from(
      { length: accounts },
      (_, index) => `relais.replica.${index}@essai.relais.test`,
    );
    await Promise.all(
      emails.map((email, index) =>
        (index % 2 ? onB : onA).expectData(CREATE_USER, {
          input: {
            territoryId: territory.id,
            organisationId: organisation.id,
            email,
            firstName: 'Réplique',
            lastName: `Numéro ${index}`,
            profession: 'SOCIAL_WORKER',
            roles: ['CELL_MEMBER'],
          },
        }),
      ),
    );
    // Actions whose `action.created` event the reminders plan from, ten reminders each.
    const partner = await user([Role.CELL_MEMBER]);
    const actions = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { action } = await anActionFor(owner, {
          territoryId: territory.id,
          ownerOrganisationId: partner.organisationId,
          ownerUserId: partner.id,
          dueOn: addDays(parisDate(new Date()), 30),
          now: new Date(),
        });
        return action.id;
      }),
    );

    expect(await Promise.all([QueueName.OUTBOX, QueueName.REMINDERS].map(workersOn))).toEqual([2, 2]);
    await smtp.waitFor(accounts, 20_000);
    const planned = await eventually(
      () => countOf(`SELECT count(*)::int AS n FROM reminders WHERE subject_id = ANY($1::uuid[])`, [actions]),
      (count) => count === 100,
      20_000,
    );
    expect(planned).toBe(100);
    // A few more relay and reconciler rounds of both workers add nothing.
    await new Promise((done) => setTimeout(done, 1_000));
    expect(smtp.messages.flatMap((mail) => mail.to).sort()).toEqual([...emails].sort());
    expect(
      await countOf(`SELECT count(*)::int AS n FROM reminders WHERE subject_id = ANY($1::uuid[])`, [actions]),
    ).toBe(100);
    expect(await countOf(`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`)).toBe(0);
    // Every event handled by each consumer (a consumption row apiece), the projection's included,
    // without a job given up on.
    const unhandled = `SELECT count(*)::int AS n FROM outbox_events e, unnest($1::text[]) AS wanted(name)
      WHERE NOT EXISTS (SELECT 1 FROM outbox_consumptions c WHERE c.event_id = e.id AND c.consumer = wanted.name)`;
    await eventually(
      () => countOf(unhandled, [['reminders', 'reporting']]),
      (count) => count === 0,
      10_000,
    );
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM outbox_consumptions WHERE consumer = 'set-password-mail'`,
      ),
    ).toBe(accounts);
    expect(await queues.get(QueueName.OUTBOX).getFailedCount()).toBe(0);
  });

  it('fires every reminder once with two workers', async () => {
    const subject = await reminderSubject();
    const count = 400;
    const ids = await insertDueReminders(owner, subject, {
      prefix: 'replicas:both:',
      count,
      dueAt: new Date(Date.now() + 2_000),
    });
    const from = Date.now();
    await eventually(
      () => sentOnce('replicas:both:%'),
      (tally) => tally.sent === count,
      30_000,
    );
    const firedMs = Date.now() - from;
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await sentOnce('replicas:both:%')).toEqual({
      total: count,
      sent: count,
      notified: count,
      doubled: 0,
    });
    expect(await queues.get(QueueName.REMINDERS).getFailedCount()).toBe(0);
    expect(ids).toHaveLength(count);
    process.stderr.write(`[tests] ${count} rappels envoyés une fois chacun en ${firedMs} ms\n`);
  });

  it('links the reads recorded on both apis into one audit chain, with both workers chaining', async () => {
    const referrer = await user([Role.REFERRER], OrganisationKind.HOUSING);
    const { client } = await bearerOn(apiA, referrer);
    const referral = await referPerson(client, {
      territoryId: territory.id,
      person: {
        firstName: 'Lucien',
        lastName: 'Réplique',
        birthDate: '1959-11-20',
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: ['Bailleur'],
        questionToCell: 'Comment reprendre contact ?',
        urgency: 'MEDIUM',
        requests: ['FOLLOW_UP_ASSESSMENT'],
      },
    });
    const readers = [client, new GraphqlClient(apiB.url, client.accessToken)];
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        readers[index % 2].expectData(READ_REFERRAL, { id: referral.id }),
      ),
    );
    const reads = () => readLinkSequences(owner, territory.id, referral.person.id);
    expect((await reads()).length).toBeGreaterThanOrEqual(8);

    // Both workers' chaining rounds run every two seconds; each links only what is still unchained.
    await eventually(reads, (links) => links.every((link) => link.sequence !== null), 20_000);
    const [{ linked, distinct }] = (await owner.query(
      `SELECT count(*)::int AS linked, count(DISTINCT read.position)::int AS distinct
         FROM audit_read_links l, unnest(l.positions) AS read(position) WHERE l.territory_id = $1`,
      [territory.id],
    )) as { linked: number; distinct: number }[];
    expect(linked).toBe(distinct);
    const verifier = new AuditChainVerifier(
      new AuditChainKeyring(config.audit.chainKeys),
      new FileAuditCheckpointStore(config.audit.checkpointDirectory),
    );
    expect(await verifier.verify(owner.manager, territory.id)).toMatchObject({
      valid: true,
      unchainedEvents: 0,
    });
  });

  it('keeps one scheduler per maintenance job, each run once per period, however many upserts', async () => {
    const maintenance = queues.get(QueueName.MAINTENANCE);
    const schedulers = await maintenance.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
      'audit-checkpoints',
      'mark-reviews-due',
      'purge-ended-sessions',
      'retention',
      'watch-follow-ups',
    ]);
    expect((await queues.get(QueueName.MAIL).getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual([
      'daily-digest',
    ]);
    const every = schedulers.filter((scheduler) => scheduler.every).map((scheduler) => scheduler.key);
    const runsOf = async (state: 'completed' | 'delayed' | 'active' | 'wait' | 'failed') => {
      const jobs = await maintenance.getJobs([state], 0, -1);
      return Object.fromEntries(
        every.map((key) => [key, jobs.filter((job) => job.repeatJobKey === key).length]),
      );
    };
    const once = Object.fromEntries(every.map((key) => [key, 1]));
    // Each periodic job ran at the first boot, once, however many upserts both workers made since.
    await eventually(
      () => runsOf('completed'),
      (runs) => every.every((key) => runs[key] >= 1),
      20_000,
    );
    expect(await runsOf('completed')).toEqual(once);
    // And its next run waits a period away, once.
    expect(await runsOf('delayed')).toEqual(once);
    expect(await runsOf('failed')).toEqual(Object.fromEntries(every.map((key) => [key, 0])));
  });

  it('loses no request and no job through a rolling restart of the apis and a worker stopped with jobs waiting', async () => {
    const account = await user([Role.CELL_MEMBER]);
    const { client } = await bearerOn(apiA, account);
    const bearer = { authorization: `Bearer ${client.accessToken}` };
    // The balancer's list: a replica joins once ready and leaves once it has exited.
    let replicas = [apiA.url, apiB.url];
    const traffic = spreadTraffic({
      replicas: () => replicas,
      concurrency: 8,
      ask: async (url) => {
        const answer = await postGraphql(url, ME, {}, bearer);
        const ok = (answer.data?.me as { id?: string } | undefined)?.id === account.id;
        return { status: answer.status, ok, detail: answer.code };
      },
    });

    // Reminders whose jobs wait in Redis when a worker is stopped: the other must fire them all.
    const subject = await reminderSubject();
    const count = 400;
    const ids = await insertDueReminders(owner, subject, {
      prefix: 'replicas:stop:',
      count,
      dueAt: new Date(Date.now() + 3_000),
    });
    const reminderQueue = queues.get(QueueName.REMINDERS);
    await eventually(
      async () => new Set(await reminderQueue.getRanges(['delayed', 'wait', 'active'], 0, -1)),
      (pending) => ids.every((id) => pending.has(id)),
      20_000,
    );
    const stoppingWorker = workers[0].stop();

    const stops: Record<string, number> = {};
    const stopped = async (name: string, service: ApiProcess) => {
      const from = Date.now();
      const code = await service.stop();
      stops[name] = Date.now() - from;
      replicas = replicas.filter((url) => url !== service.url);
      return code;
    };
    // A's replacement was started during the earlier tests: as an orchestrator's rolling update,
    // the new replica is ready and in the list before the old one is sent SIGTERM.
    const replacement = await replacing;
    replicas = [...replicas, replacement.url];
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await stopped('api A', apiA)).toBe(0);
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await stopped('api B', apiB)).toBe(0);
    await new Promise((done) => setTimeout(done, 1_000));
    const tally = await traffic.stop();
    expect(await stoppingWorker).toBe(0);

    process.stderr.write(
      `[tests] redémarrage progressif : ${JSON.stringify({ ...tally, failures: undefined, stops, bootMs })}\n`,
    );
    expect(tally.failures).toEqual([]);
    expect(tally.lost).toBe(0);
    // Each of the three answered: A, then the replacement with B, then the replacement alone.
    expect(Object.keys(tally.answeredBy).sort()).toEqual([apiA.url, apiB.url, replacement.url].sort());
    await eventually(
      () => sentOnce('replicas:stop:%'),
      (seen) => seen.sent === count,
      30_000,
    );
    expect(await sentOnce('replicas:stop:%')).toEqual({
      total: count,
      sent: count,
      notified: count,
      doubled: 0,
    });
    expect(await reminderQueue.getFailedCount()).toBe(0);
    for (const service of started) expect(errorsOf(service)).toEqual([]);
  }, 60_000);

  const sentOnce = (pattern: string) => sentOnceTally(owner, pattern);

  async function reminderSubject(): Promise<ReminderSubject> {
    const recipient = await user([Role.CELL_MEMBER]);
    return aReminderSubject(owner, {
      territoryId: territory.id,
      organisationId: recipient.organisationId,
      userId: recipient.id,
    });
  }

  async function countOf(sql: string, parameters: unknown[] = []): Promise<number> {
    const [{ n }] = (await owner.query(sql, parameters)) as { n: number }[];
    return n;
  }

  /** Worker processes listening on a queue (BullMQ names their connections). */
  function workersOn(queue: QueueName): Promise<number> {
    return queues.get(queue).getWorkersCount();
  }
});
