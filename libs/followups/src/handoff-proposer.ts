import { AccessException, Principal, Role } from '@relais/access';
import { Situation } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { FollowUp, FollowUpTeamMember } from './entities';

/**
 * The cell (coordinator) hands off for the situation; a team hands off for its own follow-up —
 * the one named, or (`'any'`, to list where it could go) any follow-up of the situation.
 */
export async function assertMayHandOff(
  manager: EntityManager,
  actor: Principal,
  situation: Situation,
  followUpId: string | null | 'any',
): Promise<void> {
  if (actor.clearedTerritoriesWith(Role.COORDINATOR).includes(situation.territoryId)) return;
  const inTeam =
    followUpId !== null &&
    (await manager
      .getRepository(FollowUpTeamMember)
      .createQueryBuilder('member')
      .innerJoin(FollowUp, 'followUp', 'followUp.id = member.followUpId')
      .where('followUp.situationId = :situationId AND member.userId = :userId', {
        situationId: situation.id,
        userId: actor.userId,
      })
      .andWhere(followUpId === 'any' ? 'TRUE' : 'followUp.id = :followUpId', { followUpId })
      .getExists());
  if (!inTeam) throw new AccessException('FORBIDDEN');
}
