import { Action } from './policy/policy';

export const IS_PUBLIC = 'relais:isPublic';
export const ACCESS_REQUIREMENT = 'relais:accessRequirement';

export interface AccessRequirement {
  action: Action;
  subject: string;
}
