import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type RemindersErrorCode = 'INVALID_REMINDER_POLICY';

export class RemindersException extends DomainException<RemindersErrorCode> {
  constructor(
    code: RemindersErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_REMINDER_POLICY':
        return {
          code: 'BAD_USER_INPUT',
          message: 'Ce réglage des rappels ne peut pas être enregistré.',
          fields: this.fields,
        };
      default:
        return assertNever(this.code);
    }
  }
}
