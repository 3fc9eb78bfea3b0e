import { registerEnumType } from '@nestjs/graphql';

export enum DifficultyArea {
  HOUSING_DEBT = 'HOUSING_DEBT',
  EVICTION_PROCEDURE = 'EVICTION_PROCEDURE',
  NEIGHBOUR_DISTURBANCE = 'NEIGHBOUR_DISTURBANCE',
  HYGIENE_HOARDING = 'HYGIENE_HOARDING',
  CARE_INTERRUPTION = 'CARE_INTERRUPTION',
  NO_GP = 'NO_GP',
  SOCIAL_RIGHTS = 'SOCIAL_RIGHTS',
  ISOLATION = 'ISOLATION',
  SAFETY_RISK = 'SAFETY_RISK',
  OTHER = 'OTHER',
}
registerEnumType(DifficultyArea, { name: 'DifficultyArea', description: 'Domaine de difficulté.' });

export enum ReferralRequest {
  CELL_EXAMINATION = 'CELL_EXAMINATION',
  FOLLOW_UP_ASSESSMENT = 'FOLLOW_UP_ASSESSMENT',
  FOLLOW_UP_HOUSING_SUSTAINMENT = 'FOLLOW_UP_HOUSING_SUSTAINMENT',
  ADVICE = 'ADVICE',
}
registerEnumType(ReferralRequest, {
  name: 'ReferralRequest',
  description: 'Ce qui est demandé à la cellule.',
});

export enum Urgency {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(Urgency, {
  name: 'Urgency',
  description: "Degré d'urgence (hors danger imminent, qui relève des urgences).",
});

export enum RedirectTarget {
  DAC = 'DAC',
  MDPH = 'MDPH',
  CCAPEX = 'CCAPEX',
  CLSPD = 'CLSPD',
  EMERGENCY_SERVICES = 'EMERGENCY_SERVICES',
  OTHER = 'OTHER',
}
registerEnumType(RedirectTarget, {
  name: 'RedirectTarget',
  description: 'Instance vers laquelle la saisine est réorientée.',
});

export const REDIRECT_TARGET_LABELS: Record<RedirectTarget, string> = {
  DAC: 'Dispositif d’appui à la coordination (DAC)',
  MDPH: 'Maison départementale des personnes handicapées (MDPH)',
  CCAPEX: 'Commission de coordination des actions de prévention des expulsions (CCAPEX)',
  CLSPD: 'Conseil local de sécurité et de prévention de la délinquance (CLSPD)',
  EMERGENCY_SERVICES: 'Services d’urgence',
  OTHER: 'Autre instance',
};
