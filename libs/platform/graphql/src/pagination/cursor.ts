import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, MaxLength, ValidateBy } from 'class-validator';

/** What a page's cursor may hold: the values of the row's sort key, each checked by its reader. */
export type CursorShape = readonly ((value: string) => boolean)[];

export const INVALID_CURSOR_MESSAGE = 'Ce curseur n’est pas valide : reprenez la liste depuis le début.';

/**
 * A position in a list ordered by a key (a due date, then an id): the key's values, opaque to the
 * client. Keyset positions stay right when rows are added or changed between two pages, where an
 * offset would skip or repeat them.
 */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The key's values, or null when the cursor was not written by `encodeCursor` for this shape. */
export function decodeCursor(cursor: string, shape: CursorShape): string[] | null {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values.length !== shape.length) return null;
  const valid = values.every((value, index) => typeof value === 'string' && shape[index](value));
  return valid ? (values as string[]) : null;
}

/** An `after` argument: a cursor of this shape, refused in French before anything runs. */
export function IsCursor(shape: CursorShape): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCursor',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeCursor(value, shape) !== null,
      },
    },
    { message: INVALID_CURSOR_MESSAGE },
  );
}

/**
 * The `after` argument of a paged list: optional, documented alike everywhere, and refused in
 * French when it is not a cursor of this list's shape (or is too long to be one). `maxLength` is
 * raised for keys that carry names.
 */
export function AfterCursor(
  shape: CursorShape,
  options: { maxLength?: number; description?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description:
        options.description ??
        'Pour la page suivante : le endCursor de la page reçue ; absent, la liste commence au début.',
    }),
    IsOptional(),
    MaxLength(options.maxLength ?? 200, { message: INVALID_CURSOR_MESSAGE }),
    IsCursor(shape),
  );
}
