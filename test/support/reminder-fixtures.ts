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
