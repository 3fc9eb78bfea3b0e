import { OUTBOX_EVENT_SUBJECTS, OutboxEventType } from '@relais/outbox';
import { charterVersion } from './handlers/membership.handlers';
import { projectedEventTypes } from './reporting-projector';

/** Events that only tell someone something (reminders, mails): no figure of the report comes from them. */
const NOT_COUNTED: OutboxEventType[] = [
  'membership.access_reduced',
  'user.set_password_link_requested',
  'meeting.agenda_published',
  'situation.review_due',
  'followup.planned_end_passed',
  'followup.review_due',
  'followup.team_vacancy',
];

describe('reporting projection', () => {
  it('keeps its tables from every event that carries a fact the report counts, each by one handler', () => {
    const projected = projectedEventTypes();
    const counted = (Object.keys(OUTBOX_EVENT_SUBJECTS) as OutboxEventType[])
      .filter((type) => !NOT_COUNTED.includes(type))
      .sort();
    expect(projected).toEqual(counted);
    expect(new Set(projected).size).toBe(projected.length);
  });

  it('names a charter version by its kind and number', () => {
    expect(charterVersion('CELL_MEMBER', 3)).toBe('CELL_MEMBER:3');
  });
});
