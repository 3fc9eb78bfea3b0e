import { Role } from '@relais/access';
import { EntityManager } from 'typeorm';
import { MembershipStatus } from './domain/membership-status';
import { Membership, User } from './entities';

/**
 * The accounts among `userIds` that are members of the territory — active, and holding `role` when
 * one is given — in one query. Callers compare the count with what they asked for and refuse in
 * their own words.
 */
export async function membersAmong(
  manager: EntityManager,
  territoryId: string,
  userIds: readonly string[],
  options: { activeWithRole?: Role } = {},
): Promise<Map<string, User>> {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return new Map();
  const query = manager
    .getRepository(User)
    .createQueryBuilder('user')
    .innerJoin(
      Membership,
      'membership',
      'membership.userId = user.id AND membership.territoryId = :territoryId',
      {
        territoryId,
      },
    )
    .where('user.id IN (:...wanted)', { wanted });
  if (options.activeWithRole) {
    query.andWhere('membership.status = :active AND :role = ANY(membership.roles)', {
      active: MembershipStatus.ACTIVE,
      role: options.activeWithRole,
    });
  }
  return new Map((await query.getMany()).map((user) => [user.id, user]));
}
