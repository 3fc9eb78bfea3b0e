import { ValidationError } from 'class-validator';
import { DomainException } from './domain.exception';
import { FieldProblem, PublicError } from './public-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export class InputValidationException extends DomainException<'INVALID_INPUT'> {
  constructor(readonly fields: FieldProblem[]) {
    super('INVALID_INPUT');
  }

  static fromValidationErrors(errors: ValidationError[]): InputValidationException {
    return new InputValidationException(flatten(errors));
  }

  toPublicError(): PublicError {
    return {
      code: 'BAD_USER_INPUT',
      message: 'Certaines informations saisies ne sont pas valides.',
      fields: this.fields,
    };
  }
}
