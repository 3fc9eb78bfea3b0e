import { assertNever, DomainException, PublicError } from '@relais/graphql';

export type SituationsErrorCode =
  'SITUATION_NOT_FOUND' | 'INVALID_SITUATION_TRANSITION' | 'INVALID_ACTION_DATE';

export class SituationsException extends DomainException<SituationsErrorCode> {
  constructor(code: SituationsErrorCode) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'SITUATION_NOT_FOUND':
        return { code: 'NOT_FOUND', message: "Cette situation n'existe pas ou ne vous est pas accessible." };
      case 'INVALID_SITUATION_TRANSITION':
        return {
          code: 'INVALID_TRANSITION',
          message: "La situation n'est pas dans un état qui permet ce changement.",
        };
      case 'INVALID_ACTION_DATE':
        return {
          code: 'BAD_USER_INPUT',
          message: "L'échéance n'est pas une date valide.",
          fields: [{ field: 'dueOn', message: "L'échéance n'est pas une date valide." }],
        };
      default:
        return assertNever(this.code);
    }
  }
}
