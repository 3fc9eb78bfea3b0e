import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type MeetingErrorCode =
  | 'INVALID_MEETING'
  | 'AGENDA_FROZEN'
  | 'INVALID_TRANSITION'
  | 'SITUATION_NOT_SCHEDULABLE'
  | 'NOT_NAMEABLE'
  | 'AGENDA_MISMATCH';

export class MeetingException extends DomainException<MeetingErrorCode> {
  constructor(
    code: MeetingErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_MEETING':
        return {
          code: 'BAD_USER_INPUT',
          message: 'La séance ne peut pas être prévue telle quelle.',
          fields: this.fields,
        };
      case 'AGENDA_FROZEN':
        return {
          code: 'INVALID_TRANSITION',
          message: "L'ordre du jour est publié : il ne peut plus être modifié.",
        };
      case 'INVALID_TRANSITION':
        return {
          code: 'INVALID_TRANSITION',
          message: "La séance n'est pas dans un état qui permet cette action.",
        };
      case 'SITUATION_NOT_SCHEDULABLE':
        return { code: 'CONFLICT', message: 'Cette situation est close ou déjà inscrite à cette séance.' };
      case 'NOT_NAMEABLE':
        return {
          code: 'CONFLICT',
          message:
            "La personne n'a pas (ou plus) consenti à l'examen de sa situation et aucune dérogation n'est validée : elle ne peut pas être inscrite.",
        };
      case 'AGENDA_MISMATCH':
        return {
          code: 'BAD_USER_INPUT',
          message: "Le nouvel ordre doit reprendre chaque point de l'ordre du jour, une fois.",
          fields: [{ field: 'itemIds', message: 'Chaque point, une fois.' }],
        };
      default:
        return assertNever(this.code);
    }
  }
}
