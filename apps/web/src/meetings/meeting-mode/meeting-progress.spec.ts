import { describe, expect, it } from '@jest/globals';
import { attendanceSummary, presentFromAttendance, savedItemsOf } from './meeting-progress';
import type { RecordedProgress } from './meeting-progress';

const attendance: RecordedProgress['attendance'] = [
  { userId: 'coordinatrice', status: 'PRESENT', representedByUserId: null },
  { userId: 'infirmier', status: 'EXCUSED', representedByUserId: null },
  { userId: 'assistante', status: 'REPRESENTED', representedByUserId: 'suppleante' },
  { userId: 'bailleur', status: 'PRESENT', representedByUserId: null },
];

describe('what the meeting mode reads back when it opens', () => {
  it('counts in the room the present and the substitutes, never the excused nor the represented', () => {
    expect([...presentFromAttendance(attendance)].sort()).toEqual([
      'bailleur',
      'coordinatrice',
      'suppleante',
    ]);
    expect(attendanceSummary(attendance)).toBe('3 présents, 1 excusé');
    expect(attendanceSummary([attendance[0]])).toBe('1 présent, 0 excusé');
  });

  it('keeps the recorded items only, each decision with its own actions', () => {
    const saved = savedItemsOf({
      attendanceRecorded: true,
      attendance,
      items: [
        {
          itemId: 'point-1',
          recordedAt: '2026-12-03T14:05:00.000Z',
          presentUserIds: ['coordinatrice', 'bailleur'],
          record: { summary: null, personAttended: true, nextReviewOn: '2027-03-03' },
          decisions: [
            {
              decision: { text: 'Proposer une visite' },
              actions: [
                {
                  description: 'Appeler',
                  ownerOrganisationId: 'ccas',
                  ownerUserId: null,
                  dueOn: '2027-01-05',
                },
              ],
            },
            { decision: { text: null }, actions: [] },
          ],
        },
        { itemId: 'point-2', recordedAt: null, presentUserIds: [], record: null, decisions: [] },
      ],
    });
    expect(Object.keys(saved)).toEqual(['point-1']);
    expect(saved['point-1']).toEqual({
      itemId: 'point-1',
      recordedAt: '2026-12-03T14:05:00.000Z',
      presentUserIds: ['coordinatrice', 'bailleur'],
      personAttended: true,
      summary: null,
      nextReviewOn: '2027-03-03',
      decisions: [
        {
          text: 'Proposer une visite',
          actions: [
            { description: 'Appeler', ownerOrganisationId: 'ccas', ownerUserId: null, dueOn: '2027-01-05' },
          ],
        },
        { text: '', actions: [] },
      ],
    });
  });
});
