import { definePolicy, LegalBasis, Role } from '@relais/access';
import { Charter, Membership, Organisation, Session, User } from './entities';

/** Everyone who works in the territory; an auditor reads the audit log and nothing else. */
const DIRECTORY_ROLES = [
  Role.COORDINATOR,
  Role.CELL_MEMBER,
  Role.REFERRER,
  Role.FOLLOWUP_PRACTITIONER,
  Role.TERRITORY_ADMIN,
];

/** What members see of each other's membership; status and suspension are the administrator's. */
export const MEMBERSHIP_DIRECTORY_FIELDS = [
  'id',
  'territoryId',
  'userId',
  'roles',
  'cellId',
  'substituteOfId',
];

const DIRECTORY = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous êtes membre de ce territoire : son annuaire des partenaires vous est ouvert.',
};
const ADMINISTRATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous administrez ce territoire : vous gérez ses partenaires et ses comptes.',
};
const SELF = { basis: LegalBasis.SELF, explanation: 'Il s’agit de votre propre compte.' };

export const identityPolicy = definePolicy({
  name: 'identity',
  subjects: {
    Organisation: { entity: Organisation, description: 'partenaire' },
    User: { entity: User, description: 'compte' },
    Membership: { entity: Membership, description: 'adhésion' },
    Charter: { entity: Charter, description: 'charte du territoire' },
    Session: { entity: Session, description: 'session' },
    Profile: { description: 'mon profil' },
    Password: { description: 'mon mot de passe' },
  },
  define(principal, { allow, allowFields }) {
    allow('read', 'Profile', undefined, SELF);
    allow('end', 'Session', { userId: principal.userId }, SELF);
    allow('change', 'Password', undefined, SELF);
    allow('read', 'User', { id: principal.userId }, SELF);

    // The charter itself is readable before it is accepted: it is what must be accepted.
    const anyRole = principal.territoriesWith(...Object.values(Role));
    if (anyRole.length) {
      allow(
        ['read', 'accept'],
        'Charter',
        { territoryId: { $in: anyRole } },
        {
          basis: LegalBasis.MEMBERSHIP,
          explanation: 'Chaque membre du territoire lit et accepte sa charte.',
        },
      );
    }
    const publishers = principal.territoriesWith(Role.TERRITORY_ADMIN, Role.COORDINATOR);
    if (publishers.length) {
      allow(
        'publish',
        'Charter',
        { territoryId: { $in: publishers } },
        {
          basis: LegalBasis.MEMBERSHIP,
          explanation: 'L’administration et la coordination publient la charte du territoire.',
        },
      );
    }

    const members = principal.clearedTerritoriesWith(...DIRECTORY_ROLES);
    if (members.length) {
      allow('read', 'Organisation', { territoryId: { $in: members } }, DIRECTORY);
      allow('read', 'User', { memberships: { $elemMatch: { territoryId: { $in: members } } } }, DIRECTORY);
      allowFields(
        'read',
        'Membership',
        MEMBERSHIP_DIRECTORY_FIELDS,
        { territoryId: { $in: members } },
        DIRECTORY,
      );
    }

    const administered = principal.clearedTerritoriesWith(Role.TERRITORY_ADMIN);
    if (administered.length) {
      allow(['read', 'create'], 'Organisation', { territoryId: { $in: administered } }, ADMINISTRATION);
      allow(
        ['read', 'create'],
        'User',
        { memberships: { $elemMatch: { territoryId: { $in: administered } } } },
        ADMINISTRATION,
      );
      allow(
        ['read', 'create', 'update'],
        'Membership',
        { territoryId: { $in: administered } },
        ADMINISTRATION,
      );
    }
  },
});
