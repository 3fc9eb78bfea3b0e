import { ValidationPipe } from '@nestjs/common';
import { InputValidationException } from './errors/input-validation.exception';

/** Validates every argument before any service runs, so a bad input writes nothing. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => InputValidationException.fromValidationErrors(errors),
  });
}
