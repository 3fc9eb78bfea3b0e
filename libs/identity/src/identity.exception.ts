import { assertNever, DomainException, FieldProblem, PublicError } from '@relais/graphql';

export type IdentityErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_REFRESH_TOKEN'
  | 'TERRITORY_NOT_FOUND'
  | 'CELL_NOT_FOUND'
  | 'ORGANISATION_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'MEMBERSHIP_NOT_FOUND'
  | 'EMAIL_ALREADY_USED'
  | 'ORGANISATION_NAME_TAKEN'
  | 'INVALID_IDENTIFIER'
  | 'WEAK_PASSWORD'
  | 'ROLE_NOT_HELD'
  | 'ALREADY_SUSPENDED'
  | 'NOT_SUSPENDED'
  | 'OWN_ACCESS_CHANGE'
  | 'OWN_ROLE_GRANT'
  | 'SUBSTITUTE_NOT_MEMBER'
  | 'CHARTER_SUPERSEDED'
  | 'SHARING_MATRIX_WIDENED'
  | 'WRONG_CURRENT_PASSWORD'
  | 'SECOND_FACTOR_CHECK_WAITING'
  | 'INVALID_SET_PASSWORD_LINK'
  | 'OWN_PASSWORD_RESET'
  | 'SECOND_FACTOR_REQUIRED'
  | 'SECOND_FACTOR_ENROLMENT_REQUIRED'
  | 'SECOND_FACTOR_ENROLMENT_NOT_STARTED'
  | 'SECOND_FACTOR_NOT_ENROLLED'
  | 'INVALID_ENROLMENT_TOKEN'
  | 'INVALID_SECOND_FACTOR_CODE'
  | 'OWN_SECOND_FACTOR_RESET';

