import { DomainException } from './domain.exception';
import { assertNever, PublicError } from './public-error';

export type RequestErrorCode =
  'NOT_AUTHENTICATED' | 'SESSION_EXPIRED' | 'ACCESS_SUSPENDED' | 'NOT_ALLOWED' | 'CLIENT_HEADER_REQUIRED';

/** Errors about the request itself rather than a context's rules: who is calling, and may they call. */
export class RequestException extends DomainException<RequestErrorCode> {
  constructor(code: RequestErrorCode) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'NOT_AUTHENTICATED':
        return { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' };
      case 'SESSION_EXPIRED':
        return { code: 'UNAUTHENTICATED', message: 'Votre session a expiré. Veuillez vous reconnecter.' };
      case 'ACCESS_SUSPENDED':
        return {
          code: 'UNAUTHENTICATED',
          message: "Votre accès est suspendu. Contactez l'administrateur de votre territoire.",
        };
      case 'NOT_ALLOWED':
        return { code: 'FORBIDDEN', message: "Vous n'avez pas les droits nécessaires pour cette action." };
      case 'CLIENT_HEADER_REQUIRED':
        // A cookie without the client's header: a page of another site, or a client that forgot it.
        return {
          code: 'FORBIDDEN',
          message:
            'Requête refusée : une session de navigateur ne s’utilise que depuis l’application Relais.',
          extensions: { reason: 'CLIENT_HEADER_REQUIRED' },
        };
      default:
        return assertNever(this.code);
    }
  }
}
