import { RecoveryCode } from './recovery-code.entity';
import { SecondFactor } from './second-factor.entity';
import { SecondFactorEnrolment } from './second-factor-enrolment.entity';

export { RecoveryCode, SecondFactor, SecondFactorEnrolment };

export const SECOND_FACTOR_ENTITIES = [SecondFactor, RecoveryCode, SecondFactorEnrolment];
