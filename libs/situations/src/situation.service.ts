import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, LegalBasis, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { writeOutbox } from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { ActionOrigin, ActionStatus } from './domain/action-status';
import { HandoffStatus } from './domain/handoff.enums';
import { canMoveSituation, ClosureReason, SituationStatus } from './domain/situation-status';
import { UpdateActionInput } from './dto/action.input';
import { ActionObject, SituationObject } from './dto/situation.objects';
import {
  Handoff,
  Person,
  Situation,
  SituationAction,
  SituationCircleMember,
  SituationEvent,
} from './entities';
import { SituationQueryService } from './situation-query.service';
import { toActionObject } from './situation.mapper';
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
 * The write side of situations and what hangs from them: circle, timeline, actions. Other
 * contexts call the `manager`-taking methods inside their own transactions; people call the
 * others. Reads are `SituationQueryService`'s.
 */
@Injectable()
export class SituationService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly query: SituationQueryService,
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
      const { row: action } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        SituationAction,
        input.actionId,
        'pessimistic_write',
      );
      this.access.assertCan(actor, 'update', action, 'FORBIDDEN');
      const dueOn = input.dueOn ?? action.dueOn;
      if (!isCalendarDate(dueOn)) throw new SituationsException('INVALID_ACTION_DATE');
      // Left out, the outcome already noted stays; sent empty, it is erased.
      const outcome =
        input.outcome === undefined || input.outcome === null ? action.outcome : input.outcome || null;
      const changes = { status: input.status, dueOn, outcome };
      await manager.update(SituationAction, { id: action.id }, changes);
      const now = this.clock.now();
      const announce = async (type: 'action.due_date_changed' | 'action.status_changed' | 'action.done') =>
        writeOutbox(manager, {
          territoryId: action.territoryId,
          type,
          subject: { type: 'SituationAction', id: action.id },
          payload: {
            personId: action.personId,
            situationId: action.situationId,
            ownerOrganisationId: action.ownerOrganisationId,
            ownerUserId: action.ownerUserId,
            dueOn,
            status: input.status,
          },
          occurredAt: now,
        });
      if (dueOn !== action.dueOn) await announce('action.due_date_changed');
      if (input.status !== action.status) await announce('action.status_changed');
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
      const { caseCode } = await manager.findOneOrFail(Person, {
        where: { id: action.personId },
        select: { id: true, caseCode: true },
      });
      return toActionObject({ ...action, ...changes }, caseCode);
    });
  }

  /** The coordinator closes a situation, with the reason the activity report counts. */
  closeSituation(actor: Principal, situationId: string, reason: ClosureReason): Promise<SituationObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: situation } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Situation,
        situationId,
        'pessimistic_write',
      );
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
      return this.query.read(manager, actor, situationId);
    });
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
}
