import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, Principal, Relation, RowAccess, rowView } from '@relais/access';
import { AuditService } from '@relais/audit';
import { parisDate } from '@relais/config';
import { ScopedDatabase, slot } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { EntityManager } from 'typeorm';
import { referrerKindOf } from '@relais/identity';
import { AgeBand, pseudonymOf } from '@relais/situations';
import { InviteeKind, MeetingStatus, SuggestionReason } from './domain/meeting.enums';
import { SUGGESTIONS_SQL } from './agenda-suggestions.sql';
import { explainSuggestion, SUGGESTED_KIND } from './domain/suggestion';
import { AgendaSuggestionsArgs, SUGGESTION_CURSOR } from './dto/agenda-suggestions.args';
import { AgendaItemObject, AgendaObject, AgendaSuggestionObject } from './dto/meeting.dto';
import { Meeting } from './entities';
import { toMeetingObject } from './meeting.mapper';
import { agendaItemsQuery, AgendaItemRow } from './agenda-items.query';

interface SuggestionRow {
  situation_id: string;
  /** The reason's place in SUGGESTION_PRIORITY: 0 is the most pressing. */
  rank: number;
  reason: SuggestionReason;
  detail: string | null;
  case_code: string;
  initials: string;
  age_band: AgeBand;
  district: string | null;
}

/** What only the coordinator and the item's guests get: the way to the situation and who presents it. */
const DETAIL_FIELDS = ['situationId', 'pseudonym', 'reason', 'presenterOrganisationId', 'presenterUserId'];
/** Relations to an item that show its details (the others: the cell, the meeting's other guests). */
const DETAILED_BY: readonly Relation[] = [Relation.COORDINATOR, Relation.INVITEE];

const holds = (access: RowAccess, relation: Relation) => access.relations.has(relation);

/**
 * Reading agendas: never an identity. Each item passes the field gate with the relations the
 * policies give the reader on it, read in the same statement as the item; the coordinator and the
 * item's guests see its details (pseudonym, reason, presenter, the way to the situation), everyone
 * else its case code and the kind of partner who referred it, told without disclosing care. A fixed
 * number of queries, whatever the number of items.
 */
