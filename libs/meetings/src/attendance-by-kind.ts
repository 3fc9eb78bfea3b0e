import { Organisation } from '@relais/identity';
import { AttendanceByKind } from '@relais/outbox';
import { EntityManager, In } from 'typeorm';
import { AttendanceStatus } from './domain/meeting.enums';
import { Attendance, ItemDisclosure, ItemInvitation, MeetingInvitee } from './entities';

/**
 * A meeting's partners by kind, for the activity report: organisations invited (to the meeting or
 * to one of its items), and those present (in person, represented, or in the room for an item).
 * One present without an invitation (the coordinator's, chairing) counts as invited too, so that
 * present never exceeds invited. Counts only: who they were stays here.
 */
export async function attendanceByKind(
  manager: EntityManager,
  meetingId: string,
): Promise<AttendanceByKind[]> {
  // One after the other: the manager is a transaction's, so one connection that runs one query at a time.
  const invitees = await manager.findBy(MeetingInvitee, { meetingId });
  const guests = await manager.findBy(ItemInvitation, { meetingId });
  const attendance = await manager.findBy(Attendance, { meetingId });
  const disclosures = await manager
    .getRepository(ItemDisclosure)
    .createQueryBuilder('disclosure')
    .innerJoin('agenda_items', 'item', 'item.id = disclosure.agenda_item_id')
    .where('item.meeting_id = :meetingId', { meetingId })
    .getMany();
  const invited = new Set([...invitees, ...guests].map((row) => row.organisationId));
  const present = new Set([
    ...attendance.filter((row) => row.status !== AttendanceStatus.EXCUSED).map((row) => row.organisationId),
    ...disclosures.map((row) => row.organisationId),
  ]);
  for (const id of present) invited.add(id);
  const ids = [...invited];
  const kinds = new Map(
    ids.length
      ? (await manager.findBy(Organisation, { id: In(ids) })).map((organisation) => [
          organisation.id,
          organisation.kind,
        ])
      : [],
  );
  const byKind = new Map<string, AttendanceByKind>();
  const count = (organisationIds: Set<string>, field: 'invited' | 'present') => {
    for (const id of organisationIds) {
      const kind = kinds.get(id) ?? 'OTHER';
      const row = byKind.get(kind) ?? { organisationKind: kind, invited: 0, present: 0 };
      row[field] += 1;
      byKind.set(kind, row);
    }
  };
  count(invited, 'invited');
  count(present, 'present');
  return [...byKind.values()].sort((a, b) => a.organisationKind.localeCompare(b.organisationKind));
}
