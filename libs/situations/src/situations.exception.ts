import { assertNever, DomainException, PublicError } from '@relais/graphql';

export type SituationsErrorCode =
  'INVALID_SITUATION_TRANSITION' | 'INVALID_ACTION_DATE' | 'NO_ACCEPTED_HANDOFF';

export class SituationsException extends DomainException<SituationsErrorCode> {
  constructor(code: SituationsErrorCode) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
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
      case 'NO_ACCEPTED_HANDOFF':
        return {
          code: 'CONFLICT',
          message:
            'Une situation ne se clôt comme « relayée au droit commun » qu’après un passage de relais accepté.',
        };
      default:
        return assertNever(this.code);
    }
  }
}
