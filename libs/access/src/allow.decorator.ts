import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { AbilityGuard } from './ability.guard';
import { ACCESS_REQUIREMENT, IS_PUBLIC } from './access-requirement';
import { Action } from './policy/policy';

/** Marks an operation reachable without a session, on purpose (login, refresh). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Declares what an operation needs and refuses, before the resolver runs, a caller whose ability
 * grants it on no row at all. Row-level checks stay in the service every path goes through.
 */
export const Allow = (action: Action, subject: string) =>
  applyDecorators(SetMetadata(ACCESS_REQUIREMENT, { action, subject }), UseGuards(AbilityGuard));
