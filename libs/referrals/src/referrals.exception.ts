import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';
import { EMERGENCY_GUIDANCE } from './domain/emergency-guidance';

export type ReferralErrorCode =
  | 'INVALID_TRANSITION'
  | 'NOT_ADMISSIBLE'
  | 'IMMINENT_DANGER'
  | 'HEALTH_INFORMATION_RESERVED'
  | 'INCOMPLETE_FORM'
  | 'CONSENT_REQUIRED'
  | 'NOT_THE_DUPLICATE';

export class ReferralException extends DomainException<ReferralErrorCode> {
  constructor(
    code: ReferralErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_TRANSITION':
        return {
          code: 'INVALID_TRANSITION',
          message: "La saisine n'est pas dans un état qui permet cette action.",
        };
      case 'NOT_ADMISSIBLE':
        return {
          code: 'BAD_USER_INPUT',
          message:
            'La cellule intervient quand les voies de droit commun ont été tentées et hors urgence : confirmez-le pour transmettre.',
          fields: this.fields,
        };
      case 'IMMINENT_DANGER':
        return {
          code: 'EMERGENCY',
          message: EMERGENCY_GUIDANCE.join(' '),
          extensions: { guidance: EMERGENCY_GUIDANCE },
        };
      case 'HEALTH_INFORMATION_RESERVED':
        return {
          code: 'FORBIDDEN',
          message: 'Seul un professionnel de santé peut écrire des informations de santé.',
          fields: [{ field: 'form.healthInformation', message: 'Réservé aux professionnels de santé.' }],
        };
      case 'INCOMPLETE_FORM':
        return {
          code: 'BAD_USER_INPUT',
          message: 'La fiche de saisine est incomplète.',
          fields: this.fields,
        };
      case 'CONSENT_REQUIRED':
        return {
          code: 'CONFLICT',
          message:
            'La cellule ne peut accepter la saisine sans le consentement de la personne pour son examen, ou une dérogation validée : demandez-le à l’auteur.',
        };
      case 'NOT_THE_DUPLICATE':
        return {
          code: 'BAD_USER_INPUT',
          message: "Cette personne n'est pas le doublon signalé pour cette saisine.",
          fields: [
            {
              field: 'samePersonAsPersonId',
              message: 'Choisissez la personne signalée comme doublon possible.',
            },
          ],
        };
      default:
        return assertNever(this.code);
    }
  }
}
