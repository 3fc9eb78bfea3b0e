import { ParseUUIDPipe } from '@nestjs/common';
import { InputValidationException } from './errors/input-validation.exception';

export const INVALID_ID_MESSAGE = "L'identifiant n'est pas valide.";

/** An id argument: a malformed one is answered in French, by field, before anything runs. */
export const uuidArgument = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new InputValidationException([{ field, message: INVALID_ID_MESSAGE }]),
  });
