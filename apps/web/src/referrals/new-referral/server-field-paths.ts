import { ALL_FIELDS, stepOfField } from './referral-form-values';
import type { FieldName, StepNumber } from './referral-form-values';

/** The operations whose refusals name fields of this form. */
export type FormOperation = 'saveDraft' | 'recordConsent' | 'submitReferral';

/** One of the api's `extensions.fields` entries: a dotted path in the operation's input, and its message. */
export interface ServerFieldProblem {
  field: string;
  message: string;
}

const KNOWN = new Set<string>(ALL_FIELDS);

/** The consent's input names fields the form asks otherwise. */
const CONSENT_RENAMES: Readonly<Record<string, FieldName>> = {
  includesCell: 'consent.recipients',
  organisationIds: 'consent.recipients',
};

/** The submission's conditions, one of them asked the other way round. */
const SUBMIT_RENAMES: Readonly<Record<string, FieldName>> = {
  imminentDanger: 'admissibility.imminentDanger',
  notAnEmergency: 'admissibility.emergency',
  commonLawRoutesTried: 'admissibility.commonLawRoutesTried',
};

/**
 * The form's field for a path the api names (`person.phone`, `input.form.requests`,
 * `form.servicesInvolved.2`, `collectedOn` for a consent), or undefined when no field asks it.
 */
export function formFieldOf(operation: FormOperation, path: string): FieldName | undefined {
  const segments = path.split('.');
  if (segments[0] === 'input') segments.shift();
  // An element of a list is shown on the list.
  const firstIndex = segments.findIndex((segment) => /^\d+$/.test(segment));
  if (firstIndex >= 0) segments.length = firstIndex;
  const relative = segments.join('.');
  if (operation === 'recordConsent') {
    const renamed = CONSENT_RENAMES[relative];
    if (renamed) return renamed;
    const name = `consent.${relative}`;
    return KNOWN.has(name) ? (name as FieldName) : undefined;
  }
  if (operation === 'submitReferral' && SUBMIT_RENAMES[relative]) return SUBMIT_RENAMES[relative];
  return KNOWN.has(relative) ? (relative as FieldName) : undefined;
}

export interface PlacedProblems {
  /** Form field → the api's message, for the fields this form has. */
  fields: Partial<Record<FieldName, string>>;
  /** Messages no field shows, for the notice at the top of the step. */
  unplaced: string[];
  /** The earliest step holding a placed field: where the form goes to show it. */
  step: Exclude<StepNumber, 5> | undefined;
}

export function placeServerProblems(
  operation: FormOperation,
  problems: readonly ServerFieldProblem[],
): PlacedProblems {
  const placed: PlacedProblems = { fields: {}, unplaced: [], step: undefined };
  for (const problem of problems) {
    const field = formFieldOf(operation, problem.field);
    if (!field) {
      placed.unplaced.push(problem.message);
      continue;
    }
    // Two paths may land on one field (the cell and the named partners): both messages are kept.
    const previous = placed.fields[field];
    placed.fields[field] =
      previous && previous !== problem.message ? `${previous} ${problem.message}` : problem.message;
    const step = stepOfField(field);
    if (placed.step === undefined || step < placed.step) placed.step = step;
  }
  return placed;
}

/** The api's field problems, read from an error's extensions (whole paths, unlike `readError().fields`). */
export function serverFieldProblems(extensions: Record<string, unknown>): ServerFieldProblem[] {
  if (!Array.isArray(extensions.fields)) return [];
  return (extensions.fields as { field?: unknown; message?: unknown }[]).flatMap((problem) =>
    typeof problem.field === 'string' && typeof problem.message === 'string'
      ? [{ field: problem.field, message: problem.message }]
      : [],
  );
}
