import { assertNever, DomainException, PublicError } from '@relais/graphql';

export type IdentityRevealErrorCode =
  | 'MEETING_NOT_IN_SESSION'
  | 'PRESENCE_NOT_RECORDED'
  | 'CONSENT_NOT_IN_FORCE'
  | 'IDENTITY_NOT_COVERED'
  | 'ORGANISATIONS_NOT_NAMED'
  | 'OUTSIDE_SHARING_MATRIX';

/** An organisation in the room that the person's consent does not name: organisations, never people. */
export interface UncoveredOrganisation {
  readonly id: string;
  readonly name: string;
}

/** Why the coordinator may not show a person's identity to the room, in French. */
export class IdentityRevealException extends DomainException<IdentityRevealErrorCode> {
  constructor(
    code: IdentityRevealErrorCode,
    readonly uncovered: readonly UncoveredOrganisation[] = [],
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'MEETING_NOT_IN_SESSION':
        return {
          code: 'INVALID_TRANSITION',
          message:
            "L'identité ne peut être dévoilée qu'en séance : ordre du jour publié, compte rendu pas encore publié.",
        };
      case 'PRESENCE_NOT_RECORDED':
        return {
          code: 'CONFLICT',
          message:
            "Enregistrez d'abord les présences : l'identité n'est dévoilée qu'à des partenaires connus, nommés par le consentement.",
        };
      case 'CONSENT_NOT_IN_FORCE':
        return {
          code: 'FORBIDDEN',
          message:
            "La personne n'a pas de consentement en vigueur (absent, refusé, retiré ou expiré) : elle reste désignée par son code.",
        };
      case 'IDENTITY_NOT_COVERED':
        return {
          code: 'FORBIDDEN',
          message:
            'Le consentement de la personne ne couvre pas son identité : elle reste désignée par son code.',
        };
      case 'ORGANISATIONS_NOT_NAMED':
        return {
          code: 'FORBIDDEN',
          message: `Le consentement de la personne ne nomme pas ${this.uncovered.length > 1 ? 'ces organisations présentes' : 'cette organisation présente'} : ${this.uncovered.map((organisation) => organisation.name).join(', ')}. L'identité n'est pas dévoilée.`,
          extensions: { uncoveredOrganisations: this.uncovered.map(({ id, name }) => ({ id, name })) },
        };
      case 'OUTSIDE_SHARING_MATRIX':
        return {
          code: 'FORBIDDEN',
          message: `Des personnes présentes ne peuvent pas recevoir une identité, quel que soit le consentement (matrice de partage du territoire) : ${this.uncovered.map((organisation) => organisation.name).join(', ')}. L'identité n'est pas dévoilée.`,
          extensions: { uncoveredOrganisations: this.uncovered.map(({ id, name }) => ({ id, name })) },
        };
      default:
        return assertNever(this.code);
    }
  }
}
