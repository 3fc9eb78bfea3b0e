import { Inject, Injectable } from '@nestjs/common';
import {
  AccessService,
  DataCategory,
  gateFields,
  Principal,
  readableCategories,
  rowView,
  SharingCategory,
  territorySharingMatrix,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { Consent, ConsentPurpose, isConsentInForce } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { membersAmong, Organisation, ORGANISATION_KINDS_NEVER_SHARING, Territory } from '@relais/identity';
import { Person, PersonIdentity, Situation } from '@relais/situations';
import { EntityManager, In, IsNull } from 'typeorm';
import { AttendanceStatus, MeetingStatus } from './domain/meeting.enums';
import { IdentityRevealObject } from './dto/identity-reveal.dto';
import { AgendaItem, Attendance, ItemDisclosure, ItemInvitation, Meeting } from './entities';
import { IdentityRevealException } from './identity-reveal.exception';
import { MeetingLifecycle } from './meeting-lifecycle';

/** A meeting is in session from its published agenda until its minutes are published. */
const IN_SESSION: readonly MeetingStatus[] = [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD];

/** Who is in the room for an item: people (with their organisation) and guest organisations. */
interface Room {
  /** Whether anyone's presence was recorded at all: without it, no one can be checked. */
  recorded: boolean;
  userIds: string[];
  organisationIds: string[];
  /**
   * Organisations of people in the room whom the territory's sharing matrix never lets read an
   * identity (a bailleur, a town hall, the police), whatever the consent says; guests counted by
   * their organisation's kind.
   */
  outsideMatrixIds: string[];
}

/**
 * The coordinator shows the room who a person is, for one item: allowed only when the person's
 * consent in force names, for her identity, every organisation in the room. Nothing is stored but
 * the audit event: the identity goes back in the answer, through the field gate, with the moment
 * the screen must go back to the case code.
 */
@Injectable()
export class IdentityRevealService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly lifecycle: MeetingLifecycle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reveal(actor: Principal, itemId: string): Promise<IdentityRevealObject> {
    const outcome = await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: item, access: itemAccess } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        AgendaItem,
        itemId,
      );
      // The same authorization as recording the item: the coordinator who runs the meeting.
      const meeting = await this.lifecycle.loadFor(manager, actor, 'record', item.meetingId);
      if (!IN_SESSION.includes(meeting.status)) throw new IdentityRevealException('MEETING_NOT_IN_SESSION');
      const room = await this.roomFor(manager, meeting, item, actor);
      if (!room.recorded) throw new IdentityRevealException('PRESENCE_NOT_RECORDED');

      const situation = await manager.findOneByOrFail(Situation, { id: item.situationId });
      const person = await manager.findOneByOrFail(Person, { id: situation.personId });
      const refusal = await this.refusalFor(manager, person.id, room);
      if (refusal) {
        // A disclosure refused for the person's sake is kept in the trail: committed, then thrown.
        await this.audit.record(manager, {
          territoryId: meeting.territoryId,
          actor,
          action: 'IDENTITY_REVEAL_REFUSED',
          subject: { type: 'AgendaItem', id: item.id },
          personId: person.id,
          details: {
            meetingId: meeting.id,
            itemId: item.id,
            reason: refusal.code,
            presentUserIds: room.userIds,
            organisationIds: room.organisationIds,
            uncoveredOrganisationIds: refusal.uncovered.map((organisation) => organisation.id),
          },
        });
        return { refusal };
      }

      const now = this.clock.now();
      const visibleUntil = new Date(now.getTime() + this.config.meetings.revealSeconds * 1000);
      const identity = await manager.findOneBy(PersonIdentity, { personId: person.id });
      // The coordinator's own view of the identity row decides what is shown: the one masking step.
      // A person without an identity row has nothing to reveal: the item's view, fields empty.
      const access = identity
        ? (await this.access.loadAccessible(manager, actor, 'read', PersonIdentity, identity.id)).access
        : itemAccess;
      const view = rowView(actor, meeting.territoryId, access);
      const gated = gateFields(
        IdentityRevealObject,
        {
          itemId: item.id,
          caseCode: person.caseCode,
          lastName: identity?.lastName ?? null,
          firstName: identity?.firstName ?? null,
          birthDate: identity?.birthDate ?? null,
          visibleUntil,
          visibleSeconds: this.config.meetings.revealSeconds,
        },
        view,
      );
      await this.audit.record(manager, {
        territoryId: meeting.territoryId,
        actor,
        action: 'IDENTITY_REVEALED_IN_MEETING',
        subject: { type: 'AgendaItem', id: item.id },
        personId: person.id,
        dataCategories: gated.shown.filter((category) => category !== DataCategory.LOGISTIC),
        details: {
          meetingId: meeting.id,
          itemId: item.id,
          presentUserIds: room.userIds,
          organisationIds: room.organisationIds,
          visibleUntil: visibleUntil.toISOString(),
        },
      });
      return { shown: gated.value };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.shown;
  }

  /**
   * Who is in the room for the item, the chair apart (the coordinator reads the identity by
   * role): once the item is recorded, those recorded there; before, the meeting's attendance
   * (present members and the substitutes representing absent ones). The item's guest
   * organisations count as present either way: they come for it.
   */
  private async roomFor(
    manager: EntityManager,
    meeting: Meeting,
    item: AgendaItem,
    actor: Principal,
  ): Promise<Room> {
    const people = new Map<string, string | null>();
    let recorded: boolean;
    if (item.recordedAt) {
      const disclosures = await manager.findBy(ItemDisclosure, { agendaItemId: item.id });
      recorded = disclosures.length > 0;
      for (const disclosure of disclosures) people.set(disclosure.userId, disclosure.organisationId);
    } else {
      const attendances = await manager.findBy(Attendance, { meetingId: meeting.id });
      recorded = attendances.length > 0;
      for (const attendance of attendances) {
        if (attendance.status === AttendanceStatus.PRESENT) {
          people.set(attendance.userId, attendance.organisationId);
        } else if (attendance.status === AttendanceStatus.REPRESENTED && attendance.representedByUserId) {
          people.set(attendance.representedByUserId, null);
        }
      }
    }
    people.delete(actor.userId);
    const members = await membersAmong(manager, meeting.territoryId, [...people.keys()]);
    const territory = await manager.findOneByOrFail(Territory, { id: meeting.territoryId });
    const matrix = territorySharingMatrix(territory.settings.sharingMatrix ?? {});
    const outside = new Set<string>();
    const organisations = new Set<string>();
    for (const [userId, recordedOrganisationId] of people) {
      const member = members.get(userId);
      const organisationId = recordedOrganisationId ?? member?.organisationId;
      if (!organisationId) continue;
      organisations.add(organisationId);
      // An account gone from the territory is judged the most narrowly.
      const sharing = member?.sharingCategory ?? SharingCategory.NOT_LISTED;
      if (!readableCategories(sharing, { related: true }, matrix).has(DataCategory.IDENTITY)) {
        outside.add(organisationId);
      }
    }
    const guests = await manager.findBy(ItemInvitation, { agendaItemId: item.id, lapsedAt: IsNull() });
    if (guests.length) {
      const guestOrganisations = await manager.findBy(Organisation, {
        id: In(guests.map((guest) => guest.organisationId)),
      });
      for (const organisation of guestOrganisations) {
        organisations.add(organisation.id);
        if (ORGANISATION_KINDS_NEVER_SHARING.has(organisation.kind)) outside.add(organisation.id);
      }
    }
    return {
      recorded,
      userIds: [...people.keys()].sort(),
      organisationIds: [...organisations].sort(),
      outsideMatrixIds: [...outside].sort(),
    };
  }

  /**
   * The consent in force, for the cell's examination, must name each organisation in the room for
   * IDENTITY; and no one there may be someone the sharing matrix keeps from identities. The
   * refusal, if any, is returned so that it is audited before it is thrown.
   */
  private async refusalFor(
    manager: EntityManager,
    personId: string,
    room: Room,
  ): Promise<IdentityRevealException | null> {
    const now = this.clock.now();
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    const purpose = ConsentPurpose.CELL_EXAMINATION;
    if (!consent || !isConsentInForce(consent, now, { purpose })) {
      return new IdentityRevealException('CONSENT_NOT_IN_FORCE');
    }
    const category = DataCategory.IDENTITY;
    if (!isConsentInForce(consent, now, { purpose, category })) {
      return new IdentityRevealException('IDENTITY_NOT_COVERED');
    }
    const organisations = room.organisationIds.length
      ? await manager.find(Organisation, { where: { id: In(room.organisationIds) }, order: { name: 'ASC' } })
      : [];
    const uncovered = organisations.filter(
      (organisation) =>
        !isConsentInForce(consent, now, {
          purpose,
          category,
          organisation: { id: organisation.id, kind: organisation.kind },
        }),
    );
    if (uncovered.length) return new IdentityRevealException('ORGANISATIONS_NOT_NAMED', uncovered);
    const outside = organisations.filter((organisation) => room.outsideMatrixIds.includes(organisation.id));
    if (outside.length) return new IdentityRevealException('OUTSIDE_SHARING_MATRIX', outside);
    return null;
  }
}
