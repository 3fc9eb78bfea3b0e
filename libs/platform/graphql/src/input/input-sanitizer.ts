import { isCalendarDate, parisDate } from '@relais/config';
import { dateWindowOf, outsideWindow, PLAUSIBLE_DATES } from './date-window';
import { DATE_TIME_MESSAGE } from './strict-date-time';
import { declaredMaxLength, defaultMaxLength, textKindOf } from './text-field';
import { cleanText, TEXT_MESSAGES } from './text-rules';

/** One problem the input layer found, at a path of the argument (`person.firstName`, `items.0`). */
export interface InputProblem {
  path: string[];
  /** The constraint's name, as class-validator would key it. */
  constraint: string;
  message: string;
}

interface Owner {
  /** The object holding the field (an instance of an input class, or a plain object). */
  object: object | undefined;
  property: string;
}

/**
 * Walks one argument as built by class-transformer (nested inputs are instances of their
 * classes), cleans every text in place and lists what it refuses: every string of every input,
 * at any depth, whatever its class declares, so no field can be forgotten.
 */
export function sanitizeInput(
  value: unknown,
  path: string[],
  now: Date,
): { value: unknown; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const cleaned = visit(value, path, undefined, now, problems);
  return { value: cleaned, problems };
}

function visit(
  value: unknown,
  path: string[],
  owner: Owner | undefined,
  now: Date,
  problems: InputProblem[],
): unknown {
  if (typeof value === 'string') return visitText(value, path, owner, now, problems);
  if (value instanceof Date) {
    visitMoment(value, path, owner, now, problems);
    return value;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      value[index] = visit(item, [...path, String(index)], owner, now, problems);
    });
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      record[key] = visit(record[key], [...path, key], { object: record, property: key }, now, problems);
    }
  }
  return value;
}

function visitText(
  raw: string,
  path: string[],
  owner: Owner | undefined,
  now: Date,
  problems: InputProblem[],
): string {
  const property = owner?.property ?? path[path.length - 1] ?? '';
  const kind = textKindOf(owner?.object, property);
  const cleaned = cleanText(raw, kind);
  if (!cleaned.ok) {
    problems.push({ path, constraint: 'textCharacters', message: cleaned.message });
    return raw;
  }
  // A field that declares its bound says so in its own words (class-validator, next); the others
  // get the default one here.
  const max = declaredMaxLength(owner?.object, property) === undefined ? defaultMaxLength(kind) : Infinity;
  if (cleaned.value.length > max) {
    problems.push({ path, constraint: 'textLength', message: TEXT_MESSAGES.tooLong(max) });
    return cleaned.value;
  }
  // A day (`@LocalDate`) is held to its window once it is a real one; an impossible day is left to
  // the field's format rule, which says so.
  const window = owner ? dateWindowOf(owner.object, owner.property) : undefined;
  if (window && isCalendarDate(cleaned.value)) {
    const refusal =
      outsideWindow(cleaned.value, PLAUSIBLE_DATES, now) ?? outsideWindow(cleaned.value, window, now);
    if (refusal) problems.push({ path, constraint: 'dateWindow', message: refusal });
  }
  return cleaned.value;
}

function visitMoment(
  moment: Date,
  path: string[],
  owner: Owner | undefined,
  now: Date,
  problems: InputProblem[],
) {
  if (Number.isNaN(moment.getTime())) {
    problems.push({ path, constraint: 'isDateTime', message: DATE_TIME_MESSAGE });
    return;
  }
  const day = parisDate(moment);
  const refusal = outsideWindow(day, PLAUSIBLE_DATES, now) ?? windowRefusal(day, owner, now);
  if (refusal) problems.push({ path, constraint: 'dateWindow', message: refusal });
}

function windowRefusal(day: string, owner: Owner | undefined, now: Date): string | undefined {
  const window = owner ? dateWindowOf(owner.object, owner.property) : undefined;
  return window ? outsideWindow(day, window, now) : undefined;
}
