import { AgendaItem } from './agenda-item.entity';
import { Attendance } from './attendance.entity';
import { Decision } from './decision.entity';
import { ItemDisclosure } from './item-disclosure.entity';
import { ItemInvitation } from './item-invitation.entity';
import { Meeting } from './meeting.entity';
import { MeetingInvitee } from './meeting-invitee.entity';
import { RestrictedNote } from './restricted-note.entity';

export {
  AgendaItem,
  Attendance,
  Decision,
  ItemDisclosure,
  ItemInvitation,
  Meeting,
  MeetingInvitee,
  RestrictedNote,
};

export const MEETING_ENTITIES = [
  Meeting,
  MeetingInvitee,
  AgendaItem,
  ItemInvitation,
  Attendance,
  ItemDisclosure,
  RestrictedNote,
  Decision,
];
