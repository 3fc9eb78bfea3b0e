import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  COORDINATOR = 'COORDINATOR',
  CELL_MEMBER = 'CELL_MEMBER',
  REFERRER = 'REFERRER',
  FOLLOWUP_PRACTITIONER = 'FOLLOWUP_PRACTITIONER',
  TERRITORY_ADMIN = 'TERRITORY_ADMIN',
  AUDITOR = 'AUDITOR',
}
registerEnumType(Role, { name: 'Role', description: "Rôle d'un membre dans un territoire (CLSM)." });

/**
 * The roles that work on situations and so may be related to a person; the administrator and the
 * auditor never read about a person, whatever else they do.
 */
export const WORKING_ROLES: readonly Role[] = [
  Role.COORDINATOR,
  Role.CELL_MEMBER,
  Role.REFERRER,
  Role.FOLLOWUP_PRACTITIONER,
];
