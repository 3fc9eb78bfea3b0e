import { describe, expect, it } from '@jest/globals';
import { archiveNextStep } from './archive-next-step';

const archived = {
  retentionState: 'ARCHIVED' as const,
  anonymisedAt: null,
  anonymiseOn: new Date(2030, 11, 3, 12).toISOString(),
  underLegalHold: false,
};
const due = { dueAt: new Date(2026, 10, 2, 12).toISOString(), description: 'Anonymiser la situation X.' };

describe('what comes next to an archived situation', () => {
  it('gives the anonymisation day, or says it is due now when the dry run lists it', () => {
    expect(archiveNextStep(archived, undefined).headline).toBe('Anonymisation le 3 décembre 2030');
    const now = archiveNextStep(archived, due);
    expect(now.headline).toBe('Anonymisation due depuis le 2 novembre 2026');
    expect(now.detail).toContain('Anonymiser la situation X.');
  });

  it('says a legal hold suspends it, and that nothing follows an anonymisation', () => {
    expect(archiveNextStep({ ...archived, underLegalHold: true }, due).headline).toBe(
      'Anonymisation suspendue',
    );
    const done = archiveNextStep(
      {
        ...archived,
        retentionState: 'ANONYMISED',
        anonymisedAt: new Date(2026, 0, 5, 12).toISOString(),
        anonymiseOn: null,
      },
      undefined,
    );
    expect(done.headline).toBe('Anonymisée le 5 janvier 2026');
  });
});
