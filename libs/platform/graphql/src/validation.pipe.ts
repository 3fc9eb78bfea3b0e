import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Clock, SystemClock } from '@relais/config';
import { ValidationError, ValidatorOptions } from 'class-validator';
import { fieldProblems, InputValidationException } from './errors/input-validation.exception';
import { InputProblem, sanitizeInput } from './input/input-sanitizer';

// @nestjs/graphql's `GqlParamtype.ARGS` (not exported): the parameter type of `@Args()` values.
const GRAPHQL_ARGUMENTS = 3;

const asFieldProblems = (problems: InputProblem[]) =>
  problems.map(({ path, message }) => ({ field: path.join('.'), message }));

/**
 * Validates every argument before any service runs, so a bad input writes nothing. Every text
 * and moment of every argument first goes through the input layer (`sanitizeInput`): cleaned in
 * place (NFC, trimmed, line breaks), refused with control characters, beyond its length bound or
 * outside its date window; then the class's own rules run on the cleaned values.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor(private readonly clock: Clock) {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => InputValidationException.fromValidationErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A lone argument (`reason: String`, an id, a list) has no class to validate it: the input
    // layer still reads it, under the argument's name.
    if ((metadata.type as unknown) === GRAPHQL_ARGUMENTS && !this.toValidate(metadata)) {
      const { value: cleaned, problems } = sanitizeInput(
        value,
        [metadata.data ?? 'argument'],
        this.clock.now(),
      );
      if (problems.length) throw new InputValidationException(asFieldProblems(problems));
      return super.transform(cleaned, metadata);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const { problems } = sanitizeInput(object, [], this.clock.now());
    const errors = await super.validate(object, options);
    if (!problems.length) return errors;
    // The input layer's answer for a field replaces the class's (a NUL byte is not « too short »).
    const own = asFieldProblems(problems);
    const answered = new Set(own.map(({ field }) => field));
    throw new InputValidationException([
      ...own,
      ...fieldProblems(errors).filter(({ field }) => !answered.has(field)),
    ]);
  }
}

export function createValidationPipe(clock: Clock = new SystemClock()): ValidationPipe {
  return new InputValidationPipe(clock);
}
