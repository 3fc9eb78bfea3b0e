import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, NO_ACCESS, Principal, rowView } from '@relais/access';
import { AuditedRead, AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { User } from '@relais/identity';
import { Situation } from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { ActType, NOTE_CATEGORY, NoteVisibility } from './domain/follow-up.enums';
import { FOLLOW_UP_ACT_CURSOR } from './dto/follow-up-acts.args';
import { FollowUpActObject } from './dto/follow-up.objects';
import { FollowUp, FollowUpAct } from './entities';
import { displayName } from './team';

/** A page request; `first: null` reads every act (the person's file holds them all). */
export interface ActsPage {
  first: number | null;
  after?: string | null;
}

/** An act as the statement reads it, with its sort key and the person it is about. */
interface ActRow {
  id: string;
  follow_up_id: string;
  territory_id: string;
  person_id: string;
  occurred_on: string;
  recorded_key: string;
  type: ActType;
  duration_minutes: number;
  present_user_ids: string[];
  note: string | null;
  note_visibility: NoteVisibility;
  author_user_id: string;
}

function positionOf(after: string | null | undefined): string[] | null {
  if (!after) return null;
  const key = decodeCursor(after, FOLLOW_UP_ACT_CURSOR);
  if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return key;
}

/**
 * The acts of follow-ups, a page at a time, the most recent first: for any number of follow-ups
 * in one statement, each act through its read rules in SQL and its note through the field gate,
 * each shown act audited. A page of follow-ups asking their acts costs what one follow-up does.
 */
@Injectable()
export class FollowUpActsQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** One page of acts for each follow-up (an empty page for those with none the reader may see). */
  pages(
    principal: Principal,
    followUpIds: readonly string[],
    page: ActsPage,
  ): Promise<Map<string, Connection<FollowUpActObject>>> {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.readPages(manager, principal, followUpIds, page),
    );
  }

  /** Every act of each follow-up the reader may see, for the documents that must hold them all. */
  async everyAct(
    principal: Principal,
    followUpIds: readonly string[],
  ): Promise<Map<string, FollowUpActObject[]>> {
    const pages = await this.pages(principal, followUpIds, { first: null });
    return new Map([...pages].map(([id, page]) => [id, page.edges.map((edge) => edge.node)]));
  }

  async readPages(
    manager: EntityManager,
    principal: Principal,
    followUpIds: readonly string[],
    page: ActsPage,
  ): Promise<Map<string, Connection<FollowUpActObject>>> {
    const after = positionOf(page.after);
    const ranked = manager
      .getRepository(FollowUpAct)
      .createQueryBuilder('act')
      .select('act.id', 'id')
      .addSelect('act.followUpId', 'follow_up_id')
      .addSelect('act.territoryId', 'territory_id')
      .addSelect('situation.personId', 'person_id')
      .addSelect(`to_char("act"."occurred_on", 'YYYY-MM-DD')`, 'occurred_on')
      // The cursor keeps the moment to the microsecond, as the order compares it.
      .addSelect(
        `to_char("act"."recorded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'recorded_key',
      )
      .addSelect('act.type', 'type')
      .addSelect('act.durationMinutes', 'duration_minutes')
      .addSelect('act.presentUserIds', 'present_user_ids')
      .addSelect('act.note', 'note')
      .addSelect('act.noteVisibility', 'note_visibility')
      .addSelect('act.authorUserId', 'author_user_id')
      // Each follow-up's own order, so that the outer query keeps at most a page and one for each.
      .addSelect(
        `row_number() OVER (PARTITION BY "act"."follow_up_id"
           ORDER BY "act"."occurred_on" DESC, "act"."recorded_at" DESC, "act"."id" DESC)`,
        'act_rank',
      )
      .innerJoin(FollowUp, 'parent', 'parent.id = act.followUpId')
      .innerJoin(Situation, 'situation', 'situation.id = parent.situationId')
      .where('act.followUpId = ANY(CAST(:followUpIds AS uuid[]))', { followUpIds });
    if (after) {
      ranked.andWhere(
        '(act.occurredOn, act.recordedAt, act.id) < (CAST(:afterOn AS date), CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))',
        { afterOn: after[0], afterAt: after[1], afterId: after[2] },
      );
    }
    const readAccess = this.access.selectRowAccess(ranked, principal, 'read', 'FollowUpAct');
    const query = manager
      .createQueryBuilder()
      .select('*')
      .from(`(${ranked.getQuery()})`, 'ranked')
      .setParameters(ranked.getParameters())
      .orderBy('"ranked"."act_rank"', 'ASC');
    if (page.first !== null) {
      query
        .where('"ranked"."act_rank" <= :limit', { limit: page.first + 1 })
        .comment(after ? 'prepared:follow-up-acts-next-page' : 'prepared:follow-up-acts-first-page');
    }
    const raw = await query.getRawMany<ActRow>();
    const accesses = readAccess(raw);
    const authorIds = [...new Set(raw.map((act) => act.author_user_id))];
    const authors = new Map(
      (authorIds.length ? await manager.findBy(User, { id: In(authorIds) }) : []).map((user) => [
        user.id,
        displayName(user),
      ]),
    );

    const byFollowUp = new Map<string, ActRow[]>(followUpIds.map((id) => [id, []]));
    for (const act of raw) byFollowUp.get(act.follow_up_id)?.push(act);
    const reads: AuditedRead[] = [];
    const pages = new Map<string, Connection<FollowUpActObject>>();
    for (const [followUpId, acts] of byFollowUp) {
      const first = page.first ?? acts.length;
      const gated = new Map(
        acts.slice(0, first).map((act) => {
          const shown = gateFields(
            FollowUpActObject,
            {
              id: act.id,
              occurredOn: act.occurred_on,
              type: act.type,
              durationMinutes: act.duration_minutes,
              presentUserIds: act.present_user_ids,
              recordedByName: authors.get(act.author_user_id) ?? null,
              noteVisibility: act.note_visibility,
              note: act.note,
            },
            rowView(principal, act.territory_id, accesses.get(act.id) ?? NO_ACCESS),
            // An act's note is as secret as its audience.
            { note: NOTE_CATEGORY[act.note_visibility] },
          );
          reads.push({
            territoryId: act.territory_id,
            personId: act.person_id,
            subject: { type: 'FollowUpAct', id: act.id },
            categories: shown.shown,
          });
          return [act.id, shown.value] as const;
        }),
      );
      pages.set(
        followUpId,
        pageOf(
          acts,
          first,
          (act) => [act.occurred_on, act.recorded_key, act.id],
          (act) => gated.get(act.id)!,
        ),
      );
    }
    await this.audit.recordReads(manager, principal, reads);
    return pages;
  }
}
