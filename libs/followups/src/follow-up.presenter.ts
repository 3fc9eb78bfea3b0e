import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, Principal, RowAccess, rowView } from '@relais/access';
import { AuditedRead, AuditService } from '@relais/audit';
import { Person, Situation } from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { ActType } from './domain/follow-up.enums';
import {
  FollowUpIndicatorsObject,
  FollowUpObject,
  FollowUpObjectiveObject,
  TeamReplacementObject,
  TeamSeatObject,
} from './dto/follow-up.objects';
import { FollowUp, FollowUpAct, FollowUpObjective, FollowUpTeamMember } from './entities';
import { teamSeats } from './team';

/** A follow-up's acts as counted for its figures. */
interface ActFigures {
  acts: number;
  at_home: number;
  days_since: number;
}

/** A follow-up read with its situation and person joined, and the reader's relations to it. */
export interface ReadFollowUp {
  followUp: FollowUp & { situation?: Situation & { person?: Person } };
  access: RowAccess;
}

/**
 * Follow-ups as their reader may see them — seats, objectives, figures — in a fixed number of
 * statements whatever their number, so that a page of 50 costs what a page of 5 does. Every field
 * passes the field gate; what it shows is what the audit records. Their acts are read a page at a
 * time, only when asked (FollowUpActsQueryService).
 */
@Injectable()
export class FollowUpPresenter {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async present(
    manager: EntityManager,
    actor: Principal,
    rows: readonly ReadFollowUp[],
    today: string,
  ): Promise<FollowUpObject[]> {
    if (!rows.length) return [];
    const followUps = rows.map((row) => row.followUp);
    const ids = followUps.map((followUp) => followUp.id);

    const figures = await this.actFigures(manager, actor, ids, today);
    const seats = await teamSeats(manager, followUps, today);
    const objectives = await manager.find(FollowUpObjective, {
      where: { followUpId: In(ids) },
      order: { text: 'ASC' },
    });
    const replacements = await manager.findBy(FollowUpTeamMember, {
      followUpId: In(ids),
      userId: actor.userId,
    });

    const reads: AuditedRead[] = [];
    const presented = rows.map(({ followUp, access }) => {
      const { territoryId } = followUp;
      const view = rowView(actor, territoryId, access);
      const gatedObjectives = objectives
        .filter((objective) => objective.followUpId === followUp.id)
        .map(({ id, text, status }) => gateFields(FollowUpObjectiveObject, { id, text, status }, view));
      const counted = figures.get(followUp.id);
      const indicators = gateFields(
        FollowUpIndicatorsObject,
        {
          acts: counted?.acts ?? 0,
          homeShare: counted?.acts ? counted.at_home / counted.acts : 0,
          daysSinceLastContact: counted?.days_since ?? null,
        },
        view,
      );
      const mine = myReplacement(
        replacements.filter((member) => member.followUpId === followUp.id),
        today,
      );
      const gated = gateFields(
        FollowUpObject,
        {
          id: followUp.id,
          situationId: followUp.situationId,
          caseCode: followUp.situation!.person!.caseCode,
          kind: followUp.kind,
          requesterKind: followUp.requesterKind,
          phase: followUp.phase,
          startedOn: followUp.startedOn,
          plannedEndOn: followUp.plannedEndOn,
          renewals: followUp.renewals,
          nextReviewOn: followUp.situation!.nextReviewOn,
          myReplacement: mine
            ? gateFields(
                TeamReplacementObject,
                { role: mine.role, fromOn: mine.fromOn, untilOn: mine.untilOn },
                view,
              ).value
            : null,
          endReason: followUp.endReason,
          team: (seats.get(followUp.id) ?? []).map((seat) => gateFields(TeamSeatObject, seat, view).value),
          objectives: gatedObjectives.map((objective) => objective.value),
          indicators: indicators.value,
        },
        view,
      );
      reads.push({
        territoryId,
        personId: followUp.situation!.personId,
        subject: { type: 'FollowUp', id: followUp.id },
        categories: [...gated.shown, ...gatedObjectives.flatMap((objective) => objective.shown)],
      });
      return gated.value;
    });
    await this.audit.recordReads(manager, actor, reads);
    return presented;
  }

  /**
   * Each follow-up's figures over the acts the reader may see, counted in SQL in one statement for
   * them all: right whatever page of acts is shown, and no act read to count it.
   */
  private async actFigures(
    manager: EntityManager,
    actor: Principal,
    followUpIds: readonly string[],
    today: string,
  ): Promise<Map<string, ActFigures>> {
    const query = manager
      .getRepository(FollowUpAct)
      .createQueryBuilder('act')
      .select('act.followUpId', 'follow_up_id')
      .addSelect('count(*)::int', 'acts')
      .addSelect(`count(*) FILTER (WHERE "act"."type" = :homeVisit)::int`, 'at_home')
      .addSelect('(CAST(:today AS date) - max("act"."occurred_on"))::int', 'days_since')
      .where('act.followUpId = ANY(CAST(:followUpIds AS uuid[]))', {
        followUpIds,
        homeVisit: ActType.HOME_VISIT,
        today,
      })
      .groupBy('act.followUpId')
      .comment('prepared:follow-up-act-figures');
    this.access.accessibleBy(query, actor, 'read', 'FollowUpAct');
    const rows = await query.getRawMany<ActFigures & { follow_up_id: string }>();
    return new Map(rows.map((row) => [row.follow_up_id, row]));
  }
}

/** The reader's dated replacement on a follow-up: the one covering today, else the next to come. */
function myReplacement(mine: readonly FollowUpTeamMember[], today: string): FollowUpTeamMember | null {
  const dated = mine.filter((member) => member.fromOn || member.untilOn);
  const current = dated.find(
    (member) => (!member.fromOn || member.fromOn <= today) && (!member.untilOn || member.untilOn >= today),
  );
  if (current) return current;
  const coming = dated
    .filter((member) => member.fromOn && member.fromOn > today)
    .sort((a, b) => a.fromOn!.localeCompare(b.fromOn!));
  return coming[0] ?? null;
}
