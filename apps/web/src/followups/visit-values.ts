import { dayText, parseDayText } from '../ui/form/day-text';
import type { ActType } from './follow-up-words';

/** The visit form's answers, as typed (what a draft keeps). */
export interface VisitValues {
  /** At the person's home (a home visit), or elsewhere (then `otherType` says how). */
  place: 'HOME' | 'ELSEWHERE';
  otherType: Exclude<ActType, 'HOME_VISIT'> | '';
  /** JJ/MM/AAAA. */
  day: string;
  /** Minutes, as typed. */
  duration: string;
  presentUserIds: string[];
  note: string;
  /** The note is for the team's health professionals only. */
  healthOnly: boolean;
}

/** A new visit: at home, today, the reader present. */
export function newVisit(today: string, myId: string | undefined): VisitValues {
  return {
    place: 'HOME',
    otherType: '',
    day: dayText(today),
    duration: '',
    presentUserIds: myId ? [myId] : [],
    note: '',
    healthOnly: false,
  };
}

/** The form's answers out of a draft (without what the draft says of its last save). */
export function visitValues(draft: VisitValues & { unsent?: boolean }): VisitValues {
  const { place, otherType, day, duration, presentUserIds, note, healthOnly } = draft;
  return { place, otherType, day, duration, presentUserIds: [...presentUserIds], note, healthOnly };
}

/** « 45 », « 1h30 », « 1 h 30 », « 90 min » → minutes; undefined when it reads as none. */
export function parseMinutes(text: string): number | undefined {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '');
  const minutes = /^(\d{1,3})(min|mn|m)?$/.exec(typed);
  if (minutes) return Number(minutes[1]);
  const hours = /^(\d{1,2})h(\d{1,2})?(min|mn)?$/.exec(typed);
  if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
  return undefined;
}

/** The act the api records from the form's answers (the checks on each field are the form's rules). */
export function actInput(followUpId: string, values: VisitValues, healthProfessional: boolean) {
  const note = values.note.trim();
  return {
    followUpId,
    type: (values.place === 'HOME' ? 'HOME_VISIT' : values.otherType || 'OTHER') as ActType,
    occurredOn: parseDayText(values.day) ?? values.day,
    durationMinutes: parseMinutes(values.duration) ?? 0,
    presentUserIds: values.presentUserIds,
    note: note || null,
    // Only a health professional is offered the choice; the api refuses it from anyone else.
    noteVisibility: (healthProfessional && values.healthOnly ? 'HEALTH' : 'TEAM') as 'HEALTH' | 'TEAM',
  };
}
