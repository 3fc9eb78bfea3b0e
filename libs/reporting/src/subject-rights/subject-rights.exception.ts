import { assertNever, DomainException, PublicError } from '@relais/graphql';

export type SubjectRightsErrorCode =
  'PERSON_NOT_FOUND' | 'ALREADY_ANSWERED' | 'ALREADY_STARTED' | 'ERASURE_NOT_ALLOWED';

export class SubjectRightsException extends DomainException<SubjectRightsErrorCode> {
  constructor(
    code: SubjectRightsErrorCode,
    /** For ERASURE_NOT_ALLOWED: the French reasons retention still keeps the data. */
    readonly reasons: readonly string[] = [],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'PERSON_NOT_FOUND':
        return { code: 'NOT_FOUND', message: 'Aucune personne de ce territoire ne correspond.' };
      case 'ALREADY_ANSWERED':
        return {
          code: 'INVALID_TRANSITION',
          message: 'Cette demande a déjà reçu sa réponse : enregistrez une nouvelle demande au besoin.',
        };
      case 'ALREADY_STARTED':
        return { code: 'INVALID_TRANSITION', message: 'Cette demande est déjà en cours de traitement.' };
      case 'ERASURE_NOT_ALLOWED':
        return {
          code: 'CONFLICT',
          message: `L’effacement n’est pas possible aujourd’hui : ${this.reasons.join(' ; ')}. Répondez à la personne par un refus motivé (article 17.3 du RGPD).`,
          extensions: { reason: 'RETENTION_REQUIRED' },
        };
      default:
        return assertNever(this.code);
    }
  }
}
