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

export const ROLE_LABELS: Record<Role, string> = {
  COORDINATOR: 'Coordination du CLSM',
  CELL_MEMBER: 'Membre de la cellule',
  REFERRER: 'Auteur de saisines',
  FOLLOWUP_PRACTITIONER: "Professionnel·le d'accompagnement",
  TERRITORY_ADMIN: 'Administration du territoire',
  AUDITOR: 'Audit',
};