@Injectable()
export class AgendaQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  agenda(actor: Principal, meetingId: string): Promise<AgendaObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: meeting, access: meetingAccess } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Meeting,
        meetingId,
      );
      const coordinating = holds(meetingAccess, Relation.COORDINATOR);

      // Built once per set of rules: its text varies with nothing else.
      const itemsRead = this.access.rowAccessStatement(
        actor,
        'agenda-items',
        () => agendaItemsQuery(manager, slot('meetingId')),
        'read',
        'AgendaItem',
        AgendaItemObject,
      );
      const rows = (await manager.query(
        itemsRead.statement.sql,
        itemsRead.statement.values({ meetingId: meeting.id }),
      )) as AgendaItemRow[];
      const accesses = itemsRead.readAccess(rows);
      // Read as rows, not entities: only these columns are shown, and an agenda has hundreds.
      const invitations = coordinating
        ? ((await manager.query(
            `/* prepared:agenda-item-invitations */
             SELECT agenda_item_id, organisation_id FROM item_invitations WHERE meeting_id = $1`,
            [meeting.id],
          )) as { agenda_item_id: string; organisation_id: string }[])
        : [];
      const guestsByItem = new Map<string, string[]>();
      for (const invitation of invitations) {
        const guests = guestsByItem.get(invitation.agenda_item_id);
        if (guests) guests.push(invitation.organisation_id);
        else guestsByItem.set(invitation.agenda_item_id, [invitation.organisation_id]);
      }
      const standing = coordinating
        ? ((await manager.query(
            `/* prepared:agenda-standing-invitees */
             SELECT user_id AS "userId", organisation_id AS "organisationId", kind
               FROM meeting_invitees WHERE meeting_id = $1`,
            [meeting.id],
          )) as { userId: string; organisationId: string; kind: InviteeKind }[])
        : null;

      const gated = rows.map((row) => {
        const access = accesses.get(row.id)!;
        const detailed = DETAILED_BY.some((relation) => holds(access, relation));
        return {
          row,
          gated: gateFields(
            AgendaItemObject,
            {
              id: row.id,
              position: row.position,
              kind: row.kind,
              minutes: row.minutes,
              caseCode: row.case_code,
              referrerKind: row.referrer_kind ? referrerKindOf(row.referrer_kind) : null,
              presentation: row.presentation,
              detailed,
              situationId: row.situation_id,
              pseudonym: pseudonymOf({
                initials: row.initials,
                ageBand: row.age_band,
                district: row.district,
              }),
              reason: row.reason,
              presenterOrganisationId: row.presenter_organisation_id,
              presenterUserId: row.presenter_user_id,
              guestOrganisationIds: guestsByItem.get(row.id) ?? [],
              // Logistic, but kept to the relations that show an item's details (and the guests
              // to the coordinator): the gate masks what is listed here.
              redactedFields: [
                ...(detailed ? [] : DETAIL_FIELDS),
                ...(holds(access, Relation.COORDINATOR) ? [] : ['guestOrganisationIds']),
              ],
            },
            rowView(actor, meeting.territoryId, access),
          ),
        };
      });
      await this.audit.recordReads(
        manager,
        actor,
        gated.map(({ row, gated: { shown } }) => ({
          territoryId: meeting.territoryId,
          personId: row.person_id,
          subject: { type: 'AgendaItem', id: row.id },
          categories: shown,
        })),
      );
      const items = gated.map(({ gated: { value } }) => value);
      return {
        meeting: toMeetingObject(meeting),
        items,
        totalMinutes: items.reduce((total, item) => total + item.minutes, 0),
        standingInvitees:
          standing?.map(({ userId, organisationId, kind }) => ({ userId, organisationId, kind })) ?? null,
      };
    });
  }

  /**
   * For each situation, the start of the next meeting whose published agenda holds it (for the
   * referrer's view). One query; the caller has already decided who may see these situations.
   */
  async nextMeetingsOf(
    manager: EntityManager,
    situationIds: readonly string[],
    after: Date,
  ): Promise<Map<string, Date>> {
    if (!situationIds.length) return new Map();
    const rows = (await manager.query(
      `/* prepared:next-meetings-of-situations */
       SELECT DISTINCT ON (item.situation_id) item.situation_id, meeting.starts_at
         FROM agenda_items item JOIN meetings meeting ON meeting.id = item.meeting_id
        WHERE item.situation_id = ANY($1) AND meeting.status = $2 AND meeting.starts_at > $3
        ORDER BY item.situation_id, meeting.starts_at`,
      [[...new Set(situationIds)], MeetingStatus.AGENDA_PUBLISHED, after],
    )) as { situation_id: string; starts_at: Date }[];
    return new Map(rows.map((row) => [row.situation_id, new Date(row.starts_at)]));
  }

  /**
   * What Relais proposes for a meeting, each with why: accepted referrals not yet scheduled,
   * reviews falling due before it, overdue actions, approved derogations not reviewed since. A
   * situation proposed for several reasons comes once, for its most pressing one; the most pressing
   * come first. One page in one statement: ranked, deduplicated and cut in SQL.
   */
  suggestions(actor: Principal, args: AgendaSuggestionsArgs): Promise<Connection<AgendaSuggestionObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: meeting, access } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Meeting,
        args.meetingId,
      );
      this.access.assertCan(actor, 'editAgenda', meeting, 'FORBIDDEN');
      // Suggestions are the coordinator's, read under the meeting's relations (editing its agenda).
      const view = rowView(actor, meeting.territoryId, access);
      const after = args.after ? decodeCursor(args.after, SUGGESTION_CURSOR) : null;
      if (args.after && !after)
        throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
      const rows = (await manager.query(SUGGESTIONS_SQL, [
        meeting.territoryId,
        parisDate(meeting.startsAt),
        meeting.id,
        after ? Number(after[0]) : null,
        after?.[1] ?? null,
        args.first + 1,
      ])) as SuggestionRow[];
      return pageOf(
        rows,
        args.first,
        (row) => [String(row.rank), row.situation_id],
        (row) =>
          gateFields(
            AgendaSuggestionObject,
            {
              situationId: row.situation_id,
              caseCode: row.case_code,
              pseudonym: pseudonymOf({
                initials: row.initials,
                ageBand: row.age_band,
                district: row.district,
              }),
              kind: SUGGESTED_KIND[row.reason],
              reason: row.reason,
              explanation: explainSuggestion(row.reason, row.detail),
            },
            view,
          ).value,
      );
    });
  }
}
