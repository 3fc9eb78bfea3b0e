import { FollowUp } from './follow-up.entity';
import { FollowUpAct } from './follow-up-act.entity';
import { FollowUpObjective } from './follow-up-objective.entity';
import { FollowUpRenewal } from './follow-up-renewal.entity';
import { FollowUpTeamMember } from './follow-up-team-member.entity';

export { FollowUp, FollowUpAct, FollowUpObjective, FollowUpRenewal, FollowUpTeamMember };

export const FOLLOW_UP_ENTITIES = [
  FollowUp,
  FollowUpTeamMember,
  FollowUpAct,
  FollowUpRenewal,
  FollowUpObjective,
];
