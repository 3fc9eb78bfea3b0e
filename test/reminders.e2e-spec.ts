import { INestApplicationContext } from '@nestjs/common';
import { addDays, parisDate } from '@relais/config';
import { Role } from '@relais/access';
import { Territory } from '@relais/identity';
import { Notification, Reminder } from '@relais/reminders';
import { ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '@relais/consent';
import { Consent } from '@relais/consent';
import { DataCategory } from '@relais/access';
import { PersonIdentity, ProtectionMeasure } from '@relais/situations';
import { queuePrefix, workerConnectionOptions } from '@relais/queue';
import { IsolatedDatabase, provisionIsolatedDatabase, startSmtpSink, testConfig } from '@relais/testing';
import { Queue } from 'bullmq';
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
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    smtp = await startSmtpSink();
    const fast = { OUTBOX_POLL_MS: '100', RECONCILE_EVERY_MS: '200', SMTP_URL: smtp.url };
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
    await smtp?.stop();
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
    const coordinatorNotices = await eventually(
      async () =>
        (await notificationsOf(action.id)).filter((notice) => notice.userId === as.COORDINATOR.userId),
      (notices) => notices.length >= 1,
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

  it("lists the reader's notifications over GraphQL, counts the unread and marks them read", async () => {
    api.clock.set(new Date());
    const page = await as.REFERRER.client.expectData<{
      notifications: {
        edges: {
          node: { id: string; kind: string; title: string; caseCode: string; link: string; readAt: null };
        }[];
      };
      unreadNotificationCount: number;
    }>(
      '{ notifications(first: 50) { edges { node { id kind title caseCode link readAt } } } unreadNotificationCount }',
    );
    const list = {
      notifications: page.notifications.edges.map((edge) => edge.node),
      unreadNotificationCount: page.unreadNotificationCount,
    };
    expect(list.notifications.length).toBeGreaterThanOrEqual(4);
    expect(list.unreadNotificationCount).toBe(list.notifications.length);
    for (const notice of list.notifications) {
      expect(notice.title).toContain(notice.caseCode);
      expect(notice.link).toContain(`/notifications/${notice.id}`);
    }
    // Someone else's notice answers as missing.
    const foreign = await as.CELL_MEMBER.client.request(
      'mutation ($n: ID!) { markNotificationRead(notificationId: $n) { id } }',
      { n: list.notifications[0].id },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await as.REFERRER.client.expectData(
      'mutation ($n: ID!) { markNotificationRead(notificationId: $n) { id } }',
      {
        n: list.notifications[0].id,
      },
    );
    const after = await as.REFERRER.client.expectData<{ unreadNotificationCount: number }>(
      '{ unreadNotificationCount }',
    );
    expect(after.unreadNotificationCount).toBe(list.unreadNotificationCount - 1);
    const allRead = await as.REFERRER.client.expectData<{ markAllNotificationsRead: number }>(
      'mutation { markAllNotificationsRead }',
    );
    expect(allRead.markAllNotificationsRead).toBe(list.unreadNotificationCount - 1);
  });

  it("cancels the partners' pending reminders when the person withdraws consent, and keeps the collector's", async () => {
    api.clock.set(new Date());
    const today = parisDate(api.clock.now());
    // The CCAS social worker (cell member) owns an action about a person whose consent the bailleur collected.
    const { person, action } = await anActionFor(api.dataSource, {
      territoryId: territory.id,
      ownerOrganisationId: as.CELL_MEMBER.organisationId,
      ownerUserId: as.CELL_MEMBER.userId,
      dueOn: addDays(today, 30),
      now: api.clock.now(),
    });
    const consent = await api.dataSource.getRepository(Consent).save({
      territoryId: territory.id,
      personId: person.id,
      referralId: null,
      status: ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: as.REFERRER.userId,
      collectedByOrganisationId: as.REFERRER.organisationId,
      collectedOn: today,
      recordedAt: api.clock.now(),
      informationGiven: Object.values(InformationItem),
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [as.CELL_MEMBER.organisationId],
      organisationKinds: [],
      includesCell: true,
      dataCategories: [DataCategory.LOGISTIC, DataCategory.IDENTITY],
      expiresOn: addDays(today, 200),
      supersededAt: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
    });
    const scheduledFor = async (userId: string) =>
      (await remindersOf(action.id)).filter(
        (row) => row.recipientUserId === userId && row.status === 'SCHEDULED',
      );
    await eventually(
      () => scheduledFor(as.CELL_MEMBER.userId),
      (rows) => rows.length === 6,
    );
    expect(await scheduledFor(as.COORDINATOR.userId)).toHaveLength(4);

    await as.COORDINATOR.client.expectData('mutation ($c: ID!) { withdrawConsent(consentId: $c) { id } }', {
      c: consent.id,
    });
    await eventually(
      () => scheduledFor(as.CELL_MEMBER.userId),
      (rows) => rows.length === 0,
    );
    const cancelled = (await remindersOf(action.id)).filter(
      (row) => row.recipientUserId === as.CELL_MEMBER.userId,
    );
    expect(
      cancelled.every((row) => row.status === 'CANCELLED' && row.settledReason === 'CONSENT_WITHDRAWN'),
    ).toBe(true);
    // The coordinator still follows the action.
    expect(await scheduledFor(as.COORDINATOR.userId)).toHaveLength(4);
  });

  it('mails each notice and the daily digest with a case code and a link, never an identity or a health word', async () => {
    api.clock.set(new Date());
    const today = parisDate(api.clock.now());
    const { person, action } = await anActionFor(api.dataSource, {
      territoryId: territory.id,
      ownerOrganisationId: as.FOLLOWUP_PRACTITIONER.organisationId,
      ownerUserId: as.FOLLOWUP_PRACTITIONER.userId,
      dueOn: addDays(today, 3),
      now: api.clock.now(),
    });
    await api.dataSource.getRepository(PersonIdentity).save({
      territoryId: territory.id,
      personId: person.id,
      lastName: 'Dupont',
      firstName: 'Jeanne',
      birthDate: '1961-04-12',
      address: '12 rue des Lilas, 59000 Lille',
      phone: '06 12 34 56 78',
      protectionMeasure: ProtectionMeasure.NONE,
      representativeName: null,
      representativeContact: null,
      duplicateKey: null,
      updatedAt: api.clock.now(),
    });
    await eventually(
      () => remindersOf(action.id),
      (rows) => rows.length > 0,
    );
    // The nurse chooses a daily digest; the coordinator keeps immediate mails.
    await as.FOLLOWUP_PRACTITIONER.client.expectData(
      'mutation { setEmailMode(emailMode: DAILY_DIGEST) { emailMode } }',
    );
    const before = smtp.messages.length;
    api.clock.set(new Date(`${addDays(today, 4)}T09:00:00+01:00`));
    await eventually(
      () => notificationsOf(action.id),
      (notices) => notices.length === 3,
    );
    const immediate = await smtp.waitFor(before + 1);
    const toCoordinator = immediate.filter((mail) => mail.to.includes(as.COORDINATOR.email));
    expect(toCoordinator.length).toBeGreaterThanOrEqual(1);
    expect(immediate.filter((mail) => mail.to.includes(as.FOLLOWUP_PRACTITIONER.email))).toHaveLength(0);

    const connection = workerConnectionOptions(testConfig(isolated.environment).redis);
    const mailQueue = new Queue('mail', {
      connection,
      prefix: queuePrefix(testConfig(isolated.environment).redis),
    });
    try {
      const digestJob = await mailQueue.add('daily-digest', {});
      await eventually(
        async () => smtp.messages.filter((mail) => mail.to.includes(as.FOLLOWUP_PRACTITIONER.email)),
        (mails) => mails.length === 1,
      );
      void digestJob;
    } finally {
      await mailQueue.close();
    }
    const caseCode = person.caseCode;
    const identity = ['Dupont', 'Jeanne', '1961', '12 rue des Lilas', 'Lille', '06 12 34 56 78'];
    const healthWords =
      /psychiatr|santé|sante|soin|traitement|médic|medic|hospital|diagnostic|\bCMP\b|trouble|maladie|patient/i;
    for (const mail of smtp.messages) {
      const text = `${mail.subject}\n${mail.text}`;
      for (const value of identity) expect(text).not.toContain(value);
      expect(text).not.toMatch(healthWords);
      expect(text).toMatch(/\/notifications\/[0-9a-f-]{36}/);
    }
    const aboutThisPerson = smtp.messages.filter((mail) => mail.text.includes(caseCode));
    expect(aboutThisPerson.length).toBeGreaterThanOrEqual(2);
  });

  it('tells a former coordinator nothing more once the role is gone, while the coordinator still hears', async () => {
    api.clock.set(new Date());
    const today = parisDate(api.clock.now());
    const former = await api.factory.user({ territory, roles: [Role.COORDINATOR, Role.CELL_MEMBER] });
    const { action } = await anActionFor(api.dataSource, {
      territoryId: territory.id,
      ownerOrganisationId: as.REFERRER.organisationId,
      ownerUserId: as.REFERRER.userId,
      dueOn: addDays(today, 2),
      now: api.clock.now(),
    });
    await eventually(
      () => remindersOf(action.id),
      (rows) => rows.some((row) => row.recipientUserId === former.id),
    );
    await api.dataSource.query(`UPDATE memberships SET roles = '{CELL_MEMBER}' WHERE user_id = $1`, [
      former.id,
    ]);
    api.clock.set(new Date(`${addDays(today, 3)}T09:00:00+01:00`));
    const overdue = await eventually(
      async () =>
        (await remindersOf(action.id)).filter((row) => row.kind === 'ACTION_OVERDUE' && row.occurrence === 1),
      (rows) => rows.every((row) => row.status !== 'SCHEDULED'),
    );
    const byRecipient = Object.fromEntries(
      overdue.map((row) => [row.recipientUserId, row.settledReason ?? row.status]),
    );
    expect(byRecipient[former.id]).toBe('RECIPIENT_GONE');
    expect(byRecipient[as.COORDINATOR.userId]).toBe('SENT');
    const notified = (await notificationsOf(action.id)).map((notice) => notice.userId);
    expect(notified).not.toContain(former.id);
    expect(notified).toContain(as.COORDINATOR.userId);
  });
});
