import { describe, expect, it } from '@jest/globals';
import { nextStep, previousStep, stepMoveOf } from './meeting-navigation';

const plain = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
const onPage = { tagName: 'BUTTON' };

describe('moving through the meeting', () => {
  it('goes from the attendance through each item to the end, and back', () => {
    let step = nextStep({ kind: 'attendance' }, 2);
    expect(step).toEqual({ kind: 'item', index: 0 });
    step = nextStep(step, 2);
    expect(step).toEqual({ kind: 'item', index: 1 });
    step = nextStep(step, 2);
    expect(step).toEqual({ kind: 'end' });
    expect(nextStep(step, 2)).toEqual({ kind: 'end' });
    step = previousStep(step, 2);
    expect(step).toEqual({ kind: 'item', index: 1 });
    expect(previousStep({ kind: 'item', index: 0 }, 2)).toEqual({ kind: 'attendance' });
    expect(previousStep({ kind: 'attendance' }, 2)).toEqual({ kind: 'attendance' });
  });

  it('goes straight to the end of a meeting without items', () => {
    expect(nextStep({ kind: 'attendance' }, 0)).toEqual({ kind: 'end' });
    expect(previousStep({ kind: 'end' }, 0)).toEqual({ kind: 'attendance' });
  });

  it('takes Page suivante / Page précédente outside fields and dialogs, alone', () => {
    expect(stepMoveOf({ ...plain, key: 'PageDown' }, onPage)).toBe('next');
    expect(stepMoveOf({ ...plain, key: 'PageUp' }, { tagName: 'body' })).toBe('previous');
    expect(stepMoveOf({ ...plain, key: 'ArrowRight' }, onPage)).toBeUndefined();
    expect(stepMoveOf({ ...plain, key: 'PageDown', ctrlKey: true }, onPage)).toBeUndefined();
    for (const tagName of ['INPUT', 'textarea', 'SELECT']) {
      expect(stepMoveOf({ ...plain, key: 'PageDown' }, { tagName })).toBeUndefined();
    }
    expect(
      stepMoveOf({ ...plain, key: 'PageDown' }, { tagName: 'DIV', isContentEditable: true }),
    ).toBeUndefined();
    expect(stepMoveOf({ ...plain, key: 'PageDown' }, { tagName: 'BUTTON', inDialog: true })).toBeUndefined();
  });
});
