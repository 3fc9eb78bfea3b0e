import { ValidationError } from 'class-validator';
import { frenchConstraintMessage, isEnglishDefault } from '../input/french-constraint-messages';
import { DomainException } from './domain.exception';
import { FieldProblem, PublicError } from './public-error';

/** Each field's problems, dotted path first; a message class-validator left in English is translated. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: isEnglishDefault(message) ? frenchConstraintMessage(constraint, message) : message,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export class InputValidationException extends DomainException<'INVALID_INPUT'> {
  constructor(readonly fields: FieldProblem[]) {
    super('INVALID_INPUT');
  }

  static fromValidationErrors(errors: ValidationError[]): InputValidationException {
    return new InputValidationException(fieldProblems(errors));
  }

  toPublicError(): PublicError {
    return {
      code: 'BAD_USER_INPUT',
      message: 'Certaines informations saisies ne sont pas valides.',
      fields: this.fields,
    };
  }
}
