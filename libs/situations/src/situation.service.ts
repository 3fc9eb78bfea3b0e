import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  DataCategory,
  LegalBasis,
  Principal,
  Role,
  SharingCategory,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { writeOutbox } from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { ActionOrigin, ActionStatus } from './domain/action-status';
import { HandoffStatus } from './domain/handoff.enums';
import { situationEventLabel } from './domain/event-kind';
import {
  canMoveSituation,
  ClosureReason,
  SITUATION_STATUS_LABELS,
  SituationStatus,
} from './domain/situation-status';
import { UpdateActionInput } from './dto/action.input';
import { ActionObject, SituationEventObject, SituationObject } from './dto/situation.objects';
import {
  Handoff,
  Person,
  Situation,
  SituationAction,
  SituationCircleMember,
  SituationEvent,
} from './entities';
import { IdentityReader } from './identity-reader';
import { toPersonObject } from './person.mapper';
import { SituationsException } from './situations.exception';

export interface CircleEntry {
  organisationId: string;
  basis: LegalBasis;
}

export interface NewSituationEvent {
  territoryId: string;
  situationId: string;
  kind: string;
  category: DataCategory;
  actorOrganisationId?: string | null;
  audienceOrganisationId?: string | null;
  /** Ids and codes only. */
  details?: Record<string, string | null>;
}

export interface NewAction {
  territoryId: string;
  personId: string;
  description: string;
  ownerOrganisationId: string;
  ownerUserId?: string | null;
  dueOn: string;
  origin: ActionOrigin;
  originId: string;
}

/**
 * Situations and what hangs from them: circle, timeline, actions. Other contexts call the
 * `manager`-taking methods inside their own transactions; people call the others.
 */
@Injectable()
export class SituationService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly identities: IdentityReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  openSituationOf(manager: EntityManager, personId: string): Promise<Situation | null> {
    return manager
      .getRepository(Situation)
      .createQueryBuilder('situation')
      .where('situation.personId = :personId AND situation.status <> :closed', {
        personId,
        closed: SituationStatus.CLOSED,
      })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Opens the person's situation, or returns the open one; either way the circle gains `circle`. */
  async openOrAttach(
    manager: EntityManager,
    territoryId: string,
    personId: string,
    circle: readonly CircleEntry[],
  ): Promise<{ situation: Situation; opened: boolean }> {
    const now = this.clock.now();
    let situation = await this.openSituationOf(manager, personId);
    const opened = !situation;
    if (!situation) {
      situation = await manager.save(
        manager.create(Situation, {
          territoryId,
          personId,
          status: SituationStatus.ACCEPTED,
          openedAt: now,
          closedAt: null,
          closureReason: null,
          nextReviewOn: null,
        }),
      );
    }
    await this.addToCircle(manager, situation, circle);
    // Actions that preceded the situation (a derogation's duty to inform) now belong to it.
    await manager
      .createQueryBuilder()
      .update(SituationAction)
      .set({ situationId: situation.id })
      .where('person_id = :personId AND situation_id IS NULL', { personId })
      .execute();
    return { situation, opened };
  }

  async addToCircle(
    manager: EntityManager,
    situation: Situation,
    circle: readonly CircleEntry[],
  ): Promise<void> {
    if (!circle.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SituationCircleMember)
      .values(
        circle.map((entry) => ({
          territoryId: situation.territoryId,
          situationId: situation.id,
          organisationId: entry.organisationId,
          basis: entry.basis,
          addedAt: this.clock.now(),
        })),
      )
      .orIgnore()
      .execute();
  }

  async recordEvent(manager: EntityManager, event: NewSituationEvent): Promise<void> {
    await manager.insert(SituationEvent, {
      territoryId: event.territoryId,
      situationId: event.situationId,
      kind: event.kind,
      category: event.category,
      actorOrganisationId: event.actorOrganisationId ?? null,
      audienceOrganisationId: event.audienceOrganisationId ?? null,
      details: event.details ?? {},
      occurredAt: this.clock.now(),
    });
  }

  /** For facts about a person (consent…): written on the open situation, if there is one. */
  async recordEventForPerson(
    manager: EntityManager,
    personId: string,
    event: Omit<NewSituationEvent, 'situationId'>,
  ): Promise<void> {
    const situation = await this.openSituationOf(manager, personId);
    if (situation) await this.recordEvent(manager, { ...event, situationId: situation.id });
  }

