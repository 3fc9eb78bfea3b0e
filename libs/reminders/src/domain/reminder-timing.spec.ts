import { afterMoment, morningOf, shortenedWarning } from './reminder-timing';

describe('reminder timing', () => {
  it('fires reminders about a day at 08:00 in Paris, winter and summer', () => {
    expect(morningOf('2027-01-15', -7).toISOString()).toBe('2027-01-08T07:00:00.000Z');
    expect(morningOf('2027-07-15', -1).toISOString()).toBe('2027-07-14T06:00:00.000Z');
  });

  it('counts working days, French public holidays excluded', () => {
    // Wednesday 5 May 2027 + 5 working days, Ascension (6 May) skipped: Thursday 13 May.
    expect(morningOf('2027-05-05', 5, true).toISOString()).toBe('2027-05-13T06:00:00.000Z');
  });

  it('keeps the Paris hour across a daylight-saving change', () => {
    // 25 March 2027, 10:00 in Paris (UTC+1); a week later Paris is UTC+2, still 10:00.
    const proposed = new Date('2027-03-25T09:00:00.000Z');
    expect(afterMoment(proposed, 7).toISOString()).toBe('2027-04-01T08:00:00.000Z');
    expect(afterMoment(proposed, 0)).toBe(proposed);
  });

  describe('a warning whose lead no longer fits before its day', () => {
    // Monday 1 March 2027, 10:00 in Paris.
    const given = new Date('2027-03-01T09:00:00.000Z');
    const warn = (day: string) => shortenedWarning(day, given, given)?.toISOString() ?? null;

    it('comes a week before when the day is still more than a week ahead', () => {
      expect(warn('2027-03-20')).toBe('2027-03-13T07:00:00.000Z');
    });

    it('comes the morning before when the week is already under way, at once when that is past', () => {
      expect(warn('2027-03-05')).toBe('2027-03-04T07:00:00.000Z');
      expect(warn('2027-03-02')).toBe(given.toISOString());
      expect(warn('2027-03-01')).toBe(given.toISOString());
    });

    it('does not come when the day is already past', () => {
      expect(warn('2027-02-28')).toBeNull();
    });
  });
});
