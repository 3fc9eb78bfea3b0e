import { Role } from '@relais/access';
import { Consent, ConsentException, ConsentStatus, DerogationStatus } from '@relais/consent';
import { FollowUp, FollowUpPhase, TeamRole } from '@relais/followups';
import { MembershipStatus, OrganisationKind } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { AgendaItem, Meeting, MeetingStatus, PersonAnswer } from '@relais/meetings';
import { OutboxEvent } from '@relais/outbox';
import { Referral, ReferralStatus } from '@relais/referrals';
import {
  ActionStatus,
  ClosureReason,
  Handoff,
  HandoffStatus,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { MovableClock } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ALL_REMINDER_KINDS, ReminderKind } from './domain/reminder-kind';
import { Reminder } from './entities';
import { everyEntityDataSource } from './testing/every-entity-data-source';
import { stillDue, Verdict } from './reminder-checks';
import { sharingStillHolds } from './reminder-recipients';
import { ReminderPolicies } from './reminder-policy.service';
import { ReminderChanges, ReminderScheduler } from './reminder.scheduler';
import { ReminderPlanner } from './reminder.planner';
import { aReminder, ReminderTerritory, reminderTerritory } from './testing/reminder-subjects';

const K = ReminderKind;
/** Monday 1 March 2027, 10:00 in Paris: the moment most events below occur. */
const MONDAY = new Date('2027-03-01T09:00:00Z');
const DAY_MS = 86_400_000;

/**
 * The planner on a real Postgres: each reminder kind is written from its event, at the right
 * moment, to the right people, and cancelled by the event that makes it pointless; `stillDue`
 * re-reads each kind's subject. Each test has a territory of its own in the run's shared database.
 */
