import { MEETING_STATUS_LABELS } from './domain/meeting.enums';
import { MeetingObject } from './dto/meeting.dto';
import { Meeting } from './entities';

export function toMeetingObject(meeting: Meeting): MeetingObject {
  return {
    id: meeting.id,
    territoryId: meeting.territoryId,
    cellId: meeting.cellId,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    videoLink: meeting.videoLink,
    status: meeting.status,
    statusLabel: MEETING_STATUS_LABELS[meeting.status],
    seriesId: meeting.seriesId,
    agendaPublishedAt: meeting.agendaPublishedAt,
  };
}
