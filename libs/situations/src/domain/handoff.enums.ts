import { registerEnumType } from '@nestjs/graphql';

export enum HandoffStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(HandoffStatus, {
  name: 'HandoffStatus',
  description: 'Passage de relais proposé, accepté ou décliné.',
});

export enum CmpFollowUpStatus {
  NONE = 'NONE',
  REQUESTED = 'REQUESTED',
  APPOINTMENT_SET = 'APPOINTMENT_SET',
  ONGOING = 'ONGOING',
  NOT_NEEDED = 'NOT_NEEDED',
}
registerEnumType(CmpFollowUpStatus, {
  name: 'CmpFollowUpStatus',
  description: 'Suivi au CMP au moment du relais.',
});

export enum EvictionProcedureState {
  NONE = 'NONE',
  PRE_LITIGATION = 'PRE_LITIGATION',
  SUMMONS = 'SUMMONS',
  JUDGMENT = 'JUDGMENT',
  EVICTION_ORDERED = 'EVICTION_ORDERED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(EvictionProcedureState, {
  name: 'EvictionProcedureState',
  description:
    "État d'une procédure d'expulsion : aucune, précontentieux, assignation, jugement, concours de la force publique, suspendue.",
});

export enum RightOpened {
  HEALTH_COVERAGE = 'HEALTH_COVERAGE',
  AAH = 'AAH',
  RSA = 'RSA',
  HOUSING_ALLOWANCE = 'HOUSING_ALLOWANCE',
  FSL = 'FSL',
  DISABILITY_RECOGNITION = 'DISABILITY_RECOGNITION',
  PROTECTION_MEASURE = 'PROTECTION_MEASURE',
  OTHER = 'OTHER',
}
registerEnumType(RightOpened, {
  name: 'RightOpened',
  description:
    'Droits ouverts : couverture maladie, AAH, RSA, aide au logement, FSL, RQTH/MDPH, mesure de protection…',
});
