import { registerEnumType } from '@nestjs/graphql';

export enum HandoffStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(HandoffStatus, {
  name: 'HandoffStatus',
  description: 'Passage de relais proposé, accepté ou décliné.',
  valuesMap: {
    PROPOSED: { description: "Proposé, en attente de la réponse de l'organisation qui le reçoit." },
    ACCEPTED: { description: "Accepté par l'organisation qui le reçoit." },
    DECLINED: { description: "Décliné par l'organisation qui le reçoit, avec un motif." },
  },
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
  valuesMap: {
    NONE: { description: 'Aucun suivi au CMP.' },
    REQUESTED: { description: 'Suivi demandé au CMP.' },
    APPOINTMENT_SET: { description: 'Rendez-vous fixé au CMP.' },
    ONGOING: { description: 'Suivi en cours au CMP.' },
    NOT_NEEDED: { description: 'Suivi au CMP non nécessaire.' },
  },
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
  valuesMap: {
    NONE: { description: 'Aucune procédure.' },
    PRE_LITIGATION: { description: 'Phase précontentieuse, avant toute assignation.' },
    SUMMONS: { description: 'Assignation devant le tribunal.' },
    JUDGMENT: { description: "Jugement d'expulsion rendu." },
    EVICTION_ORDERED: { description: 'Concours de la force publique accordé.' },
    SUSPENDED: { description: 'Procédure suspendue.' },
  },
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
  valuesMap: {
    HEALTH_COVERAGE: {
      description: 'Couverture maladie (assurance maladie, complémentaire santé solidaire).',
    },
    AAH: { description: 'Allocation aux adultes handicapés.' },
    RSA: { description: 'Revenu de solidarité active.' },
    HOUSING_ALLOWANCE: { description: 'Aide au logement (APL, ALS, ALF).' },
    FSL: { description: 'Fonds de solidarité pour le logement.' },
    DISABILITY_RECOGNITION: { description: 'Reconnaissance du handicap par la MDPH (RQTH, orientation).' },
    PROTECTION_MEASURE: { description: 'Mesure de protection juridique.' },
    OTHER: { description: 'Autre droit.' },
  },
});
