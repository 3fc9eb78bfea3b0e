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
registerEnumType(DifficultyArea, {
  name: 'DifficultyArea',
  description: 'Domaine de difficulté.',
  valuesMap: {
    HOUSING_DEBT: { description: 'Dette locative, impayés de loyer.' },
    EVICTION_PROCEDURE: { description: 'Procédure d’expulsion engagée.' },
    NEIGHBOUR_DISTURBANCE: { description: 'Troubles du voisinage, plaintes de voisins.' },
    HYGIENE_HOARDING: { description: 'Incurie, accumulation dans le logement (syndrome de Diogène).' },
    CARE_INTERRUPTION: { description: 'Rupture de soins.' },
    NO_GP: { description: 'Pas de médecin traitant.' },
    SOCIAL_RIGHTS: { description: 'Accès aux droits sociaux.' },
    ISOLATION: { description: 'Isolement.' },
    SAFETY_RISK: { description: 'Risque pour la sécurité de la personne ou d’autrui.' },
    OTHER: { description: 'Autre difficulté.' },
  },
});

export enum ReferralRequest {
  CELL_EXAMINATION = 'CELL_EXAMINATION',
  FOLLOW_UP_ASSESSMENT = 'FOLLOW_UP_ASSESSMENT',
  FOLLOW_UP_HOUSING_SUSTAINMENT = 'FOLLOW_UP_HOUSING_SUSTAINMENT',
  ADVICE = 'ADVICE',
}
registerEnumType(ReferralRequest, {
  name: 'ReferralRequest',
  description: 'Ce qui est demandé à la cellule.',
  valuesMap: {
    CELL_EXAMINATION: { description: 'L’examen de la situation par la cellule.' },
    FOLLOW_UP_ASSESSMENT: { description: 'Un accompagnement de diagnostic-évaluation (trinôme).' },
    FOLLOW_UP_HOUSING_SUSTAINMENT: {
      description: 'Un accompagnement de maintien dans le logement (trinôme).',
    },
    ADVICE: { description: 'Un avis de la cellule.' },
  },
});

export enum Urgency {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(Urgency, {
  name: 'Urgency',
  description: "Degré d'urgence (hors danger imminent, qui relève des urgences).",
  valuesMap: {
    LOW: { description: 'Faible.' },
    MEDIUM: { description: 'Moyenne.' },
    HIGH: { description: 'Élevée (un danger imminent relève des services d’urgence, pas de la cellule).' },
  },
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
  valuesMap: {
    DAC: { description: 'Dispositif d’appui à la coordination (DAC).' },
    MDPH: { description: 'Maison départementale des personnes handicapées (MDPH).' },
    CCAPEX: { description: 'Commission de coordination des actions de prévention des expulsions (CCAPEX).' },
    CLSPD: { description: 'Conseil local de sécurité et de prévention de la délinquance (CLSPD).' },
    EMERGENCY_SERVICES: { description: 'Services d’urgence.' },
    OTHER: { description: 'Autre instance, à préciser dans le message.' },
  },
});

export const REDIRECT_TARGET_LABELS: Record<RedirectTarget, string> = {
  DAC: 'Dispositif d’appui à la coordination (DAC)',
  MDPH: 'Maison départementale des personnes handicapées (MDPH)',
  CCAPEX: 'Commission de coordination des actions de prévention des expulsions (CCAPEX)',
  CLSPD: 'Conseil local de sécurité et de prévention de la délinquance (CLSPD)',
  EMERGENCY_SERVICES: 'Services d’urgence',
  OTHER: 'Autre instance',
};
