import { AccessException, AccessService, asSubject, Principal, Role } from '@relais/access';
import { parisDate } from '@relais/config';
import { Situation, SituationStatus } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { FollowUp, FollowUpTeamMember } from './entities';

/**
 * The open situation `actor` may hand off, or NOT_FOUND / FORBIDDEN: the cell (coordinator) hands
 * off for the situation; a team hands off for its own follow-up — the one named, or (`'any'`, to
 * list where it could go) any follow-up of the situation.
 */
export async function situationToHandOff(
  manager: EntityManager,
  access: AccessService,
  actor: Principal,
  situationId: string,
  followUpId: string | null | 'any',
): Promise<Situation> {
  const situation = await manager.findOneBy(Situation, { id: situationId });
  if (!situation || situation.status === SituationStatus.CLOSED) throw new AccessException('NOT_FOUND');
  access.assertCan(
    actor,
    'propose',
    asSubject('Handoff', { territoryId: situation.territoryId }),
    'FORBIDDEN',
  );
  if (actor.clearedTerritoriesWith(Role.COORDINATOR).includes(situation.territoryId)) return situation;
  const inTeam =
    followUpId !== null &&
    (await manager
      .getRepository(FollowUpTeamMember)
      .createQueryBuilder('member')
      .innerJoin(FollowUp, 'followUp', 'followUp.id = member.followUpId')
      // A seat not over, as the team's rules have it: a past replacement hands nothing off.
      .where(
        'followUp.situationId = :situationId AND member.userId = :userId AND (member.untilOn IS NULL OR member.untilOn >= :today)',
        { situationId: situation.id, userId: actor.userId, today: parisDate(actor.now) },
      )
      .andWhere(followUpId === 'any' ? 'TRUE' : 'followUp.id = :followUpId', { followUpId })
      .getExists());
  if (!inTeam) throw new AccessException('FORBIDDEN');
  return situation;
}
