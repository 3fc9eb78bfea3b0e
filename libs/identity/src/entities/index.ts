import { Cell } from './cell.entity';
import { Charter } from './charter.entity';
import { CharterAcceptance } from './charter-acceptance.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { RefreshToken } from './refresh-token.entity';
import { Session } from './session.entity';
import { Territory } from './territory.entity';
import { User } from './user.entity';
import { SetPasswordToken } from './set-password-token.entity';
import { SECOND_FACTOR_ENTITIES } from '../second-factor/entities';

export {
  Cell,
  Charter,
  CharterAcceptance,
  Membership,
  Organisation,
  RefreshToken,
  Session,
  SetPasswordToken,
  Territory,
  User,
};
export type { SessionEndReason } from './session.entity';

export const IDENTITY_ENTITIES = [
  Territory,
  Cell,
  Organisation,
  User,
  Membership,
  Session,
  RefreshToken,
  Charter,
  CharterAcceptance,
  SetPasswordToken,
  ...SECOND_FACTOR_ENTITIES,
];
