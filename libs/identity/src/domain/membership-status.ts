import { registerEnumType } from '@nestjs/graphql';

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
