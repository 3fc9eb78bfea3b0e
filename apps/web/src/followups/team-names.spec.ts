import { describe, expect, it } from '@jest/globals';
import type { TeamSeat } from './follow-ups.operations';
import { memberNames } from './team-names';

const seat = (role: TeamSeat['role'], userId: string | null, holderName: string | null): TeamSeat => ({
  role,
  userId,
  holderName,
  organisationId: null,
  replacement: false,
  vacancy: userId ? null : 'NOT_ASSIGNED',
  redactedFields: [],
});

describe('team members’ names', () => {
  const team = [
    seat('PATHWAY_COORDINATOR', 'educator', 'Élise Martin'),
    seat('FAMILY_SOCIAL_WORKER', 'tisf', null),
    seat('PSYCHIATRIC_PROFESSIONAL', 'nurse', 'Inès Roy'),
  ];
  const nameOf = memberNames(team, 'nurse');

  it('names the holder, the reader as « (vous) », and the seat when the api sends no name', () => {
    expect(nameOf('educator')).toBe('Élise Martin');
    expect(nameOf('nurse')).toBe('Inès Roy (vous)');
    expect(nameOf('tisf')).toBe('TISF');
  });

  it('says of someone no longer in the team that they are no longer there', () => {
    expect(nameOf('former')).toBe('Un professionnel qui n’est plus dans l’équipe');
  });
});
