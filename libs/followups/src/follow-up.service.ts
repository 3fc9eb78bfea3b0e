import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  asSubject,
  DataCategory,
  LegalBasis,
  Principal,
  SharingCategory,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { addMonths, Clock, isCalendarDate, parisDate } from '@relais/config';
import { ConsentPurpose, ConsentService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { Territory, withDefaultSettings } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { Handoff, HandoffStatus, Situation, SituationService } from '@relais/situations';
import { EntityManager, IsNull } from 'typeorm';
import {
  ActType,
  canMoveToPhase,
  FollowUpPhase,
  NOTE_CATEGORY,
  NoteVisibility,
  ObjectiveStatus,
} from './domain/follow-up.enums';
import { AssignTeamMemberInput, RecordActInput, StartFollowUpInput } from './dto/follow-up.inputs';
import { FollowUpObject } from './dto/follow-up.objects';
import { FollowUp, FollowUpAct, FollowUpObjective, FollowUpRenewal, FollowUpTeamMember } from './entities';
import { housedAtEnd, situationFacts } from './follow-up-facts';
import { FollowUpQueryService } from './follow-up-query.service';
import { FollowUpException } from './followups.exception';
import { assertTeam, practitioners, teamSeats } from './team';
import { FollowUpWatchCounts, watchFollowUps } from './follow-up-watch';

/**
 * Trinôme follow-ups, the write side: started by the coordinator with the person's consent to a
 * follow-up, run by their team through phases and acts, ended once their hand-offs are answered
 * (or for a reason). Each change answers the follow-up as its author may read it (the read side).
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly consents: ConsentService,
    private readonly reads: FollowUpQueryService,
    private readonly clock: Clock,
  ) {}

  async startFollowUp(actor: Principal, input: StartFollowUpInput): Promise<FollowUpObject> {
    const id = await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: situation } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Situation,
        input.situationId,
      );
      this.access.assertCan(
        actor,
        'start',
        asSubject('FollowUp', { territoryId: situation.territoryId }),
        'FORBIDDEN',
      );
      if (
        !(await this.consents.consentCovers(manager, situation.personId, {
          purpose: ConsentPurpose.FOLLOW_UP,
        }))
      ) {
        throw new FollowUpException('CONSENT_REQUIRED');
      }
      const today = parisDate(this.clock.now());
      const startedOn = input.startedOn ?? today;
      if (!isCalendarDate(startedOn)) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'startedOn', message: "La date n'est pas valide." },
        ]);
      }
      const territory = await manager.findOneByOrFail(Territory, { id: situation.territoryId });
      const settings = withDefaultSettings(territory.settings);
      const members = await practitioners(
        manager,
        situation.territoryId,
        input.team.map((seat) => seat.userId),
      );
      assertTeam(input.team, members);
      const followUp = await manager.save(
        manager.create(FollowUp, {
          territoryId: situation.territoryId,
          situationId: situation.id,
          kind: input.kind,
          requesterKind: input.requesterKind,
          requestedByReferralId: input.requestedByReferralId ?? null,
          requestedByDecisionId: input.requestedByDecisionId ?? null,
          phase: FollowUpPhase.ORIENTATION,
          startedOn,
          plannedEndOn: addMonths(startedOn, settings.followUpLengthMonths),
          renewals: 0,
          endedAt: null,
          endReason: null,
        }),
      );
      if (input.objectives.length) {
        await manager.insert(
          FollowUpObjective,
          input.objectives.map((text) => ({
            territoryId: followUp.territoryId,
            followUpId: followUp.id,
            text,
          })),
        );
      }
      if (input.team.length) {
        await manager.insert(
          FollowUpTeamMember,
          input.team.map((seat) => ({
            territoryId: followUp.territoryId,
            followUpId: followUp.id,
            role: seat.role,
            userId: seat.userId,
            organisationId: members.get(seat.userId)!.organisationId,
            fromOn: null,
            untilOn: null,
          })),
        );
      }
      await this.situations.addToCircle(
        manager,
        situation,
        [...new Set([...members.values()].map((member) => member.organisationId))].map((organisationId) => ({
          organisationId,
          basis: LegalBasis.CONSENT,
        })),
      );
      await this.situations.recordEvent(manager, {
        territoryId: situation.territoryId,
        situationId: situation.id,
        kind: 'FOLLOW_UP_STARTED',
        category: DataCategory.LOGISTIC,
        actorOrganisationId: actor.organisationId,
        details: { followUpId: followUp.id },
      });
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_STARTED',
        subject: { type: 'FollowUp', id: followUp.id },
        personId: situation.personId,
        details: { kind: input.kind, team: input.team.map((seat) => seat.userId) },
      });
      await writeOutbox(manager, {
        territoryId: followUp.territoryId,
        type: 'followup.started',
        subject: { type: 'FollowUp', id: followUp.id },
        payload: {
          situationId: situation.id,
          personId: situation.personId,
          kind: followUp.kind,
          requesterKind: followUp.requesterKind,
          startedOn: followUp.startedOn,
          plannedEndOn: followUp.plannedEndOn,
        },
        occurredAt: this.clock.now(),
      });
      return followUp.id;
    });
    return this.reads.followUp(actor, id);
  }

  /** A new holder for a role, or a replacement for a dated absence. */
  async assignTeamMember(actor: Principal, input: AssignTeamMemberInput): Promise<FollowUpObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const followUp = await this.loadFor(manager, actor, 'assign', input.followUpId);
      const members = await practitioners(manager, followUp.territoryId, [input.userId]);
      assertTeam([{ role: input.role, userId: input.userId }], members, false);
      if (
        (input.fromOn && !isCalendarDate(input.fromOn)) ||
        (input.untilOn && !isCalendarDate(input.untilOn))
      ) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'fromOn', message: "La période n'est pas valide." },
        ]);
      }
      if (input.fromOn && input.untilOn && input.untilOn < input.fromOn) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'untilOn', message: 'La fin précède le début.' },
        ]);
      }
      const replacement = Boolean(input.fromOn || input.untilOn);
      if (!replacement)
        await manager.delete(FollowUpTeamMember, {
          followUpId: followUp.id,
          role: input.role,
          fromOn: IsNull(),
          untilOn: IsNull(),
        });
      await manager.insert(FollowUpTeamMember, {
        territoryId: followUp.territoryId,
        followUpId: followUp.id,
        role: input.role,
        userId: input.userId,
        organisationId: members.get(input.userId)!.organisationId,
        fromOn: input.fromOn ?? null,
        untilOn: input.untilOn ?? null,
      });
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_TEAM_ASSIGNED',
        subject: { type: 'FollowUp', id: followUp.id },
        details: { role: input.role, userId: input.userId, replacement },
      });
    });
    return this.reads.followUp(actor, input.followUpId);
  }

  async setObjectiveStatus(
    actor: Principal,
    objectiveId: string,
    status: ObjectiveStatus,
  ): Promise<FollowUpObject> {
    const followUpId = await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const objective = await manager.findOneBy(FollowUpObjective, { id: objectiveId });
      if (!objective) throw new AccessException('NOT_FOUND');
      const followUp = await this.loadFor(manager, actor, 'move', objective.followUpId);
      await manager.update(FollowUpObjective, { id: objective.id }, { status });
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_OBJECTIVE_UPDATED',
        subject: { type: 'FollowUp', id: followUp.id },
        details: { objectiveId, status },
      });
      return followUp.id;
    });
    return this.reads.followUp(actor, followUpId);
  }

  /** One phase forward; SUPPORT needs the three roles held. */
  async moveToPhase(actor: Principal, followUpId: string, phase: FollowUpPhase): Promise<FollowUpObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const followUp = await this.loadFor(manager, actor, 'move', followUpId);
      if (!canMoveToPhase(followUp.phase, phase)) throw new FollowUpException('INVALID_TRANSITION');
      if (phase === FollowUpPhase.SUPPORT) {
        const vacant = (await teamSeats(manager, [followUp], parisDate(this.clock.now())))
          .get(followUp.id)!
          .filter((seat) => seat.vacancy);
        if (vacant.length) {
          throw new FollowUpException(
            'TEAM_INCOMPLETE',
            vacant.map((seat) => ({ field: `team.${seat.role}`, message: 'Rôle vacant.' })),
          );
        }
      }
      await manager.update(FollowUp, { id: followUp.id }, { phase });
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_PHASE_CHANGED',
        subject: { type: 'FollowUp', id: followUp.id },
        details: { from: followUp.phase, to: phase },
      });
    });
    return this.reads.followUp(actor, followUpId);
  }

  async renewFollowUp(actor: Principal, followUpId: string, reason: string): Promise<FollowUpObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const followUp = await this.loadFor(manager, actor, 'renew', followUpId);
      if (followUp.phase === FollowUpPhase.ENDED) throw new FollowUpException('INVALID_TRANSITION');
      const territory = await manager.findOneByOrFail(Territory, { id: followUp.territoryId });
      const settings = withDefaultSettings(territory.settings);
      if (followUp.renewals >= settings.followUpRenewals) throw new FollowUpException('RENEWALS_EXHAUSTED');
      const plannedEndOn = addMonths(followUp.plannedEndOn, settings.followUpLengthMonths);
      await manager.update(FollowUp, { id: followUp.id }, { renewals: followUp.renewals + 1, plannedEndOn });
      await manager.insert(FollowUpRenewal, {
        territoryId: followUp.territoryId,
        followUpId: followUp.id,
        reason,
        plannedEndOn,
        renewedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_RENEWED',
        subject: { type: 'FollowUp', id: followUp.id },
        details: { plannedEndOn },
      });
      await writeOutbox(manager, {
        territoryId: followUp.territoryId,
        type: 'followup.renewed',
        subject: { type: 'FollowUp', id: followUp.id },
        payload: {
          ...(await situationFacts(manager, followUp)),
          plannedEndOn,
          renewals: followUp.renewals + 1,
        },
        occurredAt: this.clock.now(),
      });
    });
    return this.reads.followUp(actor, followUpId);
  }

  async recordAct(actor: Principal, input: RecordActInput): Promise<FollowUpObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const followUp = await this.loadFor(manager, actor, 'recordAct', input.followUpId);
      if (followUp.phase === FollowUpPhase.ENDED) throw new FollowUpException('INVALID_TRANSITION');
      if (
        input.note &&
        input.noteVisibility === NoteVisibility.HEALTH &&
        actor.sharingCategory !== SharingCategory.HEALTH
      ) {
        throw new FollowUpException('HEALTH_NOTE_RESERVED');
      }
      if (!isCalendarDate(input.occurredOn) || input.occurredOn > parisDate(this.clock.now())) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'occurredOn', message: "La date de l'acte doit être passée ou aujourd'hui." },
        ]);
      }
      await practitioners(manager, followUp.territoryId, input.presentUserIds);
      const act = await manager.save(
        manager.create(FollowUpAct, {
          territoryId: followUp.territoryId,
          followUpId: followUp.id,
          occurredOn: input.occurredOn,
          type: input.type,
          durationMinutes: input.durationMinutes,
          presentUserIds: [...new Set(input.presentUserIds)],
          note: input.note || null,
          noteVisibility: input.noteVisibility,
          authorUserId: actor.userId,
          recordedAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_ACT_RECORDED',
        subject: { type: 'FollowUpAct', id: act.id },
        dataCategories: act.note ? [NOTE_CATEGORY[act.noteVisibility]] : [],
      });
      // About the follow-up, so that it comes after the follow-up's start for every consumer.
      await writeOutbox(manager, {
        territoryId: followUp.territoryId,
        type: 'followup.act_recorded',
        subject: { type: 'FollowUp', id: followUp.id },
        payload: {
          ...(await situationFacts(manager, followUp)),
          actId: act.id,
          actType: act.type,
          atHome: act.type === ActType.HOME_VISIT,
          occurredOn: act.occurredOn,
        },
        occurredAt: this.clock.now(),
      });
    });
    return this.reads.followUp(actor, input.followUpId);
  }

  /** Ends once every hand-off of the follow-up is answered, or earlier for a stated reason. */
  async endFollowUp(actor: Principal, followUpId: string, reason: string | null): Promise<FollowUpObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const followUp = await this.loadFor(manager, actor, 'end', followUpId);
      if (followUp.phase === FollowUpPhase.ENDED) throw new FollowUpException('INVALID_TRANSITION');
      const handoffs = await manager.findBy(Handoff, { followUpId });
      const answered =
        handoffs.length > 0 && handoffs.every((handoff) => handoff.status !== HandoffStatus.PROPOSED);
      if (!answered && !reason) throw new FollowUpException('HANDOFFS_UNANSWERED');
      const now = this.clock.now();
      await manager.update(
        FollowUp,
        { id: followUp.id },
        { phase: FollowUpPhase.ENDED, endedAt: now, endReason: reason },
      );
      await this.audit.record(manager, {
        territoryId: followUp.territoryId,
        actor,
        action: 'FOLLOW_UP_ENDED',
        subject: { type: 'FollowUp', id: followUp.id },
        details: { withReason: Boolean(reason) },
      });
      await writeOutbox(manager, {
        territoryId: followUp.territoryId,
        type: 'followup.ended',
        subject: { type: 'FollowUp', id: followUp.id },
        payload: { ...(await situationFacts(manager, followUp)), housedAtEnd: housedAtEnd(handoffs) },
        occurredAt: now,
      });
    });
    return this.reads.followUp(actor, followUpId);
  }

  /** The watch job, every territory in turn (see `watchFollowUps`). */
  watchFollowUps(): Promise<FollowUpWatchCounts> {
    return watchFollowUps(this.database, this.clock);
  }

  /**
   * The follow-up locked for a change the actor may make; a follow-up the actor may not read is
   * NOT_FOUND, one they read but may not change this way FORBIDDEN (checked only on refusal).
   */
  private async loadFor(
    manager: EntityManager,
    actor: Principal,
    action: string,
    followUpId: string,
  ): Promise<FollowUp> {
    try {
      return (
        await this.access.loadAccessible(manager, actor, action, FollowUp, followUpId, 'pessimistic_write')
      ).row;
    } catch (error) {
      if (!(error instanceof AccessException) || action === 'read') throw error;
      const { row } = await this.access.loadAccessible(manager, actor, 'read', FollowUp, followUpId);
      throw new AccessException('FORBIDDEN', {
        subjectType: 'FollowUp',
        subjectId: row.id,
        territoryId: row.territoryId,
        action,
      });
    }
  }
}
