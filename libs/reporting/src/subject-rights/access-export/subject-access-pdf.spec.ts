import { readsByDay } from './subject-access-pdf';

const read = (occurredAt: string, userId: string, categories: string[], action = 'PERSON_DATA_READ') => ({
  occurredAt: new Date(occurredAt),
  userId,
  userName: userId,
  organisationId: `org-${userId}`,
  organisationName: `Partenaire ${userId}`,
  action,
  subjectType: 'Situation',
  categories,
});

describe('readsByDay', () => {
  it('tells each reader’s reads of a Paris day once, counted, with every category shown', () => {
    const grouped = readsByDay([
      read('2026-12-03T09:00:00Z', 'a', ['SOCIAL_CONFIDENTIAL']),
      read('2026-12-03T22:30:00Z', 'b', ['IDENTITY']),
      read('2026-12-03T16:00:00Z', 'a', ['IDENTITY']),
      read('2026-12-03T23:30:00Z', 'a', ['IDENTITY']),
      read('2026-12-03T16:05:00Z', 'a', [], 'DOCUMENT_DOWNLOADED'),
    ]);
    expect(
      grouped.map(({ userId, count, categories, action }) => [userId, count, categories, action]),
    ).toEqual([
      ['a', 2, ['IDENTITY', 'SOCIAL_CONFIDENTIAL'], 'PERSON_DATA_READ'],
      // 23:30 UTC is the next day in Paris.
      ['b', 1, ['IDENTITY'], 'PERSON_DATA_READ'],
      ['a', 1, ['IDENTITY'], 'PERSON_DATA_READ'],
      ['a', 1, [], 'DOCUMENT_DOWNLOADED'],
    ]);
  });
});
