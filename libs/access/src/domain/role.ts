import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  COORDINATOR = 'COORDINATOR',
  CELL_MEMBER = 'CELL_MEMBER',
  REFERRER = 'REFERRER',
  FOLLOWUP_PRACTITIONER = 'FOLLOWUP_PRACTITIONER',
  TERRITORY_ADMIN = 'TERRITORY_ADMIN',
  AUDITOR = 'AUDITOR',
  STEERING = 'STEERING',
}
registerEnumType(Role, {
  name: 'Role',
  description: "Rôle d'un membre dans un territoire (CLSM).",
  valuesMap: {
    COORDINATOR: {
      description:
        'Coordinateur·rice du CLSM : reçoit les saisines, prépare l’ordre du jour, anime les séances, publie les comptes rendus.',
    },
    CELL_MEMBER: { description: 'Membre de la cellule de situations complexes.' },
    REFERRER: {
      description: 'Auteur·rice de saisines : saisit la cellule et suit ce que deviennent ses saisines.',
    },
    FOLLOWUP_PRACTITIONER: { description: 'Professionnel·le d’une équipe d’accompagnement (trinôme).' },
    TERRITORY_ADMIN: {
      description:
        'Administrateur·rice du territoire : gère partenaires et comptes, ne lit aucune situation.',
    },
    AUDITOR: { description: 'Auditeur·rice : lit le journal d’audit et rien d’autre.' },
    STEERING: { description: 'Comité de pilotage : lit les bilans d’activité, rien de personnel.' },
  },
});

/**
 * The roles that work on situations and so may be related to a person; the administrator, the
 * auditor and the steering committee never read about a person, whatever else they do.
 */
export const WORKING_ROLES: readonly Role[] = [
  Role.COORDINATOR,
  Role.CELL_MEMBER,
  Role.REFERRER,
  Role.FOLLOWUP_PRACTITIONER,
];
