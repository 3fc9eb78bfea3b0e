import { Injectable } from '@nestjs/common';
import {
  AccessService,
  DataCategory,
  gateFields,
  NO_ACCESS,
  Principal,
  Relation,
  RowAccess,
  rowView,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import {
  ActionObject,
  ActionOrigin,
  Person,
  Situation,
  SituationAction,
  toActionObject,
} from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { MeetingStatus } from './domain/meeting.enums';
import { DecisionObject, MinutesItemObject, MinutesObject, RestrictedNoteObject } from './dto/minutes.dto';
import { AgendaItem, Attendance, Decision, Meeting, RestrictedNote } from './entities';
import { MeetingException } from './meetings.exception';
import { sharedView } from './shared-view';

/** Raw column telling whether the reader was in the room for the item. */
const READER_ATTENDED = 'reader_attended';

interface ReadItem {
  item: AgendaItem;
  access: RowAccess;
  attended: boolean;
}

/**
 * Reading the minutes. Each item passes the field gate with the relations the policies give the
 * reader on it, read in the same statement as the item: in the room, within what the person's
 * consent in force (or a derogation) gives the reader's organisation; the coordinator by role;
 * everyone else the case code. Decisions and restricted notes are read under their item's
 * categories; the actions addressed to the reader's organisation always reach it.
 */
@Injectable()
export class MinutesQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The minutes as the reader may read them; the coordinator reads the draft too. */
  minutes(actor: Principal, meetingId: string): Promise<MinutesObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: meeting } = await this.access.loadAccessible(manager, actor, 'read', Meeting, meetingId);
      const published = meeting.status === MeetingStatus.MINUTES_PUBLISHED;
      const draftReader =
        meeting.status === MeetingStatus.HELD && this.access.can(actor, 'publishMinutes', meeting);
      if (!published && !draftReader) throw new MeetingException('INVALID_TRANSITION');
      return this.readAs(manager, actor, meeting, actor);
    });
  }

  /**
   * What the cell recorded about one situation, meeting by meeting (held or published, the oldest
   * first): the situation's items only, each read as `readAs` reads it — the same gate and audit.
   */
  situationMinutes(
    actor: Principal,
    situationId: string,
  ): Promise<{ meetingId: string; startsAt: Date; published: boolean; items: MinutesItemObject[] }[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Meeting)
        .createQueryBuilder('meeting')
        .where(
          'EXISTS (SELECT 1 FROM agenda_items item WHERE item.meeting_id = meeting.id AND item.situation_id = :situationId AND item.recorded_at IS NOT NULL)',
          { situationId },
        )
        .orderBy('meeting.startsAt', 'ASC');
      this.access.accessibleBy(query, actor, 'read', 'Meeting');
      const meetings = await query.getMany();
      const read = [];
      for (const meeting of meetings) {
        const minutes = await this.readAs(manager, actor, meeting, actor, undefined, situationId);
        read.push({
          meetingId: meeting.id,
          startsAt: meeting.startsAt,
          published: minutes.published,
          items: minutes.items,
        });
      }
      return read;
    });
  }

  /**
   * The minutes of `meeting` as `actor` reads them, whatever their publication (the caller decides
   * who may read a draft): the one read and masking path, for a member and for the coordination's
   * preview alike. The reads are audited as `auditedAs`'s — the actor's own, or the coordinator
   * who previews. With `boundBy` (the coordinator who previews), each item shows only what both
   * readers may read: one statement more, for the coordinator's access to the same items.
   */
  async readAs(
    manager: EntityManager,
    actor: Principal,
    meeting: Meeting,
    auditedAs: Principal,
    boundBy?: Principal,
    /** This situation's items only. */
    situationId?: string,
  ): Promise<MinutesObject> {
    const meetingId = meeting.id;
    const published = meeting.status === MeetingStatus.MINUTES_PUBLISHED;
    const items = await this.readItems(manager, actor, meetingId, situationId);
    const itemIds = items.map(({ item }) => item.id);
    const attendance = await manager.findBy(Attendance, { meetingId });
    const decisions = itemIds.length
      ? await manager.find(Decision, { where: { agendaItemId: In(itemIds) }, order: { decidedAt: 'ASC' } })
      : [];
    const bounds = boundBy && itemIds.length ? await this.accessesOf(manager, boundBy, itemIds) : undefined;
    const views = new Map(
      items.map(({ item, access }) => {
        const view = rowView(actor, meeting.territoryId, access);
        if (!boundBy) return [item.id, view];
        const bound = rowView(boundBy, meeting.territoryId, bounds?.get(item.id) ?? NO_ACCESS);
        return [item.id, sharedView(view, bound)];
      }),
    );
    // Notes of a category the reader sees on no item never leave the database (health notes for
    // a social worker); the gate then decides item by item.
    const readable = [...new Set([...views.values()].flatMap((view) => [...view.categories]))];
    const notes = itemIds.length
      ? await manager.find(RestrictedNote, {
          where: { agendaItemId: In(itemIds), category: In(readable) },
          order: { writtenAt: 'ASC' },
        })
      : [];

    const shownAbout = new Map<string, Set<DataCategory>>();
    const gated = items.map(({ item, access, attended }) => {
      const view = views.get(item.id)!;
      const itemDecisions = decisions
        .filter((decision) => decision.agendaItemId === item.id)
        .map(({ id, text, rationale }) => gateFields(DecisionObject, { id, text, rationale }, view));
      const itemNotes = notes
        .filter((note) => note.agendaItemId === item.id)
        .map(({ id, category, text }) =>
          gateFields(RestrictedNoteObject, { id, category, text }, view, { text: category }),
        )
        // A note one may not read is left out, so that the list never tells it exists.
        .filter((note) => !note.value.redactedFields.includes('text'));
      const facts = {
        itemId: item.id,
        position: item.position,
        caseCode: item.situation!.person!.caseCode,
        kind: item.kind,
        attended: attended || access.relations.has(Relation.COORDINATOR),
        personAttended: item.personAttended,
        summary: item.summary,
        decisions: itemDecisions.map((decision) => decision.value),
        restrictedNotes: itemNotes.map((note) => note.value),
        nextReviewOn: item.nextReviewOn,
        personInformedOn: item.personInformedOn,
        personAnswer: item.personAnswer,
      };
      const gate = (actions: ActionObject[]) =>
        gateFields(MinutesItemObject, { ...facts, actions }, view, { summary: item.summaryCategory });
      // The decisions this reader reads decide which actions it gets: gated once to learn them.
      const readDecisionIds = (gate([]).value.decisions ?? []).map((decision) => decision.id);
      return { item, itemDecisions, itemNotes, gate, readDecisionIds };
    });

    // Every action of the decisions the reader reads; otherwise those addressed to its
    // organisation, as the situations' policy says (one statement).
    const actions = await this.actionsOf(
      manager,
      actor,
      decisions.map((decision) => decision.id),
      gated.flatMap(({ readDecisionIds }) => readDecisionIds),
    );
    const view = gated.map(({ item, itemDecisions, itemNotes, gate }): MinutesItemObject => {
      const ids = new Set(decisions.filter((decision) => decision.agendaItemId === item.id).map((d) => d.id));
      const caseCode = item.situation!.person!.caseCode;
      const gatedItem = gate(
        actions
          .filter((action) => ids.has(action.originId!))
          .map((action) => toActionObject(action, caseCode)),
      );
      // What the audit records: the item's fields shown, and inside the lists shown, theirs.
      const shown = new Set(gatedItem.shown);
      const inside = [
        ...(gatedItem.value.decisions ? itemDecisions : []),
        ...(gatedItem.value.restrictedNotes ? itemNotes : []),
      ];
      for (const part of inside) for (const category of part.shown) shown.add(category);
      shownAbout.set(item.id, shown);
      return gatedItem.value;
    });

    await this.audit.recordReads(
      manager,
      auditedAs,
      items.map(({ item }) => ({
        territoryId: meeting.territoryId,
        personId: item.situation!.personId,
        subject: { type: 'AgendaItem', id: item.id },
        categories: [...(shownAbout.get(item.id) ?? [])],
      })),
    );
    return {
      meetingId: meeting.id,
      published,
      attendance: attendance.map(({ userId, organisationId, status, representedByUserId }) => ({
        userId,
        organisationId,
        status,
        representedByUserId,
      })),
      items: view,
    };
  }

  /** Another reader's access to these items, in one statement. */
  private async accessesOf(
    manager: EntityManager,
    reader: Principal,
    itemIds: readonly string[],
  ): Promise<Map<string, RowAccess>> {
    const query = manager
      .getRepository(AgendaItem)
      .createQueryBuilder('item')
      .where('item.id IN (:...itemIds)', { itemIds });
    const accessOf = this.access.selectRowAccess(query, reader, 'read', 'AgendaItem');
    const { raw } = await query.getRawAndEntities();
    return accessOf(raw);
  }

  /** The meeting's items the reader may read, with its relations to each, in one statement. */
  private async readItems(
    manager: EntityManager,
    actor: Principal,
    meetingId: string,
    situationId?: string,
  ): Promise<ReadItem[]> {
    const query = manager
      .getRepository(AgendaItem)
      .createQueryBuilder('item')
      .innerJoinAndMapOne('item.situation', Situation, 'situation', 'situation.id = item.situationId')
      .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
      .addSelect(
        `EXISTS (SELECT 1 FROM item_disclosures disclosure
                  WHERE disclosure.agenda_item_id = item.id AND disclosure.user_id = :reader)`,
        READER_ATTENDED,
      )
      .where('item.meetingId = :meetingId', { meetingId, reader: actor.userId })
      .orderBy('item.position', 'ASC');
    if (situationId) query.andWhere('item.situationId = :situationId', { situationId });
    const accessOf = this.access.selectRowAccess(query, actor, 'read', 'AgendaItem');
    const { entities, raw } = await query.getRawAndEntities();
    const accesses = accessOf(raw);
    const attended = new Set(
      raw.filter((row) => row[READER_ATTENDED]).map((row) => row['item_id'] as string),
    );
    return entities.map((item) => ({
      item,
      access: accesses.get(item.id)!,
      attended: attended.has(item.id),
    }));
  }

  private async actionsOf(
    manager: EntityManager,
    actor: Principal,
    decisionIds: readonly string[],
    readDecisionIds: readonly string[],
  ): Promise<SituationAction[]> {
    if (!decisionIds.length) return [];
    const addressed = this.access.conditionFor(actor, 'read', 'SituationAction', 'action');
    return manager
      .getRepository(SituationAction)
      .createQueryBuilder('action')
      .where('action.origin = :origin AND action.originId IN (:...decisionIds)', {
        origin: ActionOrigin.DECISION,
        decisionIds,
      })
      .andWhere(`(action.originId = ANY(:readDecisionIds) OR (${addressed.sql}))`, {
        ...addressed.parameters,
        readDecisionIds,
      })
      .orderBy('action.dueOn', 'ASC')
      .getMany();
  }
}
