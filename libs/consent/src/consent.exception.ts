import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type ConsentErrorCode =
  | 'INVALID_CONSENT'
  | 'CONSENT_NOT_IN_FORCE'
  | 'INVALID_DEROGATION'
  | 'SECOND_APPROVER_REQUIRED'
  | 'DEROGATION_ALREADY_DECIDED';

export class ConsentDomainException extends DomainException<ConsentErrorCode> {
  constructor(
    code: ConsentErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_CONSENT':
        return {
          code: 'BAD_USER_INPUT',
          message: 'Le consentement ne peut pas être enregistré tel quel.',
          fields: this.fields,
        };
      case 'CONSENT_NOT_IN_FORCE':
        return {
          code: 'INVALID_TRANSITION',
          message: "Ce consentement n'est plus en vigueur : il ne peut pas être retiré.",
        };
      case 'INVALID_DEROGATION':
        return {
          code: 'BAD_USER_INPUT',
          message: 'La dérogation ne peut pas être demandée telle quelle.',
          fields: this.fields,
        };
      case 'SECOND_APPROVER_REQUIRED':
        return {
          code: 'FORBIDDEN',
          message:
            'Une dérogation doit être validée par un second professionnel de santé ou du social, qui n’en est pas l’auteur.',
        };
      case 'DEROGATION_ALREADY_DECIDED':
        return { code: 'INVALID_TRANSITION', message: 'Cette dérogation a déjà été validée ou refusée.' };
      default:
        return assertNever(this.code);
    }
  }
}
