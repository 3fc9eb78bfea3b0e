/**
 * Moving through the meeting: the attendance first, then one item at a time, then the end. The
 * screen shows one step; the keys a presenter's remote sends (Page suivante / Page précédente)
 * move between steps when no field is being typed in.
 */
export type MeetingStep = { kind: 'attendance' } | { kind: 'item'; index: number } | { kind: 'end' };

/** The step after `step`, in a meeting of `itemCount` items (the end stays the end). */
export function nextStep(step: MeetingStep, itemCount: number): MeetingStep {
  if (step.kind === 'attendance') return itemCount ? { kind: 'item', index: 0 } : { kind: 'end' };
  if (step.kind === 'item')
    return step.index + 1 < itemCount ? { kind: 'item', index: step.index + 1 } : { kind: 'end' };
  return step;
}

/** The step before `step` (the attendance stays the first). */
export function previousStep(step: MeetingStep, itemCount: number): MeetingStep {
  if (step.kind === 'end') return itemCount ? { kind: 'item', index: itemCount - 1 } : { kind: 'attendance' };
  if (step.kind === 'item')
    return step.index > 0 ? { kind: 'item', index: step.index - 1 } : { kind: 'attendance' };
  return step;
}

export type StepMove = 'next' | 'previous';

/** What a key pressed on the page asks, if anything: only where it types nothing and moves no control. */
export function stepMoveOf(
  key: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
  target: { tagName: string; inputType?: string; isContentEditable?: boolean; inDialog?: boolean },
): StepMove | undefined {
  if (key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return undefined;
  const tag = target.tagName.toUpperCase();
  // In a text field Page suivante scrolls the text; in a list it picks an option.
  // A box or a choice types nothing: the keys still move the meeting from there.
  const choice =
    tag === 'INPUT' && ['checkbox', 'radio', 'button', 'submit'].includes(target.inputType ?? '');
  if ((tag === 'INPUT' && !choice) || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable)
    return undefined;
  // A dialog (the reveal's confirmation) is answered first.
  if (target.inDialog) return undefined;
  if (key.key === 'PageDown') return 'next';
  if (key.key === 'PageUp') return 'previous';
  return undefined;
}