describe('ReminderPlanner (Postgres)', () => {
  const clock = new MovableClock(MONDAY);
  const planner = new ReminderPlanner(new ReminderScheduler(clock), new ReminderPolicies());
  let dataSource: DataSource;
  let identity: IdentityFactory;
  let t: ReminderTerritory;

  beforeAll(async () => {
    dataSource = await everyEntityDataSource('relais-test-reminder-planner');
    identity = new IdentityFactory(dataSource);
    // A coordinator elsewhere: were the audience not scoped to the event's territory, they would
    // show up as an unknown recipient in every test below.
    const elsewhere = await identity.territory();
    await identity.user({ territory: elsewhere, roles: [Role.COORDINATOR] });
  });

  beforeEach(async () => {
    t = await reminderTerritory(dataSource, identity);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** As the outbox consumer does: in one transaction, at the event's moment. */
  function react(event: OutboxEvent): Promise<ReminderChanges> {
    clock.set(event.occurredAt);
    return dataSource.transaction((manager) => planner.react(manager, event));
  }

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
  const subject = (type: string, entity: { id: string }) => ({ type, id: entity.id });

  describe('actions', () => {
    const actionEvent = (type: string, action: SituationAction, at: Date) =>
      t.event(
        type,
        subject('SituationAction', action),
        { ownerOrganisationId: action.ownerOrganisationId, dueOn: action.dueOn },
        at,
      );

    /** Fewer lines to read where the weekly repeats are not the point. */
    const withoutRepeats = async () => {
      const admin = await t.member('admin', [Role.TERRITORY_ADMIN]);
      await t.tune(K.ACTION_OVERDUE, { maxRepeats: 0 }, admin);
    };

    it('reminds the owner at D-7 and D-1, then owner and coordinators at D+1 and weekly three times more', async () => {
      const partner = await t.organisation(OrganisationKind.HOUSING);
      const owner = await t.member('owner', [Role.REFERRER], { organisation: partner });
      await t.member('coordinator', [Role.COORDINATOR]);
      await t.member('formerCoordinator', [Role.COORDINATOR], { status: MembershipStatus.SUSPENDED });
      const situation = await t.situation();
      const action = await t.action(situation, { owner, dueOn: '2027-03-15' });

      const changes = await react(actionEvent('action.created', action, MONDAY));

      // Summer time starts on 28 March: the third repeat is still at 08:00 in Paris.
      expect(await t.timeline()).toEqual([
        '2027-03-08 08:00 ACTION_DUE owner #1 SCHEDULED',
        '2027-03-14 08:00 ACTION_DUE owner #2 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 SCHEDULED',
        '2027-03-23 08:00 ACTION_OVERDUE coordinator #2 SCHEDULED',
        '2027-03-23 08:00 ACTION_OVERDUE owner #2 SCHEDULED',
        '2027-03-30 08:00 ACTION_OVERDUE coordinator #3 SCHEDULED',
        '2027-03-30 08:00 ACTION_OVERDUE owner #3 SCHEDULED',
        '2027-04-06 08:00 ACTION_OVERDUE coordinator #4 SCHEDULED',
        '2027-04-06 08:00 ACTION_OVERDUE owner #4 SCHEDULED',
      ]);
      const rows = await t.rows();
      expect(ids(changes.scheduled)).toEqual(ids(rows));
      expect(changes.cancelled).toEqual([]);
      expect(
        rows.every((row) => row.personId === situation.personId && row.situationId === situation.id),
      ).toBe(true);
      // The partner hears of the person through their consent; the coordinator by office.
      expect(new Set(rows.map((row) => `${row.to}:${row.throughConsent}`))).toEqual(
        new Set(['owner:true', 'coordinator:false']),
      );
    });

    it('leaves out the D-7 of an action due in three days', async () => {
      const owner = await t.member('owner', [Role.REFERRER]);
      const action = await t.action(await t.situation(), { owner, dueOn: '2027-03-04' });

      await react(actionEvent('action.created', action, MONDAY));

      expect(await t.timeline({ kinds: [K.ACTION_DUE] })).toEqual([
        '2027-03-03 08:00 ACTION_DUE owner #2 SCHEDULED',
      ]);
    });

    it('reminds the working members of the owning organisation when no one is named', async () => {
      const cmp = await t.organisation(OrganisationKind.PSYCHIATRY);
      await t.member('nurse', [Role.CELL_MEMBER], { organisation: cmp });
      await t.member('psychiatrist', [Role.REFERRER], { organisation: cmp });
      await t.member('cmpAdmin', [Role.TERRITORY_ADMIN], { organisation: cmp });
      await t.member('elsewhereInTheCell', [Role.CELL_MEMBER]);
      const action = await t.action(await t.situation(), { organisation: cmp, dueOn: '2027-03-15' });

      await react(actionEvent('action.created', action, MONDAY));

      expect(await t.timeline({ kinds: [K.ACTION_DUE] })).toEqual([
        '2027-03-08 08:00 ACTION_DUE nurse #1 SCHEDULED',
        '2027-03-08 08:00 ACTION_DUE psychiatrist #1 SCHEDULED',
        '2027-03-14 08:00 ACTION_DUE nurse #2 SCHEDULED',
        '2027-03-14 08:00 ACTION_DUE psychiatrist #2 SCHEDULED',
      ]);
    });

    it('replans on a new due date, cancelling the old one, and plans the old one again when it comes back', async () => {
      await withoutRepeats();
      const owner = await t.member('owner', [Role.REFERRER]);
      await t.member('coordinator', [Role.COORDINATOR]);
      const action = await t.action(await t.situation(), { owner, dueOn: '2027-03-15' });
      await react(actionEvent('action.created', action, MONDAY));
      const first = await t.rows();

      await dataSource.getRepository(SituationAction).update({ id: action.id }, { dueOn: '2027-03-22' });
      const moved = await react(
        actionEvent(
          'action.due_date_changed',
          { ...action, dueOn: '2027-03-22' },
          new Date('2027-03-02T09:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-08 08:00 ACTION_DUE owner #1 CANCELLED DUE_DATE_CHANGED',
        '2027-03-14 08:00 ACTION_DUE owner #2 CANCELLED DUE_DATE_CHANGED',
        '2027-03-15 08:00 ACTION_DUE owner #1 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 CANCELLED DUE_DATE_CHANGED',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 CANCELLED DUE_DATE_CHANGED',
        '2027-03-21 08:00 ACTION_DUE owner #2 SCHEDULED',
        '2027-03-23 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-03-23 08:00 ACTION_OVERDUE owner #1 SCHEDULED',
      ]);
      expect(moved.cancelled.sort()).toEqual(ids(first));

      await dataSource.getRepository(SituationAction).update({ id: action.id }, { dueOn: '2027-03-15' });
      const back = await react(
        actionEvent('action.due_date_changed', action, new Date('2027-03-03T09:00:00Z')),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-08 08:00 ACTION_DUE owner #1 SCHEDULED',
        '2027-03-14 08:00 ACTION_DUE owner #2 SCHEDULED',
        '2027-03-15 08:00 ACTION_DUE owner #1 CANCELLED DUE_DATE_CHANGED',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 SCHEDULED',
        '2027-03-21 08:00 ACTION_DUE owner #2 CANCELLED DUE_DATE_CHANGED',
        '2027-03-23 08:00 ACTION_OVERDUE coordinator #1 CANCELLED DUE_DATE_CHANGED',
        '2027-03-23 08:00 ACTION_OVERDUE owner #1 CANCELLED DUE_DATE_CHANGED',
      ]);
      // The same rows as at first, not new ones: Redis gets their ids back.
      expect(ids(back.scheduled)).toEqual(ids(first));
    });

    it('cancels every reminder of an action once it is done, and only that action’s', async () => {
      await withoutRepeats();
      const owner = await t.member('owner', [Role.REFERRER]);
      await t.member('coordinator', [Role.COORDINATOR]);
      const situation = await t.situation();
      const action = await t.action(situation, { owner, dueOn: '2027-03-15' });
      const other = await t.action(situation, { owner, dueOn: '2027-03-29' });
      await react(actionEvent('action.created', action, MONDAY));
      await react(actionEvent('action.created', other, MONDAY));

      await dataSource
        .getRepository(SituationAction)
        .update({ id: action.id }, { status: ActionStatus.DONE });
      const changes = await react(actionEvent('action.done', action, new Date('2027-03-05T09:00:00Z')));

      expect(await t.timeline({ subjectId: action.id })).toEqual([
        '2027-03-08 08:00 ACTION_DUE owner #1 CANCELLED ACTION_DONE',
        '2027-03-14 08:00 ACTION_DUE owner #2 CANCELLED ACTION_DONE',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 CANCELLED ACTION_DONE',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 CANCELLED ACTION_DONE',
      ]);
      expect(changes.cancelled.sort()).toEqual(ids(await t.rows({ subjectId: action.id })));
      expect((await t.rows({ subjectId: other.id })).map((row) => row.status)).toEqual(
        Array(4).fill('SCHEDULED'),
      );
    });

    it('writes nothing new when the same event is planned twice, nor for an action already done', async () => {
      const owner = await t.member('owner', [Role.REFERRER]);
      await t.member('coordinator', [Role.COORDINATOR]);
      const situation = await t.situation();
      const action = await t.action(situation, { owner, dueOn: '2027-03-15' });
      const event = actionEvent('action.created', action, MONDAY);
      await react(event);
      const before = await t.rows();

      expect(await react(event)).toEqual({ scheduled: [], cancelled: [] });
      expect(await react(actionEvent('action.created', action, MONDAY))).toEqual({
        scheduled: [],
        cancelled: [],
      });
      expect(await t.rows()).toEqual(before);

      const done = await t.action(situation, { owner, dueOn: '2027-03-15', status: ActionStatus.DONE });
      expect(await react(actionEvent('action.created', done, MONDAY))).toEqual({
        scheduled: [],
        cancelled: [],
      });
      expect(await t.rows({ subjectId: done.id })).toEqual([]);
    });
  });

  describe('meetings', () => {
    /** Thursday 15 April 2027, 14:00 in Paris. */
    const STARTS_AT = new Date('2027-04-15T12:00:00Z');

    const cellMembers = async () => {
      const permanent = await t.member('permanent', [Role.CELL_MEMBER]);
      const substitute = await t.member('substitute', [Role.CELL_MEMBER]);
      const suspended = await t.member('suspended', [Role.CELL_MEMBER], {
        status: MembershipStatus.SUSPENDED,
      });
      await t.member('uninvited', [Role.CELL_MEMBER]);
      await t.member('coordinator', [Role.COORDINATOR]);
      return { permanent, substitute, suspended };
    };

    it('calls for items at 08:00 in Paris fourteen days before the meeting day, to its active invitees', async () => {
      const { permanent, substitute, suspended } = await cellMembers();
      const meeting = await t.meeting({ startsAt: STARTS_AT, invitees: [permanent, substitute, suspended] });

      const changes = await react(
        t.event('meeting.planned', subject('Meeting', meeting), { cellId: meeting.cellId }, MONDAY),
      );

      expect(await t.timeline()).toEqual([
        '2027-04-01 08:00 CALL_FOR_ITEMS permanent #1 SCHEDULED',
        '2027-04-01 08:00 CALL_FOR_ITEMS substitute #1 SCHEDULED',
      ]);
      expect(changes.scheduled.map((reminder) => reminder.dueAt.toISOString())).toEqual([
        '2027-04-01T06:00:00.000Z',
        '2027-04-01T06:00:00.000Z',
      ]);
    });

    it("tells invitees and guest organisations' members of the agenda at once, ending the call for items", async () => {
      const { permanent, substitute, suspended } = await cellMembers();
      const bailleur = await t.organisation(OrganisationKind.HOUSING);
      await t.member('guest', [Role.REFERRER], { organisation: bailleur });
      await t.member('guestAdmin', [Role.TERRITORY_ADMIN], { organisation: bailleur });
      const meeting = await t.meeting({ startsAt: STARTS_AT, invitees: [permanent, substitute, suspended] });
      await react(
        t.event('meeting.planned', subject('Meeting', meeting), { cellId: meeting.cellId }, MONDAY),
      );

      const changes = await react(
        t.event(
          'meeting.agenda_published',
          subject('Meeting', meeting),
          { userIds: [permanent.id, substitute.id, suspended.id], organisationIds: [bailleur.id] },
          new Date('2027-03-25T09:30:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-25 10:30 AGENDA_PUBLISHED guest #1 SCHEDULED',
        '2027-03-25 10:30 AGENDA_PUBLISHED permanent #1 SCHEDULED',
        '2027-03-25 10:30 AGENDA_PUBLISHED substitute #1 SCHEDULED',
        '2027-04-01 08:00 CALL_FOR_ITEMS permanent #1 CANCELLED AGENDA_PUBLISHED',
        '2027-04-01 08:00 CALL_FOR_ITEMS substitute #1 CANCELLED AGENDA_PUBLISHED',
      ]);
      expect(changes.cancelled.sort()).toEqual(ids(await t.rows({ kinds: [K.CALL_FOR_ITEMS] })));
    });

    it("tells readers of the minutes, and coordinators 15 days on of each recorded item still without the person's answer", async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const permanent = await t.member('permanent', [Role.CELL_MEMBER]);
      const guest = await t.member('guest', [Role.REFERRER], {
        organisation: await t.organisation(OrganisationKind.HOUSING),
      });
      const meeting = await t.meeting({ startsAt: STARTS_AT, status: MeetingStatus.MINUTES_PUBLISHED });
      const recordedAt = new Date('2027-04-15T13:00:00Z');
      const awaiting = await t.situation();
      const item = await t.agendaItem(meeting, awaiting, { position: 1, recordedAt });
      await t.agendaItem(meeting, await t.situation(), {
        position: 2,
        recordedAt,
        personAnswer: PersonAnswer.AGREES,
      });
      await t.agendaItem(meeting, await t.situation(), { position: 3 });

      await react(
        t.event(
          'meeting.minutes_published',
          subject('Meeting', meeting),
          { userIds: [permanent.id, guest.id] },
          new Date('2027-04-16T08:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-04-16 10:00 MINUTES_PUBLISHED guest #1 SCHEDULED',
        '2027-04-16 10:00 MINUTES_PUBLISHED permanent #1 SCHEDULED',
        '2027-05-01 10:00 PERSON_ANSWER_MISSING coordinator #1 SCHEDULED',
      ]);
      const [missing] = await t.rows({ kinds: [K.PERSON_ANSWER_MISSING] });
      expect(missing).toMatchObject({
        subjectId: item.id,
        personId: awaiting.personId,
        situationId: awaiting.id,
      });
    });
  });

  describe('consent', () => {
    const given = (consent: Consent, at: Date) =>
      t.event(
        'consent.given',
        { type: 'Person', id: consent.personId },
        { consentId: consent.id, expiresOn: consent.expiresOn },
        at,
      );
    const people = async () => ({
      coordinator: await t.member('coordinator', [Role.COORDINATOR]),
      collector: await t.member('collector', [Role.REFERRER], {
        organisation: await t.organisation(OrganisationKind.SOCIAL),
      }),
    });

    it('warns collector and coordinators 30 days before expiry, and tells them the day after', async () => {
      const { collector } = await people();
      const situation = await t.situation();
      const consent = await t.consent(situation, { collector, expiresOn: '2027-09-30' });

      await react(given(consent, MONDAY));

      expect(await t.timeline()).toEqual([
        '2027-08-31 08:00 CONSENT_EXPIRING collector #1 SCHEDULED',
        '2027-08-31 08:00 CONSENT_EXPIRING coordinator #1 SCHEDULED',
        '2027-10-01 08:00 CONSENT_EXPIRED collector #1 SCHEDULED',
        '2027-10-01 08:00 CONSENT_EXPIRED coordinator #1 SCHEDULED',
      ]);
      const rows = await t.rows();
      expect(rows.every((row) => row.subjectId === consent.id && row.situationId === situation.id)).toBe(
        true,
      );
    });

    it('warns of a consent given for less than a month before it expires: a week before, or the day before', async () => {
      const { collector } = await people();
      // Given on Monday 1 March for a fortnight, then another for three days.
      const fortnight = await t.consent(await t.situation(), { collector, expiresOn: '2027-03-15' });
      await react(given(fortnight, MONDAY));
      const threeDays = await t.consent(await t.situation(), { collector, expiresOn: '2027-03-03' });
      await react(given(threeDays, MONDAY));

      const expiring = (consent: Consent) =>
        t.timeline({ kinds: [K.CONSENT_EXPIRING], subjectId: consent.id });
      expect(await expiring(fortnight)).toEqual([
        '2027-03-08 08:00 CONSENT_EXPIRING collector #1 SCHEDULED',
        '2027-03-08 08:00 CONSENT_EXPIRING coordinator #1 SCHEDULED',
      ]);
      expect(await expiring(threeDays)).toEqual([
        '2027-03-02 08:00 CONSENT_EXPIRING collector #1 SCHEDULED',
        '2027-03-02 08:00 CONSENT_EXPIRING coordinator #1 SCHEDULED',
      ]);
    });

    it("cancels the previous consent's expiry reminders when a new one is given", async () => {
      const { collector } = await people();
      const situation = await t.situation();
      const previous = await t.consent(situation, { collector, expiresOn: '2027-09-30' });
      await react(given(previous, MONDAY));

      const renewedAt = new Date('2027-08-20T08:00:00Z');
      await dataSource.getRepository(Consent).update({ id: previous.id }, { supersededAt: renewedAt });
      const renewed = await t.consent(situation, { collector, expiresOn: '2028-08-31' });
      await react(given(renewed, renewedAt));

      expect(await t.timeline()).toEqual([
        '2027-08-31 08:00 CONSENT_EXPIRING collector #1 CANCELLED CONSENT_RENEWED',
        '2027-08-31 08:00 CONSENT_EXPIRING coordinator #1 CANCELLED CONSENT_RENEWED',
        '2027-10-01 08:00 CONSENT_EXPIRED collector #1 CANCELLED CONSENT_RENEWED',
        '2027-10-01 08:00 CONSENT_EXPIRED coordinator #1 CANCELLED CONSENT_RENEWED',
        '2028-08-01 08:00 CONSENT_EXPIRING collector #1 SCHEDULED',
        '2028-08-01 08:00 CONSENT_EXPIRING coordinator #1 SCHEDULED',
        '2028-09-01 08:00 CONSENT_EXPIRED collector #1 SCHEDULED',
        '2028-09-01 08:00 CONSENT_EXPIRED coordinator #1 SCHEDULED',
      ]);
    });

    it("on withdrawal, cancels partners' reminders about the person and keeps the coordinator's and the collector's", async () => {
      const { coordinator, collector } = await people();
      // One notice per action is enough to see who keeps what.
      await t.tune(K.ACTION_DUE, { offsetsDays: [-1] }, coordinator);
      await t.tune(K.ACTION_OVERDUE, { maxRepeats: 0 }, coordinator);
      const partner = await t.member('partner', [Role.CELL_MEMBER], {
        organisation: await t.organisation(OrganisationKind.HOUSING),
      });
      const situation = await t.situation();
      const consent = await t.consent(situation, { collector, expiresOn: '2027-09-30' });
      const partnerAction = await t.action(situation, { owner: partner, dueOn: '2027-04-15' });
      const collectorAction = await t.action(situation, { owner: collector, dueOn: '2027-04-20' });
      const otherPersonsAction = await t.action(await t.situation(), { owner: partner, dueOn: '2027-04-30' });
      await react(given(consent, MONDAY));
      for (const action of [partnerAction, collectorAction, otherPersonsAction])
        await react(t.event('action.created', subject('SituationAction', action), {}, MONDAY));

      await dataSource
        .getRepository(Consent)
        .update(
          { id: consent.id },
          { status: ConsentStatus.WITHDRAWN, withdrawnAt: new Date('2027-03-10T09:00:00Z') },
        );
      await react(
        t.event(
          'consent.withdrawn',
          { type: 'Person', id: situation.personId },
          { consentId: consent.id, keepOrganisationId: collector.organisationId },
          new Date('2027-03-10T09:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-04-14 08:00 ACTION_DUE partner #1 CANCELLED CONSENT_WITHDRAWN',
        '2027-04-16 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-04-16 08:00 ACTION_OVERDUE partner #1 CANCELLED CONSENT_WITHDRAWN',
        '2027-04-19 08:00 ACTION_DUE collector #1 SCHEDULED',
        '2027-04-21 08:00 ACTION_OVERDUE collector #1 SCHEDULED',
        '2027-04-21 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        // Another person's consent is not this one: the partner still hears of them.
        '2027-04-29 08:00 ACTION_DUE partner #1 SCHEDULED',
        '2027-05-01 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-05-01 08:00 ACTION_OVERDUE partner #1 SCHEDULED',
        '2027-08-31 08:00 CONSENT_EXPIRING collector #1 CANCELLED CONSENT_WITHDRAWN',
        '2027-08-31 08:00 CONSENT_EXPIRING coordinator #1 CANCELLED CONSENT_WITHDRAWN',
        '2027-10-01 08:00 CONSENT_EXPIRED collector #1 CANCELLED CONSENT_WITHDRAWN',
        '2027-10-01 08:00 CONSENT_EXPIRED coordinator #1 CANCELLED CONSENT_WITHDRAWN',
      ]);
    });
  });

  describe('follow-ups', () => {
    const notice = (type: string, followUp: FollowUp, payload: Record<string, unknown>, at: Date) =>
      t.event(type, subject('FollowUp', followUp), { situationId: followUp.situationId, ...payload }, at);

    it('tells the current seat holders, on the Paris day, that a review is due', async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const savs = await t.organisation(OrganisationKind.MEDICO_SOCIAL);
      const practitioner = (name: string) =>
        t.member(name, [Role.FOLLOWUP_PRACTITIONER], { organisation: savs });
      const [educator, tisf, formerStandIn, standIn, futureStandIn] = [
        await practitioner('educator'),
        await practitioner('tisf'),
        await practitioner('formerStandIn'),
        await practitioner('standIn'),
        await practitioner('futureStandIn'),
      ];
      const situation = await t.situation();
      const followUp = await t.followUp(situation, {
        seats: [
          { holder: educator, role: TeamRole.PATHWAY_COORDINATOR },
          { holder: tisf, role: TeamRole.FAMILY_SOCIAL_WORKER },
          {
            holder: formerStandIn,
            role: TeamRole.PATHWAY_COORDINATOR,
            fromOn: '2027-02-01',
            untilOn: '2027-02-28',
          },
          {
            holder: standIn,
            role: TeamRole.FAMILY_SOCIAL_WORKER,
            fromOn: '2027-02-20',
            untilOn: '2027-03-01',
          },
          { holder: futureStandIn, role: TeamRole.PATHWAY_COORDINATOR, fromOn: '2027-03-02' },
        ],
      });

      // 00:30 on 1 March in Paris, still 28 February in UTC: seats are read on the Paris day.
      await react(
        notice('followup.review_due', followUp, { since: '2027-02-01' }, new Date('2027-02-28T23:30:00Z')),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-01 00:30 FOLLOW_UP_REVIEW_DUE educator #1 SCHEDULED',
        '2027-03-01 00:30 FOLLOW_UP_REVIEW_DUE standIn #1 SCHEDULED',
        '2027-03-01 00:30 FOLLOW_UP_REVIEW_DUE tisf #1 SCHEDULED',
      ]);
      const [row] = await t.rows();
      expect(row).toMatchObject({
        subjectId: followUp.id,
        personId: situation.personId,
        situationId: situation.id,
      });
    });

    it('tells the team and the coordinators that the planned end has passed', async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const educator = await t.member('educator', [Role.FOLLOWUP_PRACTITIONER]);
      await t.member('bystander', [Role.FOLLOWUP_PRACTITIONER]);
      const followUp = await t.followUp(await t.situation(), {
        plannedEndOn: '2027-02-27',
        seats: [{ holder: educator, role: TeamRole.PATHWAY_COORDINATOR }],
      });

      await react(
        notice(
          'followup.planned_end_passed',
          followUp,
          { plannedEndOn: '2027-02-27' },
          new Date('2027-03-01T05:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-01 06:00 FOLLOW_UP_OVERRUN coordinator #1 SCHEDULED',
        '2027-03-01 06:00 FOLLOW_UP_OVERRUN educator #1 SCHEDULED',
      ]);
    });

    it('tells the coordinators of each vacant seat, once per announcement', async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const educator = await t.member('educator', [Role.FOLLOWUP_PRACTITIONER]);
      const followUp = await t.followUp(await t.situation(), {
        seats: [{ holder: educator, role: TeamRole.PATHWAY_COORDINATOR }],
      });
      const at = new Date('2027-03-01T05:00:00Z');
      const psychiatry = notice(
        'followup.team_vacancy',
        followUp,
        { role: TeamRole.PSYCHIATRIC_PROFESSIONAL, reason: 'NOT_ASSIGNED' },
        at,
      );

      await react(psychiatry);
      await react(
        notice(
          'followup.team_vacancy',
          followUp,
          { role: TeamRole.FAMILY_SOCIAL_WORKER, reason: 'NOT_ASSIGNED' },
          at,
        ),
      );

      expect(await react(psychiatry)).toEqual({ scheduled: [], cancelled: [] });
      // Filled, then vacant again a week later: a new announcement, told again.
      await react(
        notice(
          'followup.team_vacancy',
          followUp,
          { role: TeamRole.PSYCHIATRIC_PROFESSIONAL, reason: 'SUSPENDED' },
          new Date('2027-03-08T05:00:00Z'),
        ),
      );
      expect(await t.timeline()).toEqual([
        '2027-03-01 06:00 TEAM_VACANCY coordinator #1 SCHEDULED',
        '2027-03-01 06:00 TEAM_VACANCY coordinator #1 SCHEDULED',
        '2027-03-08 06:00 TEAM_VACANCY coordinator #1 SCHEDULED',
      ]);
    });
  });

  describe('hand-offs', () => {
    it('reminds the receiving organisation and the proposer after 7 days without an answer; an answer cancels', async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const educator = await t.member('educator', [Role.FOLLOWUP_PRACTITIONER], {
        organisation: await t.organisation(OrganisationKind.MEDICO_SOCIAL),
      });
      const cmp = await t.organisation(OrganisationKind.PSYCHIATRY);
      await t.member('nurse', [Role.CELL_MEMBER], { organisation: cmp });
      await t.member('psychiatrist', [Role.REFERRER], { organisation: cmp });
      const situation = await t.situation();
      const handoff = await t.handoff(situation, { receiving: cmp, proposer: educator });
      const handoffEvent = (type: string, status: HandoffStatus, at: Date) =>
        t.event(
          type,
          subject('Handoff', handoff),
          { situationId: situation.id, status, receivingOrganisationId: cmp.id },
          at,
        );

      await react(handoffEvent('handoff.proposed', HandoffStatus.PROPOSED, MONDAY));

      expect(await t.timeline()).toEqual([
        '2027-03-08 10:00 HANDOFF_UNANSWERED educator #1 SCHEDULED',
        '2027-03-08 10:00 HANDOFF_UNANSWERED nurse #1 SCHEDULED',
        '2027-03-08 10:00 HANDOFF_UNANSWERED psychiatrist #1 SCHEDULED',
      ]);

      await dataSource.getRepository(Handoff).update({ id: handoff.id }, { status: HandoffStatus.ACCEPTED });
      await react(handoffEvent('handoff.answered', HandoffStatus.ACCEPTED, new Date('2027-03-03T09:00:00Z')));

      expect(await t.timeline()).toEqual([
        '2027-03-08 10:00 HANDOFF_UNANSWERED educator #1 CANCELLED HANDOFF_ANSWERED',
        '2027-03-08 10:00 HANDOFF_UNANSWERED nurse #1 CANCELLED HANDOFF_ANSWERED',
        '2027-03-08 10:00 HANDOFF_UNANSWERED psychiatrist #1 CANCELLED HANDOFF_ANSWERED',
      ]);
      // A late delivery of the proposal, once answered, plans nothing.
      expect(await react(handoffEvent('handoff.proposed', HandoffStatus.PROPOSED, MONDAY))).toEqual({
        scheduled: [],
        cancelled: [],
      });
    });
  });

  describe('referrals', () => {
    it('reminds coordinators after 5 working days, Ascension skipped; acceptance cancels it and starts the inactivity watch', async () => {
      await t.member('coordinator', [Role.COORDINATOR]);
      const referrer = await t.member('referrer', [Role.REFERRER]);
      const situation = await t.situation();
      const referral = await t.referral(situation, { referrer });

      // Wednesday 5 May 2027, 10:00 in Paris; Thursday 6 is Ascension, then a weekend.
      await react(
        t.event(
          'referral.submitted',
          subject('Referral', referral),
          { personId: referral.personId, status: ReferralStatus.SUBMITTED },
          new Date('2027-05-05T08:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-05-13 08:00 REFERRAL_NOT_ACKNOWLEDGED coordinator #1 SCHEDULED',
      ]);

      await dataSource
        .getRepository(Referral)
        .update({ id: referral.id }, { status: ReferralStatus.ACCEPTED, situationId: situation.id });
      await react(
        t.event(
          'referral.accepted',
          subject('Referral', referral),
          {
            personId: referral.personId,
            status: ReferralStatus.ACCEPTED,
            situationId: situation.id,
            opened: true,
          },
          new Date('2027-05-07T08:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-05-13 08:00 REFERRAL_NOT_ACKNOWLEDGED coordinator #1 CANCELLED REFERRAL_ACKNOWLEDGED',
        '2027-07-06 10:00 SITUATION_INACTIVE coordinator #1 SCHEDULED',
      ]);
      const [watch] = await t.rows({ kinds: [K.SITUATION_INACTIVE] });
      expect(watch).toMatchObject({
        subjectId: situation.id,
        situationId: situation.id,
        personId: situation.personId,
      });
    });
  });

  describe('derogations', () => {
    it('asks the other coordinators to approve, now and two days on; approval cancels the rest and asks the requester to inform the person', async () => {
      const requester = await t.member('requester', [Role.COORDINATOR]);
      await t.member('approver', [Role.COORDINATOR]);
      await t.member('member', [Role.CELL_MEMBER]);
      const situation = await t.situation();
      const derogation = await t.derogation(situation, { requester });

      await react(
        t.event(
          'derogation.pending',
          subject('ConsentException', derogation),
          { personId: derogation.personId, requestedByUserId: requester.id },
          MONDAY,
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-01 10:00 DEROGATION_AWAITING_APPROVAL approver #1 SCHEDULED',
        '2027-03-03 10:00 DEROGATION_AWAITING_APPROVAL approver #2 SCHEDULED',
      ]);

      const [firstNotice] = await t
        .rows({ kinds: [K.DEROGATION_AWAITING_APPROVAL] })
        .then((rows) => rows.filter((row) => row.occurrence === 1));
      await t.markSent(firstNotice.id, MONDAY);
      await dataSource
        .getRepository(ConsentException)
        .update({ id: derogation.id }, { status: DerogationStatus.APPROVED });
      await react(
        t.event(
          'derogation.approved',
          subject('ConsentException', derogation),
          { personId: derogation.personId },
          new Date('2027-03-02T09:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual([
        '2027-03-01 10:00 DEROGATION_AWAITING_APPROVAL approver #1 SENT',
        '2027-03-02 10:00 PERSON_TO_INFORM requester #1 SCHEDULED',
        '2027-03-03 10:00 DEROGATION_AWAITING_APPROVAL approver #2 CANCELLED DEROGATION_DECIDED',
      ]);
      expect((await t.rows()).every((row) => row.situationId === situation.id)).toBe(true);
    });
  });

  describe('situations', () => {
    it("tells coordinators a review date is reached; closing cancels the situation's scheduled reminders only", async () => {
      const coordinator = await t.member('coordinator', [Role.COORDINATOR]);
      await t.tune(K.ACTION_DUE, { offsetsDays: [-1] }, coordinator);
      await t.tune(K.ACTION_OVERDUE, { maxRepeats: 0 }, coordinator);
      const owner = await t.member('owner', [Role.REFERRER]);
      const situation = await t.situation({ status: SituationStatus.REVIEW_DUE, nextReviewOn: '2027-03-01' });
      const other = await t.situation();
      await react(
        t.event(
          'situation.review_due',
          subject('Situation', situation),
          { nextReviewOn: '2027-03-01' },
          new Date('2027-03-01T05:00:00Z'),
        ),
      );

      expect(await t.timeline()).toEqual(['2027-03-01 06:00 REVIEW_DATE_REACHED coordinator #1 SCHEDULED']);

      const [review] = await t.rows();
      await t.markSent(review.id, new Date('2027-03-01T05:00:00Z'));
      for (const action of [
        await t.action(situation, { owner, dueOn: '2027-03-15' }),
        await t.action(other, { owner, dueOn: '2027-03-15' }),
      ])
        await react(t.event('action.created', subject('SituationAction', action), {}, MONDAY));
      await dataSource
        .getRepository(Situation)
        .update(
          { id: situation.id },
          { status: SituationStatus.CLOSED, closureReason: ClosureReason.NO_LONGER_COMPLEX },
        );
      const closed = await react(
        t.event(
          'situation.closed',
          subject('Situation', situation),
          { reason: ClosureReason.NO_LONGER_COMPLEX },
          new Date('2027-03-05T09:00:00Z'),
        ),
      );

      expect(await t.timeline({ situationId: situation.id })).toEqual([
        '2027-03-01 06:00 REVIEW_DATE_REACHED coordinator #1 SENT',
        '2027-03-14 08:00 ACTION_DUE owner #1 CANCELLED SITUATION_CLOSED',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 CANCELLED SITUATION_CLOSED',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 CANCELLED SITUATION_CLOSED',
      ]);
      expect(closed.cancelled.sort()).toEqual(
        ids((await t.rows({ situationId: situation.id })).filter((row) => row.status === 'CANCELLED')),
      );
      expect(await t.timeline({ situationId: other.id })).toEqual([
        '2027-03-14 08:00 ACTION_DUE owner #1 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE coordinator #1 SCHEDULED',
        '2027-03-16 08:00 ACTION_OVERDUE owner #1 SCHEDULED',
      ]);
    });
  });

  describe("a territory's tuning", () => {
    it('moves and switches off what is planned', async () => {
      const coordinator = await t.member('coordinator', [Role.COORDINATOR]);
      await t.tune(K.ACTION_DUE, { offsetsDays: [-3] }, coordinator);
      await t.tune(K.ACTION_OVERDUE, { enabled: false }, coordinator);
      const owner = await t.member('owner', [Role.REFERRER]);
      const action = await t.action(await t.situation(), { owner, dueOn: '2027-03-15' });

      await react(t.event('action.created', subject('SituationAction', action), {}, MONDAY));

      expect(await t.timeline()).toEqual(['2027-03-12 08:00 ACTION_DUE owner #1 SCHEDULED']);
    });
  });

  describe('stillDue, when a reminder fires', () => {
    const NOW = new Date('2027-03-10T09:00:00Z');
    const verdict = (kind: ReminderKind, subjectId: string, quietDays?: number): Promise<Verdict> =>
      stillDue(dataSource.manager, aReminder(kind, subjectId), NOW, quietDays);
    const due = (aboutOn: string | null = null) => ({ due: true, aboutOn });
    const skipped = (reason: string) => ({ due: false, reason });

    it('skips an action done or cancelled', async () => {
      const owner = await t.member('owner', [Role.REFERRER]);
      const action = await t.action(await t.situation(), { owner, dueOn: '2027-03-15' });
      const setStatus = (status: ActionStatus) =>
        dataSource.getRepository(SituationAction).update({ id: action.id }, { status });

      expect(await verdict(K.ACTION_DUE, action.id)).toEqual(due('2027-03-15'));
      await setStatus(ActionStatus.BLOCKED);
      expect(await verdict(K.ACTION_OVERDUE, action.id)).toEqual(due('2027-03-15'));
      await setStatus(ActionStatus.DONE);
      expect(await verdict(K.ACTION_DUE, action.id)).toEqual(skipped('ACTION_DONE'));
      expect(await verdict(K.ACTION_OVERDUE, action.id)).toEqual(skipped('ACTION_DONE'));
      await setStatus(ActionStatus.CANCELLED);
      expect(await verdict(K.ACTION_OVERDUE, action.id)).toEqual(skipped('ACTION_DONE'));

      // Once its situation is archived (retention), an open action reminds no one.
      const archived = await t.action(await t.situation(), { owner, dueOn: '2027-03-15' });
      await dataSource.query(
        `UPDATE situations SET retention_state = 'ARCHIVED', archived_at = now() WHERE id = $1`,
        [archived.situationId],
      );
      expect(await verdict(K.ACTION_DUE, archived.id)).toEqual(skipped('SUBJECT_GONE'));
    });

    it('skips a call for items once the agenda is out, and every meeting notice once it is cancelled', async () => {
      const meeting = await t.meeting({ startsAt: new Date('2027-04-15T12:00:00Z') });
      const setStatus = (status: MeetingStatus) =>
        dataSource.getRepository(Meeting).update({ id: meeting.id }, { status });

      expect(await verdict(K.CALL_FOR_ITEMS, meeting.id)).toEqual(due('2027-04-15'));
      await setStatus(MeetingStatus.AGENDA_PUBLISHED);
      expect(await verdict(K.CALL_FOR_ITEMS, meeting.id)).toEqual(skipped('AGENDA_PUBLISHED'));
      expect(await verdict(K.AGENDA_PUBLISHED, meeting.id)).toEqual(due('2027-04-15'));
      await setStatus(MeetingStatus.MINUTES_PUBLISHED);
      expect(await verdict(K.MINUTES_PUBLISHED, meeting.id)).toEqual(due('2027-04-15'));
      await setStatus(MeetingStatus.CANCELLED);
      for (const kind of [K.CALL_FOR_ITEMS, K.AGENDA_PUBLISHED, K.MINUTES_PUBLISHED])
        expect(await verdict(kind, meeting.id)).toEqual(skipped('MEETING_CANCELLED'));
    });

    it('skips the expiry notices of a consent renewed or withdrawn', async () => {
      const collector = await t.member('collector', [Role.REFERRER]);
      const renewed = await t.consent(await t.situation(), { collector, expiresOn: '2027-09-30' });
      const withdrawn = await t.consent(await t.situation(), { collector, expiresOn: '2027-09-30' });

      expect(await verdict(K.CONSENT_EXPIRING, renewed.id)).toEqual(due('2027-09-30'));
      expect(await verdict(K.CONSENT_EXPIRED, renewed.id)).toEqual(due('2027-09-30'));
      await dataSource.getRepository(Consent).update({ id: renewed.id }, { supersededAt: NOW });
      await dataSource
        .getRepository(Consent)
        .update({ id: withdrawn.id }, { status: ConsentStatus.WITHDRAWN });
      expect(await verdict(K.CONSENT_EXPIRING, renewed.id)).toEqual(skipped('CONSENT_RENEWED'));
      expect(await verdict(K.CONSENT_EXPIRED, renewed.id)).toEqual(skipped('CONSENT_RENEWED'));
      expect(await verdict(K.CONSENT_EXPIRING, withdrawn.id)).toEqual(skipped('CONSENT_WITHDRAWN'));
    });

    it('skips follow-up notices once the follow-up has ended', async () => {
      const followUp = await t.followUp(await t.situation(), { plannedEndOn: '2027-02-27' });

      expect(await verdict(K.FOLLOW_UP_REVIEW_DUE, followUp.id)).toEqual(due());
      expect(await verdict(K.FOLLOW_UP_OVERRUN, followUp.id)).toEqual(due('2027-02-27'));
      expect(await verdict(K.TEAM_VACANCY, followUp.id)).toEqual(due());
      await dataSource.getRepository(FollowUp).update({ id: followUp.id }, { phase: FollowUpPhase.ENDED });
      for (const kind of [K.FOLLOW_UP_REVIEW_DUE, K.FOLLOW_UP_OVERRUN, K.TEAM_VACANCY])
        expect(await verdict(kind, followUp.id)).toEqual(skipped('FOLLOW_UP_ENDED'));
    });

    it('skips a hand-off once answered, either way', async () => {
      const proposer = await t.member('proposer', [Role.FOLLOWUP_PRACTITIONER]);
      const receiving = await t.organisation(OrganisationKind.PSYCHIATRY);
      const situation = await t.situation();
      const proposed = await t.handoff(situation, { receiving, proposer });
      const accepted = await t.handoff(situation, { receiving, proposer, status: HandoffStatus.ACCEPTED });
      const declined = await t.handoff(situation, { receiving, proposer, status: HandoffStatus.DECLINED });

      expect(await verdict(K.HANDOFF_UNANSWERED, proposed.id)).toEqual(due());
      expect(await verdict(K.HANDOFF_UNANSWERED, accepted.id)).toEqual(skipped('HANDOFF_ANSWERED'));
      expect(await verdict(K.HANDOFF_UNANSWERED, declined.id)).toEqual(skipped('HANDOFF_ANSWERED'));
    });

    it('skips a referral that has moved on from SUBMITTED', async () => {
      const referrer = await t.member('referrer', [Role.REFERRER]);
      const referral = await t.referral(await t.situation(), { referrer });

      expect(await verdict(K.REFERRAL_NOT_ACKNOWLEDGED, referral.id)).toEqual(due());
      await dataSource
        .getRepository(Referral)
        .update({ id: referral.id }, { status: ReferralStatus.PRE_REVIEW });
      expect(await verdict(K.REFERRAL_NOT_ACKNOWLEDGED, referral.id)).toEqual(
        skipped('REFERRAL_ACKNOWLEDGED'),
      );
    });

    it('skips a derogation once decided, and the duty to inform once its action is done', async () => {
      const requester = await t.member('requester', [Role.COORDINATOR]);
      const situation = await t.situation();
      const derogation = await t.derogation(situation, { requester });

      expect(await verdict(K.DEROGATION_AWAITING_APPROVAL, derogation.id)).toEqual(due());
      await dataSource
        .getRepository(ConsentException)
        .update({ id: derogation.id }, { status: DerogationStatus.REJECTED });
      expect(await verdict(K.DEROGATION_AWAITING_APPROVAL, derogation.id)).toEqual(
        skipped('DEROGATION_DECIDED'),
      );

      // Approved late on 2 March (already the 3rd in Paris); the person is to be told by the 15th.
      await dataSource
        .getRepository(ConsentException)
        .update(
          { id: derogation.id },
          { status: DerogationStatus.APPROVED, decidedAt: new Date('2027-03-02T23:30:00Z') },
        );
      const inform = await t.action(situation, { owner: requester, dueOn: '2027-03-15', derogation });
      // The notice dates the sharing on the day it happened, not on the day to inform by.
      expect(await verdict(K.PERSON_TO_INFORM, derogation.id)).toEqual(due('2027-03-03'));
      await dataSource
        .getRepository(SituationAction)
        .update({ id: inform.id }, { status: ActionStatus.DONE });
      expect(await verdict(K.PERSON_TO_INFORM, derogation.id)).toEqual(skipped('PERSON_INFORMED'));
    });

    it("skips the person's missing answer once it is recorded", async () => {
      const meeting = await t.meeting({
        startsAt: new Date('2027-02-18T13:00:00Z'),
        status: MeetingStatus.MINUTES_PUBLISHED,
      });
      const item = await t.agendaItem(meeting, await t.situation(), {
        position: 1,
        recordedAt: new Date('2027-02-18T14:00:00Z'),
      });

      expect(await verdict(K.PERSON_ANSWER_MISSING, item.id)).toEqual(due());
      await dataSource
        .getRepository(AgendaItem)
        .update({ id: item.id }, { personAnswer: PersonAnswer.PARTLY_AGREES });
      expect(await verdict(K.PERSON_ANSWER_MISSING, item.id)).toEqual(skipped('PERSON_ANSWERED'));
    });

    it('puts off the inactivity notice while there is activity, and skips it once the situation is closed', async () => {
      // Opened on 4 January: 65 quiet days by 10 March.
      const situation = await t.situation({ openedAt: new Date('2027-01-04T09:00:00Z') });

      expect(await verdict(K.SITUATION_INACTIVE, situation.id)).toEqual(due('2027-01-04'));
      const activity = new Date('2027-03-01T09:00:00Z');
      await t.activity(situation, activity);
      expect(await verdict(K.SITUATION_INACTIVE, situation.id)).toEqual({
        due: 'later',
        at: new Date(activity.getTime() + 60 * DAY_MS),
      });
      // With a territory's 5-day quiet period, the nine days since are enough.
      expect(await verdict(K.SITUATION_INACTIVE, situation.id, 5)).toEqual(due('2027-03-01'));
      await dataSource
        .getRepository(Situation)
        .update({ id: situation.id }, { status: SituationStatus.CLOSED });
      expect(await verdict(K.SITUATION_INACTIVE, situation.id)).toEqual(skipped('SITUATION_CLOSED'));
    });

    it('skips a review date notice once the situation is reviewed', async () => {
      const situation = await t.situation({ status: SituationStatus.REVIEW_DUE, nextReviewOn: '2027-03-01' });

      expect(await verdict(K.REVIEW_DATE_REACHED, situation.id)).toEqual(due('2027-03-01'));
      await dataSource
        .getRepository(Situation)
        .update(
          { id: situation.id },
          { status: SituationStatus.ACTIONS_IN_PROGRESS, nextReviewOn: '2027-09-01' },
        );
      expect(await verdict(K.REVIEW_DATE_REACHED, situation.id)).toEqual(skipped('SITUATION_REVIEWED'));
    });

    it('skips every kind whose subject is gone', async () => {
      const gone = randomUUID();
      // The duty to inform re-reads the informing action, not the derogation: without one, it holds.
      for (const kind of ALL_REMINDER_KINDS.filter((kind) => kind !== K.PERSON_TO_INFORM))
        expect([kind, await verdict(kind, gone)]).toEqual([kind, skipped('SUBJECT_GONE')]);
    });

    it('no longer lets a partner hear of a person after withdrawal; the collector and the coordinator still do', async () => {
      const collector = await t.member('collector', [Role.REFERRER], {
        organisation: await t.organisation(OrganisationKind.SOCIAL),
      });
      const partner = await t.member('partner', [Role.CELL_MEMBER], {
        organisation: await t.organisation(OrganisationKind.HOUSING),
      });
      const coordinator = await t.member('coordinator', [Role.COORDINATOR]);
      const situation = await t.situation();
      const consent = await t.consent(situation, { collector, expiresOn: '2027-09-30' });
      const to = (user: { organisationId: string }, throughConsent: boolean) =>
        aReminder(K.ACTION_OVERDUE, randomUUID(), {
          personId: situation.personId,
          recipientOrganisationId: user.organisationId,
          throughConsent,
        });
      const holds = (reminder: Reminder) => sharingStillHolds(dataSource.manager, reminder, '2027-03-10');
      const [forPartner, forCollector, forCoordinator] = [
        to(partner, true),
        to(collector, true),
        to(coordinator, false),
      ];

      expect(await holds(forPartner)).toBe(true);
      await dataSource.getRepository(Consent).update({ id: consent.id }, { status: ConsentStatus.WITHDRAWN });
      expect(await holds(forPartner)).toBe(false);
      expect(await holds(forCollector)).toBe(true);
      expect(await holds(forCoordinator)).toBe(true);
    });
  });
});
