import { describe, expect, it } from '@jest/globals';
import { notificationDestination, notificationPath } from './notification-destination';

describe('notificationDestination', () => {
  it("sends an action's notices to the referring organisation's actions", () => {
    expect(notificationDestination('ACTION_DUE', ['REFERRER'])).toBe('/actions');
    expect(notificationDestination('ACTION_OVERDUE', ['CELL_MEMBER', 'REFERRER'])).toBe('/actions');
  });

  it('keeps on the notice itself what has no page for this reader yet', () => {
    // The coordinator's late-action notice concerns another organisation's action.
    expect(notificationDestination('ACTION_OVERDUE', ['COORDINATOR'])).toBeUndefined();
    for (const kind of [
      'AGENDA_PUBLISHED',
      'MINUTES_PUBLISHED',
      'REFERRAL_NOT_ACKNOWLEDGED',
      'TEAM_VACANCY',
    ]) {
      expect(notificationDestination(kind, ['REFERRER', 'COORDINATOR'])).toBeUndefined();
    }
  });
});

describe('notificationPath', () => {
  it('is the address e-mails link to', () => {
    expect(notificationPath('5b0c8d1e-3f52-4d8e-9a57-0c1e2f3a4b5c')).toBe(
      '/notifications/5b0c8d1e-3f52-4d8e-9a57-0c1e2f3a4b5c',
    );
  });
});
