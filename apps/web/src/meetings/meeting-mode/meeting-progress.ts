import type { RecordItemInput } from './item-record';

/** An item saved during this meeting: what was sent, and when it was recorded. */
export interface SavedItem extends RecordItemInput {
  recordedAt: string;
}

/** What the api says is already recorded (the `meetingProgress` query's shape, as read here). */
export interface RecordedProgress {
  attendanceRecorded: boolean;
  attendance: readonly { userId: string; status: string; representedByUserId: string | null }[];
  items: readonly {
    itemId: string;
    recordedAt: string | null;
    presentUserIds: readonly string[];
    record: { summary: string | null; personAttended: boolean | null; nextReviewOn: string | null } | null;
    decisions: readonly {
      decision: { text: string | null };
      actions: readonly {
        description: string;
        ownerOrganisationId: string;
        ownerUserId: string | null;
        dueOn: string;
      }[];
    }[];
  }[];
}

/** Who was recorded in the room at the meeting: the present, and whoever stood in for someone. */
export function presentFromAttendance(attendance: RecordedProgress['attendance']): Set<string> {
  return new Set(
    attendance.flatMap((entry) =>
      entry.status === 'PRESENT'
        ? [entry.userId]
        : entry.status === 'REPRESENTED' && entry.representedByUserId
          ? [entry.representedByUserId]
          : [],
    ),
  );
}

/** « 3 présents, 1 excusé » as the attendance was recorded, to say so on the attendance step. */
export function attendanceSummary(attendance: RecordedProgress['attendance']): string {
  const present = presentFromAttendance(attendance).size;
  const excused = attendance.filter((entry) => entry.status === 'EXCUSED').length;
  return `${present} présent${present > 1 ? 's' : ''}, ${excused} excusé${excused > 1 ? 's' : ''}`;
}

/** The items already recorded, as the meeting mode keeps those it saves itself. */
export function savedItemsOf(progress: RecordedProgress): Record<string, SavedItem> {
  return Object.fromEntries(
    progress.items.flatMap((item): [string, SavedItem][] =>
      item.recordedAt
        ? [
            [
              item.itemId,
              {
                itemId: item.itemId,
                recordedAt: item.recordedAt,
                presentUserIds: [...item.presentUserIds],
                personAttended: item.record?.personAttended ?? false,
                summary: item.record?.summary ?? null,
                nextReviewOn: item.record?.nextReviewOn ?? null,
                decisions: item.decisions.map(({ decision, actions }) => ({
                  text: decision.text ?? '',
                  actions: actions.map((action) => ({ ...action })),
                })),
              },
            ],
          ]
        : [],
    ),
  );
}
