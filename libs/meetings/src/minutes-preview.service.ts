import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  DataCategory,
  Principal,
  SharingCategory,
  visibleCategories,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { activeMembershipsOf, Organisation, Profession } from '@relais/identity';
import { EntityManager } from 'typeorm';
import { MeetingStatus } from './domain/meeting.enums';
import { MinutesPreviewObject, RestrictedNoteChoiceObject } from './dto/minutes-preview.dto';
import { MinutesObject } from './dto/minutes.dto';
import { AgendaItem, Meeting } from './entities';
import { MeetingException } from './meetings.exception';
import { MinutesQueryService } from './minutes-query.service';

/** The categories a restricted note may be written under. */
const NOTE_CATEGORIES = [DataCategory.SOCIAL_CONFIDENTIAL, DataCategory.HEALTH_SECRET];

interface RepresentativeRow {
  id: string;
  profession: Profession;
  sharing_category: SharingCategory;
}

/**
 * What the coordination needs around the minutes before publishing them: how each partner will read
 * them, and who may add a restricted note where.
 *
 * The preview is no filter of the coordinator's own reading: it reads the minutes as a member of the
 * partner — the one present for the most items (then one present at the meeting, then the oldest
 * account) with its profession, roles and charter state as its next request would have them — through
 * `MinutesQueryService.readAs`, the very path of that member's own `meetingMinutes`, bounded by
 * what the coordinator may read itself: a preview never opens to the coordinator what its own
 * reading does not (a nurse's health note, for a coordinator who is not a health professional).
 */
@Injectable()
export class MinutesPreviewService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reader: MinutesQueryService,
  ) {}

  preview(actor: Principal, meetingId: string, organisationId: string): Promise<MinutesPreviewObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: meeting } = await this.access.loadAccessible(manager, actor, 'read', Meeting, meetingId);
      this.access.assertCan(actor, 'publishMinutes', meeting, 'FORBIDDEN');
      if (meeting.status !== MeetingStatus.HELD && meeting.status !== MeetingStatus.MINUTES_PUBLISHED) {
        throw new MeetingException('INVALID_TRANSITION');
      }
      const organisation = await manager.findOneBy(Organisation, {
        id: organisationId,
        territoryId: meeting.territoryId,
      });
      if (!organisation) {
        throw new MeetingException('INVALID_MEETING', [
          { field: 'organisationId', message: 'Ce partenaire n’est pas du territoire de la séance.' },
        ]);
      }
      const representative = await this.representativeOf(manager, actor, meeting, organisation);
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'MINUTES_PREVIEWED',
        subject: { type: 'Meeting', id: meeting.id },
        details: { organisationId: organisation.id, readerUserId: representative?.principal.userId ?? null },
      });
      const minutes = representative
        ? await this.minutesAs(manager, representative.principal, meeting, actor)
        : null;
      return {
        organisationId: organisation.id,
        organisationName: organisation.name,
        organisationKind: organisation.kind,
        readerProfession: representative?.profession ?? null,
        readerSharingCategory: representative?.principal.sharingCategory ?? null,
        minutes,
      };
    });
  }

  /** Recorded items of the meeting where the actor may add a note, with the categories it may write. */
  noteChoices(actor: Principal, meetingId: string): Promise<RestrictedNoteChoiceObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(AgendaItem)
        .createQueryBuilder('item')
        .where('item.meetingId = :meetingId AND item.recordedAt IS NOT NULL', { meetingId })
        .orderBy('item.position', 'ASC');
      const accessOf = this.access.selectRowAccess(query, actor, 'addNote', 'AgendaItem');
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = accessOf(raw);
      return entities
        .map((item) => {
          const visible = visibleCategories(actor, item.territoryId, accesses.get(item.id)!);
          return { itemId: item.id, categories: NOTE_CATEGORIES.filter((category) => visible.has(category)) };
        })
        .filter((choice) => choice.categories.length > 0);
    });
  }

  /** The member's reading; null when its own `meetingMinutes` would find no meeting to read. */
  private async minutesAs(
    manager: EntityManager,
    member: Principal,
    meeting: Meeting,
    actor: Principal,
  ): Promise<MinutesObject | null> {
    try {
      await this.access.loadAccessible(manager, member, 'read', Meeting, meeting.id);
    } catch (error) {
      if (error instanceof AccessException) return null;
      throw error;
    }
    return this.reader.readAs(manager, member, meeting, actor, actor);
  }

  private async representativeOf(
    manager: EntityManager,
    actor: Principal,
    meeting: Meeting,
    organisation: Organisation,
  ): Promise<{ principal: Principal; profession: Profession } | undefined> {
    const [row] = (await manager.query(
      `SELECT u.id, u.profession, u.sharing_category
         FROM users u
         JOIN memberships m ON m.user_id = u.id AND m.territory_id = $2
                           AND m.status = 'ACTIVE' AND cardinality(m.roles) > 0
        WHERE u.organisation_id = $1
        ORDER BY (SELECT count(*) FROM item_disclosures d
                    JOIN agenda_items i ON i.id = d.agenda_item_id
                   WHERE d.user_id = u.id AND i.meeting_id = $3) DESC,
                 EXISTS (SELECT 1 FROM attendances a
                          WHERE a.user_id = u.id AND a.meeting_id = $3 AND a.status = 'PRESENT') DESC,
                 u.created_at ASC, u.id ASC
        LIMIT 1`,
      [organisation.id, meeting.territoryId, meeting.id],
    )) as RepresentativeRow[];
    if (!row) return undefined;
    const memberships = (await activeMembershipsOf(manager, row.id)).filter(
      (membership) => membership.territoryId === meeting.territoryId,
    );
    return {
      profession: row.profession,
      principal: new Principal(
        row.id,
        actor.sessionId,
        organisation.id,
        row.sharing_category,
        memberships,
        actor.requestId,
        organisation.kind,
        actor.now,
      ),
    };
  }
}
