import { assertNever, DomainException, PublicError } from '@relais/graphql';
import { RefusedTarget } from './refusal/access-refusal';

export type AccessErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CHARTER_NOT_ACCEPTED';

export class AccessException extends DomainException<AccessErrorCode> {
  constructor(
    code: AccessErrorCode,
    /** For the security record only; never shown to the caller. */
    readonly target?: RefusedTarget,
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      // Said when existence itself is private: a refused read looks like a missing row.
      case 'NOT_FOUND':
        return { code: 'NOT_FOUND', message: "Cet élément n'existe pas ou ne vous est pas accessible." };
      case 'FORBIDDEN':
        return { code: 'FORBIDDEN', message: "Vous n'avez pas les droits nécessaires pour cette action." };
      case 'CHARTER_NOT_ACCEPTED':
        return {
          code: 'CHARTER_REQUIRED',
          message:
            'Acceptez la version en vigueur de la charte du territoire pour accéder aux informations partagées.',
        };
      default:
        return assertNever(this.code);
    }
  }
}