export class IdentityException extends DomainException<IdentityErrorCode> {
  constructor(
    code: IdentityErrorCode,
    readonly fields?: FieldProblem[],
    /** More for the client under `extensions` (a second-factor enrolment token): never personal data. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(code);
  }

  toPublicError(): PublicError {
    switch (this.code) {
      case 'INVALID_CREDENTIALS':
        // One message for every failure: unknown address, wrong password, locked or suspended account.
        return {
          code: 'UNAUTHENTICATED',
          message:
            'Identifiants incorrects ou compte momentanément bloqué. Réessayez dans quelques minutes ou contactez votre administrateur.',
        };
      case 'INVALID_REFRESH_TOKEN':
        return { code: 'UNAUTHENTICATED', message: 'Votre session a expiré. Veuillez vous reconnecter.' };
      case 'TERRITORY_NOT_FOUND':
        return { code: 'NOT_FOUND', message: 'Territoire introuvable.' };
      case 'CELL_NOT_FOUND':
        return { code: 'NOT_FOUND', message: 'Cellule introuvable dans ce territoire.' };
      case 'ORGANISATION_NOT_FOUND':
        return { code: 'NOT_FOUND', message: 'Partenaire introuvable dans ce territoire.' };
      case 'USER_NOT_FOUND':
        return { code: 'NOT_FOUND', message: 'Utilisateur introuvable dans ce territoire.' };
      case 'MEMBERSHIP_NOT_FOUND':
        return { code: 'NOT_FOUND', message: "Cet utilisateur n'est pas membre de ce territoire." };
      case 'EMAIL_ALREADY_USED':
        return {
          code: 'CONFLICT',
          message: 'Un compte existe déjà avec cette adresse e-mail.',
          fields: [{ field: 'email', message: 'Cette adresse e-mail est déjà utilisée.' }],
        };
      case 'ORGANISATION_NAME_TAKEN':
        return {
          code: 'CONFLICT',
          message: 'Un partenaire porte déjà ce nom dans ce territoire.',
          fields: [{ field: 'name', message: 'Ce nom est déjà utilisé.' }],
        };
      case 'INVALID_IDENTIFIER':
      case 'WEAK_PASSWORD':
        return {
          code: 'BAD_USER_INPUT',
          message: 'Certaines informations saisies ne sont pas valides.',
          fields: this.fields,
        };
      case 'ROLE_NOT_HELD':
        return { code: 'CONFLICT', message: "Cet utilisateur n'a pas ce rôle dans ce territoire." };
      case 'ALREADY_SUSPENDED':
        return { code: 'INVALID_TRANSITION', message: 'Cet accès est déjà suspendu.' };
      case 'NOT_SUSPENDED':
        return { code: 'INVALID_TRANSITION', message: "Cet accès n'est pas suspendu." };
      case 'OWN_ACCESS_CHANGE':
        return {
          code: 'FORBIDDEN',
          message:
            'Vous ne pouvez pas suspendre votre propre accès ni retirer votre propre rôle d’administration.',
        };
      case 'OWN_ROLE_GRANT':
        return {
          code: 'FORBIDDEN',
          message:
            'Vous ne pouvez pas vous attribuer de rôle ni rétablir votre propre accès : demandez-le à un autre administrateur du territoire.',
          extensions: { reason: 'OWN_ROLE_GRANT' },
        };
      case 'SUBSTITUTE_NOT_MEMBER':
        return {
          code: 'BAD_USER_INPUT',
          message: 'La personne suppléée doit être membre de ce territoire.',
          fields: [
            { field: 'substituteOfUserId', message: "Cette personne n'est pas membre du territoire." },
          ],
        };
      case 'CHARTER_SUPERSEDED':
        return {
          code: 'CONFLICT',
          message: "Une nouvelle version de cette charte a été publiée : lisez-la avant de l'accepter.",
        };
      case 'SHARING_MATRIX_WIDENED':
        return {
          code: 'BAD_USER_INPUT',
          message:
            'Un territoire peut restreindre la matrice de partage, jamais l’élargir au-delà de la loi.',
          fields: this.fields,
        };
      case 'SECOND_FACTOR_REQUIRED':
        return {
          code: 'SECOND_FACTOR_REQUIRED',
          message:
            "Saisissez le code à six chiffres de votre application d'authentification, ou l'un de vos codes de secours.",
        };
      case 'SECOND_FACTOR_ENROLMENT_REQUIRED':
        return {
          code: 'SECOND_FACTOR_ENROLMENT_REQUIRED',
          message:
            "Votre compte doit être protégé par un second facteur : ajoutez Relais à une application d'authentification pour continuer.",
          extensions: this.extensions,
        };
      case 'SECOND_FACTOR_ENROLMENT_NOT_STARTED':
        return {
          code: 'INVALID_TRANSITION',
          message:
            "Affichez d'abord le code QR de l'enrôlement, puis saisissez le code de votre application.",
        };
      case 'SECOND_FACTOR_NOT_ENROLLED':
        return { code: 'CONFLICT', message: "Aucun second facteur n'est enregistré pour ce compte." };
      case 'INVALID_ENROLMENT_TOKEN':
        return {
          code: 'UNAUTHENTICATED',
          message: 'Cet enrôlement a expiré ou a déjà servi : reconnectez-vous pour en commencer un nouveau.',
        };
      case 'SECOND_FACTOR_CHECK_WAITING':
        // A signed-in person is not signed out for it: the refusal is about the code, not the session.
        return {
          code: 'BAD_USER_INPUT',
          message: 'Trop d’essais ont échoué : patientez quelques minutes avant de saisir un nouveau code.',
          fields: [{ field: 'code', message: 'Patientez quelques minutes avant un nouvel essai.' }],
        };
      case 'INVALID_SECOND_FACTOR_CODE':
        return {
          code: 'BAD_USER_INPUT',
          message: "Ce code n'est pas valide. Saisissez le code affiché en ce moment par votre application.",
          fields: [{ field: 'code', message: "Ce code n'est pas valide." }],
        };
      case 'OWN_SECOND_FACTOR_RESET':
        return {
          code: 'FORBIDDEN',
          message:
            'Vous ne pouvez pas réinitialiser votre propre second facteur : demandez-le à un autre administrateur du territoire.',
          extensions: { reason: 'OWN_SECOND_FACTOR_RESET' },
        };
      case 'WRONG_CURRENT_PASSWORD':
        // Also the answer while the account waits after too many failures: one message for both.
        return {
          code: 'BAD_USER_INPUT',
          message:
            'Le mot de passe actuel est incorrect, ou trop d’essais ont échoué : réessayez dans quelques minutes.',
          fields: [{ field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
        };
      case 'INVALID_SET_PASSWORD_LINK':
        return {
          code: 'BAD_USER_INPUT',
          message:
            "Ce lien n'est plus valable : il a déjà servi, il a expiré ou il est incomplet. Demandez-en un nouveau à l'administration de votre territoire.",
          fields: [{ field: 'token', message: "Ce lien n'est plus valable." }],
        };
      case 'OWN_PASSWORD_RESET':
        return {
          code: 'FORBIDDEN',
          message:
            'Pour votre propre compte, utilisez « Changer mon mot de passe » ; un autre administrateur du territoire peut réinitialiser votre accès.',
        };
      default:
        return assertNever(this.code);
    }
  }
}
