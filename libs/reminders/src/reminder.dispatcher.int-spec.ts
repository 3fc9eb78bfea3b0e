import { Role } from '@relais/access';
import { AppConfig } from '@relais/config';
import { ConsentStatus } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { MembershipStatus, OrganisationKind, User } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { MeetingStatus } from '@relais/meetings';
import { ActionStatus, Situation } from '@relais/situations';
import { MovableClock } from '@relais/testing';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ReminderKind } from './domain/reminder-kind';
import { MailTransport } from './mail/mail-transport';
import { ReminderPolicies } from './reminder-policy.service';
import { FireOutcome, ReminderDispatcher } from './reminder.dispatcher';
import { everyEntityDataSource } from './testing/every-entity-data-source';
import { ReminderTerritory, reminderTerritory } from './testing/reminder-subjects';

const K = ReminderKind;
/**
 * Long before anything the other suites of the run write: a batch takes every reminder due in the
 * database, so this one's clock keeps it to its own.
 */
const NOW = new Date('2001-03-10T09:00:00Z');
const DUE = new Date('2001-03-10T08:00:00Z');

/**
 * The dispatcher on a real Postgres: a batch of reminders of mixed kinds is fired in a bounded
 * number of statements, each reminder still judged on its own, and two batches running at once
 * notify each reminder once.
 */
