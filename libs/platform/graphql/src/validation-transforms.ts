import { ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { InputValidationException } from './errors/input-validation.exception';

/** Surrounding spaces are never meant: trimmed before validation, so « » is empty and refused. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The same for each text of a list. */
export const TrimmedEach = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
  );

export const INVALID_ID_MESSAGE = "L'identifiant n'est pas valide.";

/** An id argument: a malformed one is answered in French, by field, before anything runs. */
export const uuidArgument = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new InputValidationException([{ field, message: INVALID_ID_MESSAGE }]),
  });
