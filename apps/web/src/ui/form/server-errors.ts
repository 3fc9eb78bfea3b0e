import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ShownError } from '../../graphql/errors';

/**
 * Puts each of the api's field errors on the form's field of that name (the last segment of the
 * api's path: `input.person.birthYear` → `birthYear`, unless the form names it with its full path
 * after `input.`). Returns the messages no field of the form could show, for the page's notice.
 */
export function applyServerErrors<Values extends FieldValues>(
  error: ShownError,
  fieldNames: readonly Path<Values>[],
  setError: UseFormSetError<Values>,
): string[] {
  const unplaced: string[] = [];
  const known = new Set<string>(fieldNames);
  let focused = false;
  for (const [field, message] of Object.entries(error.fields)) {
    const name = fieldNames.find((candidate) => candidate === field || candidate.endsWith(`.${field}`));
    if (name && known.has(name)) {
      // The first misfilled field takes the focus, as the form's own checks do.
      setError(name, { type: 'server', message }, { shouldFocus: !focused });
      focused = true;
    } else unplaced.push(message);
  }
  return unplaced;
}

/**
 * `applyServerErrors`, then what the form's notice must still say: the messages no field could
 * show, or the api's general message when it named no field at all (nothing when every field
 * message found its field).
 */
export function formNoticeMessages<Values extends FieldValues>(
  error: ShownError,
  fieldNames: readonly Path<Values>[],
  setError: UseFormSetError<Values>,
): string[] {
  const unplaced = applyServerErrors(error, fieldNames, setError);
  const placed = Object.keys(error.fields).length > unplaced.length;
  return unplaced.length ? unplaced : placed ? [] : [error.message];
}
