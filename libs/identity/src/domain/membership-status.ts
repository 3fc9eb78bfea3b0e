import { registerEnumType } from '@nestjs/graphql';

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'État de l’adhésion d’un membre au territoire.',
  valuesMap: {
    ACTIVE: { description: 'Active : le membre agit avec ses rôles.' },
    SUSPENDED: {
      description:
        'Suspendue par l’administrateur·rice : aucun rôle dans ce territoire jusqu’à réactivation.',
    },
  },
});
