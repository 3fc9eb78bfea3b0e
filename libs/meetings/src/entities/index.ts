import { AgendaItem } from './agenda-item.entity';
import { ItemInvitation } from './item-invitation.entity';
import { Meeting } from './meeting.entity';
import { MeetingInvitee } from './meeting-invitee.entity';

export { AgendaItem, ItemInvitation, Meeting, MeetingInvitee };

export const MEETING_ENTITIES = [Meeting, MeetingInvitee, AgendaItem, ItemInvitation];
