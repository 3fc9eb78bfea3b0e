import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, NO_ACCESS, Principal, RowAccess, rowView } from '@relais/access';
import { AuditedRead, AuditService } from '@relais/audit';
import { User } from '@relais/identity';
import { Person, Situation } from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { ActType, NOTE_CATEGORY } from './domain/follow-up.enums';
import {
  FollowUpActObject,
  FollowUpIndicatorsObject,
  FollowUpObject,
  FollowUpObjectiveObject,
  TeamReplacementObject,
  TeamSeatObject,
} from './dto/follow-up.objects';
import { FollowUp, FollowUpAct, FollowUpObjective, FollowUpTeamMember } from './entities';
import { displayName, teamSeats } from './team';

const DAY_MS = 86_400_000;

/** A follow-up read with its situation and person joined, and the reader's relations to it. */
export interface ReadFollowUp {
  followUp: FollowUp & { situation?: Situation & { person?: Person } };
  access: RowAccess;
}

/**
 * Follow-ups as their reader may see them — seats, objectives, acts, figures — in a fixed number
 * of statements whatever their number, so that a page of 50 costs what a page of 5 does. Every
 * field passes the field gate; what it shows is what the audit records.
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

    const actQuery = manager
      .getRepository(FollowUpAct)
      .createQueryBuilder('act')
      .where('act.followUpId IN (:...followUpIds)', { followUpIds: ids })
      .orderBy('act.occurredOn', 'DESC')
      .addOrderBy('act.recordedAt', 'DESC');
    const actAccess = this.access.selectRowAccess(actQuery, actor, 'read', 'FollowUpAct');
    const actRows = await actQuery.getRawAndEntities();
    const actAccesses = actAccess(actRows.raw);
    const seats = await teamSeats(manager, followUps, today);
    const objectives = await manager.find(FollowUpObjective, {
      where: { followUpId: In(ids) },
      order: { text: 'ASC' },
    });
    const replacements = await manager.findBy(FollowUpTeamMember, {
      followUpId: In(ids),
      userId: actor.userId,
    });
    const authorIds = [...new Set(actRows.entities.map((act) => act.authorUserId))];
    const authors = new Map(
      (authorIds.length ? await manager.findBy(User, { id: In(authorIds) }) : []).map((user) => [
        user.id,
        displayName(user),
      ]),
    );

    const reads: AuditedRead[] = [];
    const presented = rows.map(({ followUp, access }) => {
      const { territoryId } = followUp;
      const view = rowView(actor, territoryId, access);
      const acts = actRows.entities.filter((act) => act.followUpId === followUp.id);
      const gatedActs = acts.map((act) => ({
        act,
        gated: gateFields(
          FollowUpActObject,
          {
            id: act.id,
            occurredOn: act.occurredOn,
            type: act.type,
            durationMinutes: act.durationMinutes,
            presentUserIds: act.presentUserIds,
            recordedByName: authors.get(act.authorUserId) ?? null,
            noteVisibility: act.noteVisibility,
            note: act.note,
          },
          rowView(actor, territoryId, actAccesses.get(act.id) ?? NO_ACCESS),
          // An act's note is as secret as its audience.
          { note: NOTE_CATEGORY[act.noteVisibility] },
        ),
      }));
      const gatedObjectives = objectives
        .filter((objective) => objective.followUpId === followUp.id)
        .map(({ id, text, status }) => gateFields(FollowUpObjectiveObject, { id, text, status }, view));
      const last = acts[0]?.occurredOn ?? null;
      const homeVisits = acts.filter((act) => act.type === ActType.HOME_VISIT).length;
      const indicators = gateFields(
        FollowUpIndicatorsObject,
        {
          acts: acts.length,
          homeShare: acts.length ? homeVisits / acts.length : 0,
          daysSinceLastContact: last ? Math.round((Date.parse(today) - Date.parse(last)) / DAY_MS) : null,
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
          acts: gatedActs.map(({ gated: act }) => act.value),
          indicators: indicators.value,
        },
        view,
      );
      const personId = followUp.situation!.personId;
      reads.push(
        {
          territoryId,
          personId,
          subject: { type: 'FollowUp', id: followUp.id },
          categories: [...gated.shown, ...gatedObjectives.flatMap((objective) => objective.shown)],
        },
        ...gatedActs.map(({ act, gated: shown }) => ({
          territoryId,
          personId,
          subject: { type: 'FollowUpAct', id: act.id },
          categories: shown.shown,
        })),
      );
      return gated.value;
    });
    await this.audit.recordReads(manager, actor, reads);
    return presented;
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
