import { addDays, parisDate } from '@relais/config';
import { writeOutbox } from '@relais/outbox';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A person with an open situation and an action owned by a partner, written as the meetings
 * context writes a decision's action: the row and its `action.created` event in one transaction.
 */
export async function anActionFor(
  dataSource: DataSource,
  options: {
    territoryId: string;
    ownerOrganisationId: string;
    ownerUserId: string;
    dueOn: string;
    now: Date;
  },
): Promise<{ person: Person; situation: Situation; action: SituationAction }> {
  return dataSource.transaction(async (manager) => {
    const person = await manager.save(
      manager.create(Person, {
        territoryId: options.territoryId,
        caseCode: newCaseCode(),
        initials: 'J. D.',
        ageBand: AgeBand.AGE_60_74,
        district: null,
      }),
    );
    const situation = await manager.save(
      manager.create(Situation, {
        territoryId: options.territoryId,
        personId: person.id,
        status: SituationStatus.ACTIONS_IN_PROGRESS,
        openedAt: options.now,
        closedAt: null,
        closureReason: null,
        nextReviewOn: null,
      }),
    );
    const action = await manager.save(
      manager.create(SituationAction, {
        territoryId: options.territoryId,
        personId: person.id,
        situationId: situation.id,
        description: 'Rencontrer la personne à son domicile',
        ownerOrganisationId: options.ownerOrganisationId,
        ownerUserId: options.ownerUserId,
        dueOn: options.dueOn,
        status: ActionStatus.TODO,
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        outcome: null,
        createdAt: options.now,
      }),
    );
    await writeOutbox(manager, {
      territoryId: options.territoryId,
      type: 'action.created',
      subject: { type: 'SituationAction', id: action.id },
      payload: {
        personId: action.personId,
        situationId: action.situationId,
        meetingId: null,
        ownerOrganisationId: action.ownerOrganisationId,
        ownerUserId: action.ownerUserId,
        ownerKind: null,
        dueOn: action.dueOn,
        status: action.status,
      },
      occurredAt: options.now,
    });
    return { person, situation, action };
  });
}

/** Who and what reminders written by `insertDueReminders` are about. */
export interface ReminderSubject {
  territoryId: string;
  personId: string;
  situationId: string;
  actionId: string;
  ownerUserId: string;
  ownerOrganisationId: string;
}

/**
 * `count` reminders due at `dueAt`, on an action that stays due, for an active member who is not
 * a coordinator (so, as the planner writes it, one who hears through the person's consent), with
 * dedupe keys `<prefix>1…<prefix>count`. Only the rows: the worker's reconciler puts their jobs in
 * Redis, as it does for what Redis lost.
 */
export async function insertDueReminders(
  dataSource: DataSource,
  subject: ReminderSubject,
  options: { prefix: string; count: number; dueAt: Date },
): Promise<string[]> {
  const rows = (await dataSource.query(
    `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, person_id, situation_id,
            recipient_user_id, recipient_organisation_id, through_consent, due_at, status, dedupe_key,
            occurrence, created_at)
     SELECT $1::uuid, 'ACTION_DUE', 'SituationAction', $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid,
            true, $7::timestamptz, 'SCHEDULED', $8::text || i, 1, now()
       FROM generate_series(1, $9::int) AS i
     RETURNING id`,
    [
      subject.territoryId,
      subject.actionId,
      subject.personId,
      subject.situationId,
      subject.ownerUserId,
      subject.ownerOrganisationId,
      options.dueAt,
      options.prefix,
      options.count,
    ],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** An action of its own, owned by `owner`, that reminders written by `insertDueReminders` are about. */
export async function aReminderSubject(
  dataSource: DataSource,
  owner: { territoryId: string; organisationId: string; userId: string },
): Promise<ReminderSubject> {
  const { person, situation, action } = await anActionFor(dataSource, {
    territoryId: owner.territoryId,
    ownerOrganisationId: owner.organisationId,
    ownerUserId: owner.userId,
    dueOn: addDays(parisDate(new Date()), 30),
    now: new Date(),
  });
  return {
    territoryId: owner.territoryId,
    personId: person.id,
    situationId: situation.id,
    actionId: action.id,
    ownerUserId: owner.userId,
    ownerOrganisationId: owner.organisationId,
  };
}

/** The reminders whose dedupe key is `LIKE pattern`: how many, sent, notified, notified more than once. */
export async function sentOnceTally(
  dataSource: DataSource,
  pattern: string,
): Promise<{ total: number; sent: number; notified: number; doubled: number }> {
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE r.status = 'SENT')::int AS sent,
            (SELECT count(*)::int FROM notifications n JOIN reminders m ON m.id = n.reminder_id
              WHERE m.dedupe_key LIKE $1) AS notified,
            (SELECT count(*)::int FROM (SELECT n.reminder_id FROM notifications n
               JOIN reminders m ON m.id = n.reminder_id WHERE m.dedupe_key LIKE $1
               GROUP BY n.reminder_id HAVING count(*) > 1) d) AS doubled
       FROM reminders r WHERE r.dedupe_key LIKE $1`,
    [pattern],
  )) as { total: number; sent: number; notified: number; doubled: number }[];
  return row;
}

/** Polls until `check` holds (the worker runs on its own timers), failing with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`Délai dépassé ; dernière valeur : ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
    value = await read();
  }
  return value;
}
