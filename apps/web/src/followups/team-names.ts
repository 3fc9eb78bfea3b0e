import type { TeamSeat } from './follow-ups.operations';
import { TEAM_ROLE_LABELS } from './follow-up-words';

/** A team member's name from their id: who holds the seat, or the seat itself when no name is sent. */
export type MemberName = (userId: string) => string;

export function memberNames(team: readonly TeamSeat[], myId: string | undefined): MemberName {
  return (userId) => {
    const seat = team.find((candidate) => candidate.userId === userId);
    const name = seat ? holderName(seat) : undefined;
    if (userId === myId) return name ? `${name} (vous)` : 'Vous';
    if (name) return name;
    return seat ? TEAM_ROLE_LABELS[seat.role] : 'Un professionnel qui n’est plus dans l’équipe';
  };
}

/** Who holds a seat, when the api names them. */
export function holderName(seat: TeamSeat): string | undefined {
  return seat.holderName ?? undefined;
}
