import { Role, SharingCategory } from '@relais/access';
import { membersAmong, Membership, MembershipStatus, User } from '@relais/identity';
import { EntityManager, In } from 'typeorm';
import { TeamRole, VacancyReason } from './domain/follow-up.enums';
import { FollowUp, FollowUpTeamMember } from './entities';
import { FollowUpException } from './followups.exception';

/** Who holds a seat of a follow-up's team today, or why nobody does. */
export interface TeamSeat {
  role: TeamRole;
  userId: string | null;
  organisationId: string | null;
  /** The professional's display name (a professional, not the person). */
  holderName: string | null;
  replacement: boolean;
  vacancy: VacancyReason | null;
}

/**
 * Who holds each role today: the replacement in its period, else the titular; vacant when
 * nobody is assigned, or the holder is suspended, lost the follow-up role, left the
 * organisation, or (for the psychiatric seat) is not a health professional. Three statements
 * whatever the number of follow-ups.
 */
export async function teamSeats(
  manager: EntityManager,
  followUps: readonly FollowUp[],
  today: string,
): Promise<Map<string, TeamSeat[]>> {
  const members = await manager.findBy(FollowUpTeamMember, {
    followUpId: In(followUps.map((followUp) => followUp.id)),
  });
  const userIds = [...new Set(members.map((member) => member.userId))];
  const users = userIds.length ? await manager.findBy(User, { id: In(userIds) }) : [];
  const memberships = userIds.length ? await manager.findBy(Membership, { userId: In(userIds) }) : [];
  const result = new Map<string, TeamSeat[]>();
  for (const followUp of followUps) {
    result.set(
      followUp.id,
      Object.values(TeamRole).map((role): TeamSeat => {
        const candidates = members.filter(
          (member) => member.followUpId === followUp.id && member.role === role,
        );
        const replacement = candidates.find(
          (member) =>
            (member.fromOn || member.untilOn) &&
            (!member.fromOn || member.fromOn <= today) &&
            (!member.untilOn || member.untilOn >= today),
        );
        const holder = replacement ?? candidates.find((member) => !member.fromOn && !member.untilOn);
        if (!holder)
          return {
            role,
            userId: null,
            organisationId: null,
            holderName: null,
            replacement: false,
            vacancy: VacancyReason.NOT_ASSIGNED,
          };
        const user = users.find((candidate) => candidate.id === holder.userId);
        const membership = memberships.find(
          (candidate) => candidate.userId === holder.userId && candidate.territoryId === followUp.territoryId,
        );
        const vacancy =
          !membership || membership.status !== MembershipStatus.ACTIVE
            ? VacancyReason.SUSPENDED
            : !membership.roles.includes(Role.FOLLOWUP_PRACTITIONER)
              ? VacancyReason.ROLE_LOST
              : user?.organisationId !== holder.organisationId
                ? VacancyReason.LEFT_ORGANISATION
                : role === TeamRole.PSYCHIATRIC_PROFESSIONAL &&
                    user.sharingCategory !== SharingCategory.HEALTH
                  ? VacancyReason.NOT_A_HEALTH_PROFESSIONAL
                  : null;
        return {
          role,
          userId: holder.userId,
          organisationId: holder.organisationId,
          holderName: user ? displayName(user) : null,
          replacement: Boolean(replacement),
          vacancy,
        };
      }),
    );
  }
  return result;
}

/** How a professional is named to their colleagues: first name, then last name. */
export function displayName(user: Pick<User, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`;
}

/** Active follow-up practitioners of the territory among `userIds`; any other is refused. */
export async function practitioners(
  manager: EntityManager,
  territoryId: string,
  userIds: readonly string[],
): Promise<Map<string, User>> {
  const members = await membersAmong(manager, territoryId, userIds, {
    activeWithRole: Role.FOLLOWUP_PRACTITIONER,
  });
  if (members.size !== new Set(userIds).size) {
    throw new FollowUpException('INVALID_FOLLOW_UP', [
      {
        field: 'team',
        message: "Un des professionnels n'est pas un professionnel d'accompagnement actif du territoire.",
      },
    ]);
  }
  return members;
}

/** The psychiatric seat goes to a health professional; at a start, each role once. */
export function assertTeam(
  team: readonly { role: TeamRole; userId: string }[],
  members: Map<string, User>,
  unique = true,
): void {
  const problems = team
    .filter(
      (seat) =>
        seat.role === TeamRole.PSYCHIATRIC_PROFESSIONAL &&
        members.get(seat.userId)?.sharingCategory !== SharingCategory.HEALTH,
    )
    .map(() => ({
      field: 'team.PSYCHIATRIC_PROFESSIONAL',
      message: 'Le rôle psychiatrique revient à un professionnel de santé (infirmier·ère, psychiatre).',
    }));
  if (unique && new Set(team.map((seat) => seat.role)).size !== team.length) {
    problems.push({ field: 'team', message: 'Chaque rôle une fois.' });
  }
  if (problems.length) throw new FollowUpException('INVALID_FOLLOW_UP', problems);
}
