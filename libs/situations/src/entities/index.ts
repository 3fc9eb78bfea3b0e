import { Handoff } from './handoff.entity';
import { Person } from './person.entity';
import { PersonIdentity } from './person-identity.entity';
import { Situation } from './situation.entity';
import { SituationAction } from './situation-action.entity';
import { SituationCircleMember } from './situation-circle-member.entity';
import { SituationEvent } from './situation-event.entity';

export { Handoff, Person, PersonIdentity, Situation, SituationAction, SituationCircleMember, SituationEvent };

export const SITUATION_ENTITIES = [
  Person,
  PersonIdentity,
  Situation,
  SituationCircleMember,
  SituationEvent,
  SituationAction,
  Handoff,
];