  async createAction(manager: EntityManager, action: NewAction): Promise<SituationAction> {
    const situation = await this.openSituationOf(manager, action.personId);
    return manager.save(
      manager.create(SituationAction, {
        ...action,
        ownerUserId: action.ownerUserId ?? null,
        situationId: situation?.id ?? null,
        status: ActionStatus.TODO,
        outcome: null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** The owner or the coordinator says where an action stands; the reminders learn of it. */
  updateAction(actor: Principal, input: UpdateActionInput): Promise<ActionObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const action = await manager.findOne(SituationAction, {
        where: { id: input.actionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action || !this.access.can(actor, 'read', action)) throw new AccessException('NOT_FOUND');
      this.access.assertCan(actor, 'update', action, 'FORBIDDEN');
      const dueOn = input.dueOn ?? action.dueOn;
      if (!isCalendarDate(dueOn)) throw new SituationsException('INVALID_ACTION_DATE');
      const changes = { status: input.status, dueOn, outcome: input.outcome ?? action.outcome };
      await manager.update(SituationAction, { id: action.id }, changes);
      const now = this.clock.now();
      const announce = async (type: string) =>
        writeOutbox(manager, {
          territoryId: action.territoryId,
          type,
          subject: { type: 'SituationAction', id: action.id },
          payload: { ownerOrganisationId: action.ownerOrganisationId, dueOn, status: input.status },
          occurredAt: now,
        });
      if (dueOn !== action.dueOn) await announce('action.due_date_changed');
      if (input.status === ActionStatus.DONE && action.status !== ActionStatus.DONE)
        await announce('action.done');
      await this.audit.record(manager, {
        territoryId: action.territoryId,
        actor,
        action: 'ACTION_UPDATED',
        subject: { type: 'SituationAction', id: action.id },
        personId: action.personId,
        details: { from: action.status, to: input.status, dueOn },
      });
      return toActionObject({ ...action, ...changes });
    });
  }

  /** The coordinator closes a situation, with the reason the activity report counts. */
  closeSituation(actor: Principal, situationId: string, reason: ClosureReason): Promise<SituationObject> {
    return this.database
      .run({ territoryIds: actor.territoryIds }, async (manager) => {
        const situation = await manager.findOne(Situation, {
          where: { id: situationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!situation || !this.access.can(actor, 'read', situation)) throw new AccessException('NOT_FOUND');
        this.access.assertCan(actor, 'close', situation, 'FORBIDDEN');
        if (
          reason === ClosureReason.PLAN_COMPLETED_HANDED_TO_COMMON_LAW &&
          !(await manager.existsBy(Handoff, { situationId, status: HandoffStatus.ACCEPTED }))
        ) {
          throw new SituationsException('NO_ACCEPTED_HANDOFF');
        }
        const now = this.clock.now();
        await this.moveSituation(manager, situation, SituationStatus.CLOSED, {
          kind: 'SITUATION_CLOSED',
          category: DataCategory.LOGISTIC,
          actorOrganisationId: actor.organisationId,
          details: { reason },
        });
        await manager.update(Situation, { id: situation.id }, { closedAt: now, closureReason: reason });
        await this.audit.record(manager, {
          territoryId: situation.territoryId,
          actor,
          action: 'SITUATION_CLOSED',
          subject: { type: 'Situation', id: situation.id },
          personId: situation.personId,
          details: { reason },
        });
        await writeOutbox(manager, {
          territoryId: situation.territoryId,
          type: 'situation.closed',
          subject: { type: 'Situation', id: situation.id },
          payload: { reason },
          occurredAt: now,
        });
      })
      .then(() => this.situation(actor, situationId));
  }

  /**
   * The review job: situations whose review date has come are due for review, in every
   * territory, each in its own transaction. Returns how many moved.
   */
  async markReviewsDue(): Promise<number> {
    const today = parisDate(this.clock.now());
    const territories = await this.database.allTerritoryIds();
    let moved = 0;
    for (const territoryId of territories) {
      moved += await this.database.run({ territoryIds: [territoryId] }, async (manager) => {
        const due = await manager
          .getRepository(Situation)
          .createQueryBuilder('situation')
          .where('situation.territoryId = :territoryId AND situation.status = :status', {
            territoryId,
            status: SituationStatus.ACTIONS_IN_PROGRESS,
          })
          .andWhere('situation.nextReviewOn <= :today', { today })
          .setLock('pessimistic_write')
          .getMany();
        for (const situation of due) {
          await this.moveSituation(manager, situation, SituationStatus.REVIEW_DUE, {
            kind: 'REVIEW_DUE',
            category: DataCategory.LOGISTIC,
          });
          await writeOutbox(manager, {
            territoryId,
            type: 'situation.review_due',
            subject: { type: 'Situation', id: situation.id },
            payload: { nextReviewOn: situation.nextReviewOn },
            occurredAt: this.clock.now(),
          });
        }
        return due.length;
      });
    }
    return moved;
  }

  canMove(situation: Situation, to: SituationStatus): boolean {
    return canMoveSituation(situation.status, to);
  }

  /**
   * The one way a situation changes status, whoever owns the move (meetings, review job,
   * closing): checked against `SITUATION_TRANSITIONS`, written with its timeline line.
   */
  async moveSituation(
    manager: EntityManager,
    situation: Situation,
    to: SituationStatus,
    event: Omit<NewSituationEvent, 'territoryId' | 'situationId'>,
  ): Promise<void> {
    if (!canMoveSituation(situation.status, to))
      throw new SituationsException('INVALID_SITUATION_TRANSITION');
    await manager.update(Situation, { id: situation.id }, { status: to });
    situation.status = to;
    await this.recordEvent(manager, {
      ...event,
      territoryId: situation.territoryId,
      situationId: situation.id,
    });
  }

  /** One situation as the reader may see it: a fixed number of queries, whatever its history. */
  situation(principal: Principal, situationId: string): Promise<SituationObject> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Situation)
        .createQueryBuilder('situation')
        .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
        .where('situation.id = :situationId', { situationId });
      this.access.accessibleBy(query, principal, 'read', 'Situation');
      const situation = await query.getOne();
      if (!situation?.person) throw new AccessException('NOT_FOUND');

      const circle = await manager.find(SituationCircleMember, {
        where: { situationId },
        order: { addedAt: 'ASC' },
      });
      const events = manager
        .getRepository(SituationEvent)
        .createQueryBuilder('event')
        .where('event.situationId = :situationId', { situationId })
        .orderBy('event.occurredAt', 'ASC')
        .addOrderBy('event.id', 'ASC');
      this.access.accessibleBy(events, principal, 'read', 'SituationEvent');
      const actions = manager
        .getRepository(SituationAction)
        .createQueryBuilder('action')
        .where('action.situationId = :situationId', { situationId })
        .orderBy('action.dueOn', 'ASC');
      this.access.accessibleBy(actions, principal, 'read', 'SituationAction');
      const identity = (
        await this.identities.readableIdentities(manager, principal, [situation.personId])
      ).get(situation.personId);
      // Who else is around the person says something: a CMP in the circle tells of psychiatric
      // care. Readers outside the shared secret see only their own place in it.
      const outsideSecret =
        principal.sharingCategory === SharingCategory.NOT_LISTED &&
        !principal.clearedTerritoriesWith(Role.COORDINATOR).includes(situation.territoryId);
      const own = (organisationId: string | null) => organisationId === principal.organisationId;
      const redactedFields = [
        ...(identity ? [] : ['identity']),
        ...(outsideSecret ? ['circle', 'timeline.actorOrganisationId'] : []),
      ];
      return {
        id: situation.id,
        territoryId: situation.territoryId,
        person: toPersonObject(situation.person),
        identity: identity ?? null,
        status: situation.status,
        statusLabel: SITUATION_STATUS_LABELS[situation.status],
        openedAt: situation.openedAt,
        closedAt: situation.closedAt,
        closureReason: situation.closureReason,
        nextReviewOn: situation.nextReviewOn,
        circle: circle
          .filter((member) => !outsideSecret || own(member.organisationId))
          .map(({ organisationId, basis, addedAt }) => ({ organisationId, basis, addedAt })),
        timeline: (await events.getMany()).map((event) => {
          const line = toEventObject(event);
          return outsideSecret && !own(line.actorOrganisationId)
            ? { ...line, actorOrganisationId: null }
            : line;
        }),
        actions: (await actions.getMany()).map(toActionObject),
        redactedFields,
      };
    });
  }
}

export function toEventObject(event: SituationEvent): SituationEventObject {
  return {
    id: event.id,
    kind: event.kind,
    label: situationEventLabel(event.kind),
    category: event.category,
    actorOrganisationId: event.actorOrganisationId,
    audienceOrganisationId: event.audienceOrganisationId,
    occurredAt: event.occurredAt,
  };
}

export function toActionObject(action: SituationAction): ActionObject {
  return {
    id: action.id,
    situationId: action.situationId,
    description: action.description,
    ownerOrganisationId: action.ownerOrganisationId,
    ownerUserId: action.ownerUserId,
    dueOn: action.dueOn,
    status: action.status,
    origin: action.origin,
  };
}
