import { INestApplicationContext } from '@nestjs/common';
import { addDays, parisDate } from '@relais/config';
import { Role } from '@relais/access';
import { Territory } from '@relais/identity';
import { Notification, Reminder } from '@relais/reminders';
import { IsolatedDatabase, provisionIsolatedDatabase, testConfig } from '@relais/testing';
import { createWorker } from '@relais/worker';
import { RunningApi, startApi } from './support/api-harness';
import { UPDATE_ACTION } from './support/meeting-documents';
import { anActionFor, eventually } from './support/reminder-fixtures';
import { RoleSession, sessionsByRole } from './support/role-sessions';

describe('reminders, with a moved clock', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let territory: Territory;
  let as: Record<Role, RoleSession>;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    const fast = { OUTBOX_POLL_MS: '100', RECONCILE_EVERY_MS: '200' };
    api = await startApi({ ...isolated.environment, ...fast });
    worker = await createWorker(testConfig({ ...isolated.environment, ...fast, LOG_LEVEL: 'silent' }), {
      clock: api.clock,
    });
    await worker.init();
    territory = await api.factory.territory();
    as = await sessionsByRole(api, territory);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await isolated?.drop();
  });

  const notificationsOf = (subjectId: string) =>
    api.dataSource.getRepository(Notification).find({ where: { subjectId }, order: { createdAt: 'ASC' } });
  const remindersOf = (subjectId: string) =>
    api.dataSource.getRepository(Reminder).find({ where: { subjectId }, order: { dueAt: 'ASC' } });

  it("fires an action's D-7, D-1 and first overdue reminders once each, then stops when it is done", async () => {
    const dueOn = addDays(parisDate(api.clock.now()), 30);
    const { action } = await anActionFor(api.dataSource, {
      territoryId: territory.id,
      ownerOrganisationId: as.REFERRER.organisationId,
      ownerUserId: as.REFERRER.userId,
      dueOn,
      now: api.clock.now(),
    });
    // Owner: D-7, D-1 and four overdue notices (D+1, then weekly three times); the coordinator the overdue ones.
    const planned = await eventually(
      () => remindersOf(action.id),
      (rows) => rows.length === 10,
    );
    expect(
      planned.filter((row) => row.recipientUserId === as.REFERRER.userId).map((row) => row.kind),
    ).toEqual([
      'ACTION_DUE',
      'ACTION_DUE',
      'ACTION_OVERDUE',
      'ACTION_OVERDUE',
      'ACTION_OVERDUE',
      'ACTION_OVERDUE',
    ]);

    const ownerNotices = async () =>
      (await notificationsOf(action.id)).filter((notice) => notice.userId === as.REFERRER.userId);
    const moveTo = (day: string) => api.clock.set(new Date(`${day}T09:00:00+01:00`));

    moveTo(addDays(dueOn, -7));
    await eventually(ownerNotices, (notices) => notices.length === 1);
    moveTo(addDays(dueOn, -1));
    await eventually(ownerNotices, (notices) => notices.length === 2);
    moveTo(addDays(dueOn, 1));
    const afterDue = await eventually(ownerNotices, (notices) => notices.length === 3);
    expect(afterDue.map((notice) => notice.kind)).toEqual(['ACTION_DUE', 'ACTION_DUE', 'ACTION_OVERDUE']);
    const coordinatorNotices = (await notificationsOf(action.id)).filter(
      (notice) => notice.userId === as.COORDINATOR.userId,
    );
    expect(coordinatorNotices.map((notice) => notice.kind)).toEqual(['ACTION_OVERDUE']);
    expect(afterDue.every((notice) => notice.aboutOn === dueOn)).toBe(true);

    // A few more reconciler rounds at the same moment write nothing more.
    await new Promise((done) => setTimeout(done, 800));
    expect(await ownerNotices()).toHaveLength(3);

    // Back to a moment the owner's session is valid at; what is cancelled stays cancelled later.
    api.clock.set(new Date());
    await as.REFERRER.client.expectData(UPDATE_ACTION, { input: { actionId: action.id, status: 'DONE' } });
    await eventually(
      () => remindersOf(action.id),
      (rows) => rows.filter((row) => row.status === 'SCHEDULED').length === 0,
    );
    moveTo(addDays(dueOn, 30));
    await new Promise((done) => setTimeout(done, 800));
    expect(await ownerNotices()).toHaveLength(3);
    const settled = await remindersOf(action.id);
    expect(
      settled.filter((row) => row.status === 'CANCELLED').every((row) => row.settledReason === 'ACTION_DONE'),
    ).toBe(true);
    expect(settled.filter((row) => row.status === 'SENT')).toHaveLength(4);
  }, 60_000);

  it('reschedules when the due date moves', async () => {
    api.clock.set(new Date());
    const dueOn = addDays(parisDate(api.clock.now()), 20);
    const { action } = await anActionFor(api.dataSource, {
      territoryId: territory.id,
      ownerOrganisationId: as.REFERRER.organisationId,
      ownerUserId: as.REFERRER.userId,
      dueOn,
      now: api.clock.now(),
    });
    await eventually(
      () => remindersOf(action.id),
      (rows) => rows.length === 10,
    );
    const later = addDays(dueOn, 10);
    await as.REFERRER.client.expectData(UPDATE_ACTION, {
      input: { actionId: action.id, status: 'IN_PROGRESS', dueOn: later },
    });
    const rows = await eventually(
      () => remindersOf(action.id),
      (all) => all.filter((row) => row.status === 'CANCELLED').length === 10,
    );
    const scheduled = rows.filter((row) => row.status === 'SCHEDULED');
    expect(parisDate(scheduled[0].dueAt)).toBe(addDays(later, -7));
    expect(scheduled).toHaveLength(10);

    api.clock.set(new Date(`${addDays(dueOn, -7)}T09:00:00+01:00`));
    await new Promise((done) => setTimeout(done, 800));
    expect(await notificationsOf(action.id)).toHaveLength(0);
    api.clock.set(new Date(`${addDays(later, -7)}T09:00:00+01:00`));
    await eventually(
      () => notificationsOf(action.id),
      (notices) => notices.length === 1,
    );
  }, 60_000);
});
