import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type RetentionErrorCode =
  'INVALID_RETENTION_POLICY' | 'SITUATION_NOT_HELD_HERE' | 'HOLD_ALREADY_LIFTED';

export class RetentionException extends DomainException<RetentionErrorCode> {
  constructor(
    code: RetentionErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_RETENTION_POLICY':
        return {
          code: 'BAD_USER_INPUT',
          message: 'Ces durées de conservation ne peuvent pas être enregistrées.',
          fields: this.fields,
        };
      case 'SITUATION_NOT_HELD_HERE':
        return {
          code: 'BAD_USER_INPUT',
          message: 'Un gel juridique sur une situation nomme une situation de ce territoire, et elle seule.',
          fields: [{ field: 'situationId', message: 'Choisissez une situation de ce territoire.' }],
        };
      case 'HOLD_ALREADY_LIFTED':
        return { code: 'CONFLICT', message: 'Ce gel juridique est déjà levé.' };
      default:
        return assertNever(this.code);
    }
  }
}
