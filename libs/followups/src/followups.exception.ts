import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type FollowUpErrorCode =
  | 'INVALID_FOLLOW_UP'
  | 'CONSENT_REQUIRED'
  | 'TEAM_INCOMPLETE'
  | 'INVALID_TRANSITION'
  | 'RENEWALS_EXHAUSTED'
  | 'HEALTH_NOTE_RESERVED'
  | 'HANDOFF_NOT_CONSENTED'
  | 'HANDOFFS_UNANSWERED';

export class FollowUpException extends DomainException<FollowUpErrorCode> {
  constructor(
    code: FollowUpErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_FOLLOW_UP':
        return {
          code: 'BAD_USER_INPUT',
          message: "L'accompagnement ne peut pas être enregistré tel quel.",
          fields: this.fields,
        };
      case 'CONSENT_REQUIRED':
        return {
          code: 'CONFLICT',
          message:
            "La personne n'a pas consenti à un accompagnement (finalité « accompagnement » du consentement).",
        };
      case 'TEAM_INCOMPLETE':
        return {
          code: 'CONFLICT',
          message: "L'accompagnement ne peut entrer en phase de soutien qu'avec ses trois rôles tenus.",
          fields: this.fields,
        };
      case 'INVALID_TRANSITION':
        return {
          code: 'INVALID_TRANSITION',
          message: "L'accompagnement n'est pas dans une phase qui permet cette action.",
        };
      case 'RENEWALS_EXHAUSTED':
        return {
          code: 'CONFLICT',
          message: 'Le nombre de renouvellements prévu par le territoire est atteint.',
        };
      case 'HEALTH_NOTE_RESERVED':
        return {
          code: 'FORBIDDEN',
          message:
            'Seul un professionnel de santé peut écrire une note réservée aux professionnels de santé.',
        };
      case 'HANDOFF_NOT_CONSENTED':
        return {
          code: 'CONFLICT',
          message:
            "Le consentement de la personne ne nomme pas ce partenaire pour un passage de relais : recueillez son accord d'abord.",
          fields: [
            { field: 'receivingOrganisationId', message: 'Partenaire non nommé pour le passage de relais.' },
          ],
        };
      case 'HANDOFFS_UNANSWERED':
        return {
          code: 'CONFLICT',
          message:
            "Des passages de relais attendent une réponse : attendez-la, ou indiquez pourquoi l'accompagnement s'arrête.",
        };
      default:
        return assertNever(this.code);
    }
  }
}