describe('ReminderDispatcher, by batches (Postgres)', () => {
  const clock = new MovableClock(NOW);
  const config = { mail: { smtpUrl: 'smtp://127.0.0.1:1', from: 'relais@example.org' } } as AppConfig;
  let dataSource: DataSource;
  let t: ReminderTerritory;
  let dispatcher: () => ReminderDispatcher;

  beforeAll(async () => {
    dataSource = await everyEntityDataSource('relais-test-reminder-dispatcher');
    t = await reminderTerritory(dataSource, new IdentityFactory(dataSource));
    const mail = new MailTransport(config);
    dispatcher = () =>
      new ReminderDispatcher(new ScopedDatabase(dataSource), mail, new ReminderPolicies(), clock);
  });

  afterAll(() => dataSource.destroy());

  let reminderCount = 0;
  async function reminder(
    kind: ReminderKind,
    subject: { id: string },
    to: User,
    options: { situation?: Situation; throughConsent?: boolean; dueAt?: Date } = {},
  ): Promise<string> {
    const [row] = (await dataSource.query(
      `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, person_id, situation_id,
              recipient_user_id, recipient_organisation_id, through_consent, due_at, status, dedupe_key,
              occurrence, created_at)
       VALUES ($1, $2, 'Subject', $3, $4, $5, $6, $7, $8, $9, 'SCHEDULED', $10, 1, $9) RETURNING id`,
      [
        t.id,
        kind,
        subject.id,
        options.situation?.personId ?? null,
        options.situation?.id ?? null,
        to.id,
        to.organisationId,
        options.throughConsent ?? true,
        options.dueAt ?? DUE,
        `batch:${(reminderCount += 1)}:${Math.random()}`,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** Every statement the data source runs while `work` does, transaction control included. */
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await work();
      const statements = spy.mock.calls
        .filter((_, index) => (spy.mock.contexts[index] as PostgresQueryRunner).connection === dataSource)
        .map(([sql]) => sql.trim());
      return { result, statements };
    } finally {
      spy.mockRestore();
    }
  }

  const notices = (reminderIds: readonly string[]) =>
    dataSource.query(
      `SELECT reminder_id, mail_status, about_on::text AS about_on FROM notifications WHERE reminder_id = ANY($1::uuid[])`,
      [reminderIds],
    ) as Promise<{ reminder_id: string; mail_status: string; about_on: string | null }[]>;

  it('fires a batch of mixed kinds in a fixed number of statements, each with its own verdict', async () => {
    const owner = await t.member('owner', [Role.REFERRER]);
    const coordinator = await t.member('coordinator', [Role.COORDINATOR]);
    const formerCoordinator = await t.member('former coordinator', [Role.CELL_MEMBER]);
    const gone = await t.member('gone', [Role.REFERRER], { status: MembershipStatus.SUSPENDED });
    const collector = await t.member('collector', [Role.REFERRER], {
      organisation: await t.organisation(OrganisationKind.SOCIAL),
    });
    const partner = await t.member('partner', [Role.CELL_MEMBER], {
      organisation: await t.organisation(OrganisationKind.HOUSING),
    });

    const situation = await t.situation();
    const open = await t.action(situation, { owner, dueOn: '2001-03-17' });
    const doneAction = await t.action(situation, { owner, dueOn: '2001-03-17', status: ActionStatus.DONE });
    const archivedSituation = await t.situation();
    const archivedAction = await t.action(archivedSituation, { owner, dueOn: '2001-03-17' });
    await dataSource.query(
      `UPDATE situations SET retention_state = 'ARCHIVED', archived_at = now() WHERE id = $1`,
      [archivedSituation.id],
    );
    const withdrawn = await t.situation();
    await t.consent(withdrawn, { collector, expiresOn: '2001-12-31', status: ConsentStatus.WITHDRAWN });
    const withdrawnAction = await t.action(withdrawn, { owner: partner, dueOn: '2001-03-17' });
    const cancelled = await t.meeting({
      startsAt: new Date('2001-04-01T12:00:00Z'),
      status: MeetingStatus.CANCELLED,
    });
    const quiet = await t.situation({ openedAt: new Date('2000-11-02T09:00:00Z') });
    const busy = await t.situation({ openedAt: new Date('2000-11-02T09:00:00Z') });
    await t.activity(busy, new Date('2001-03-01T09:00:00Z'));

    const ids = {
      sent: await reminder(K.ACTION_DUE, open, owner, { situation }),
      done: await reminder(K.ACTION_OVERDUE, doneAction, owner, { situation }),
      archived: await reminder(K.ACTION_DUE, archivedAction, owner, { situation: archivedSituation }),
      consentWithdrawn: await reminder(K.ACTION_OVERDUE, withdrawnAction, partner, { situation: withdrawn }),
      collectorKeeps: await reminder(K.ACTION_OVERDUE, withdrawnAction, collector, { situation: withdrawn }),
      memberGone: await reminder(K.ACTION_DUE, open, gone, { situation }),
      noLongerCoordinator: await reminder(K.ACTION_OVERDUE, open, formerCoordinator, {
        situation,
        throughConsent: false,
      }),
      coordinator: await reminder(K.ACTION_OVERDUE, open, coordinator, { situation, throughConsent: false }),
      meetingCancelled: await reminder(K.CALL_FOR_ITEMS, cancelled, partner),
      quiet: await reminder(K.SITUATION_INACTIVE, quiet, coordinator, {
        situation: quiet,
        throughConsent: false,
      }),
      busy: await reminder(K.SITUATION_INACTIVE, busy, coordinator, {
        situation: busy,
        throughConsent: false,
      }),
      notYetDue: await reminder(K.ACTION_DUE, open, owner, {
        situation,
        dueAt: new Date('2001-03-11T08:00:00Z'),
      }),
    };

    // Two are asked for (as their jobs would); the batch finds the others due by itself.
    const { result, statements } = await counted(() => dispatcher().fireBatch([ids.sent, ids.notYetDue]));

    const verdicts = Object.fromEntries(
      Object.entries(ids).map(([name, id]) => {
        const outcome: FireOutcome | undefined = result.outcomes.get(id);
        return [name, outcome?.outcome === 'SKIPPED' ? `SKIPPED:${outcome.reason}` : outcome?.outcome];
      }),
    );
    expect(verdicts).toEqual({
      sent: 'SENT',
      done: 'SKIPPED:ACTION_DONE',
      archived: 'SKIPPED:SUBJECT_GONE',
      consentWithdrawn: 'SKIPPED:CONSENT_WITHDRAWN',
      collectorKeeps: 'SENT',
      memberGone: 'SKIPPED:RECIPIENT_GONE',
      noLongerCoordinator: 'SKIPPED:RECIPIENT_GONE',
      coordinator: 'SENT',
      meetingCancelled: 'SKIPPED:MEETING_CANCELLED',
      quiet: 'SENT',
      busy: 'NOT_YET',
      notYetDue: 'NOT_YET',
    });

    // Begin, scope, enter, claim, policies, three subject tables, recipients, settle, watch, commit.
    expect(statements.length).toBeLessThanOrEqual(12);
    expect(new Set(statements).size).toBe(statements.length);
    // All but the transaction's frame and its scope (the database library's) are the dispatcher's own.
    const hot = statements.filter(
      (sql) =>
        !/^(START TRANSACTION|COMMIT)/.test(sql) && !sql.includes("set_config('app.territory_ids', $1"),
    );
    expect(hot.filter((sql) => !/^\/\* prepared:reminders-[a-z-]+ \*\//.test(sql))).toEqual([]);

    const written = await notices(Object.values(ids));
    expect(written.map((row) => row.reminder_id).sort()).toEqual(
      [ids.sent, ids.collectorKeeps, ids.coordinator, ids.quiet].sort(),
    );
    expect(written.find((row) => row.reminder_id === ids.sent)).toMatchObject({
      mail_status: 'PENDING_IMMEDIATE',
      about_on: '2001-03-17',
    });
    const rows = (await dataSource.query(
      `SELECT id, status, due_at FROM reminders WHERE id = ANY($1::uuid[]) OR dedupe_key LIKE '%:2'`,
      [[ids.busy, ids.notYetDue]],
    )) as { id: string; status: string; due_at: Date }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    // The watch moves to 60 quiet days after the last activity; the early one is left as it was.
    expect(byId.get(ids.busy)).toMatchObject({
      status: 'SCHEDULED',
      due_at: new Date('2001-04-30T09:00:00Z'),
    });
    expect(byId.get(ids.notYetDue)).toMatchObject({ status: 'SCHEDULED' });
    expect(result.next).toHaveLength(1);
    expect(result.mails.map((mail) => mail.notificationId)).toHaveLength(4);

    // A second run (a redelivered job) finds nothing left to do and writes nothing.
    const again = await dispatcher().fireBatch([ids.sent]);
    expect(again.outcomes.get(ids.sent)).toEqual({ outcome: 'GONE' });
    expect(await notices(Object.values(ids))).toHaveLength(4);
  });

  it('notifies each reminder once when two workers claim at the same time', async () => {
    const owner = await t.member('owner', [Role.REFERRER]);
    const situation = await t.situation();
    const action = await t.action(situation, { owner, dueOn: '2001-03-17' });
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) ids.push(await reminder(K.ACTION_DUE, action, owner, { situation }));

    // Each asks for some the other may hold; together they take more than there are.
    const [first, second] = await Promise.all([
      dispatcher().fireBatch(ids.slice(0, 30), 45),
      dispatcher().fireBatch([...ids].reverse().slice(0, 40), 50),
    ]);

    const sentBy = (batch: typeof first) => ids.filter((id) => batch.outcomes.get(id)?.outcome === 'SENT');
    const sent = [...sentBy(first), ...sentBy(second)];
    expect(sent.sort()).toEqual([...ids].sort());
    const written = await notices(ids);
    expect(written).toHaveLength(60);
    expect(new Set(written.map((row) => row.reminder_id)).size).toBe(60);
  });
});
