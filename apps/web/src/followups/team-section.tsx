import { FollowUpSection } from './follow-up-section';
import type { FollowUpDetail } from './follow-ups.operations';
import { TEAM_ROLE_DESCRIPTIONS, TEAM_ROLES, VACANCY_LABELS } from './follow-up-words';
import { holderName } from './team-names';

/** The trinôme: who holds each seat today, who replaces whom, and why a seat is vacant. */
export function TeamSection({ followUp, myId }: { followUp: FollowUpDetail; myId?: string }) {
  const seats = TEAM_ROLES.map((role) => ({ role, seat: followUp.team.find((seat) => seat.role === role) }));
  return (
    <FollowUpSection id="equipe" title="L’équipe">
      <ul className="situation-list">
        {seats.map(({ role, seat }) => (
          <li key={role}>
            <strong>{TEAM_ROLE_DESCRIPTIONS[role]}</strong>
            <span className="status-detail">
              {!seat || seat.vacancy ? (
                <span className="status-tag status-tag-attention">
                  {VACANCY_LABELS[seat?.vacancy ?? 'NOT_ASSIGNED']}
                </span>
              ) : (
                <>
                  {holderName(seat) ?? 'Tenu'}
                  {seat.userId === myId ? ' (vous)' : ''}
                  {seat.replacement ? ' — en remplacement' : ''}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </FollowUpSection>
  );
}
