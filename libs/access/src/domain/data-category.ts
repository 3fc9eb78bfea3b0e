import { registerEnumType } from '@nestjs/graphql';

/** What a field about a person reveals; the sharing matrix decides who reads each category. */
export enum DataCategory {
  LOGISTIC = 'LOGISTIC',
  IDENTITY = 'IDENTITY',
  HOUSING = 'HOUSING',
  SOCIAL_CONFIDENTIAL = 'SOCIAL_CONFIDENTIAL',
  HEALTH_SECRET = 'HEALTH_SECRET',
}
registerEnumType(DataCategory, {
  name: 'DataCategory',
  description:
    "Catégorie d'une donnée personnelle : logistique, identité, logement, social confidentiel, secret médical.",
  valuesMap: {
    LOGISTIC: { description: 'Logistique : code de situation, dates, statuts, rendez-vous.' },
    IDENTITY: { description: 'Identité : nom, prénom, date de naissance, coordonnées de la personne.' },
    HOUSING: { description: 'Logement : situation au regard du logement.' },
    SOCIAL_CONFIDENTIAL: {
      description: 'Social confidentiel : difficultés, démarches tentées, motifs, notes sociales.',
    },
    HEALTH_SECRET: {
      description: 'Secret médical : informations de santé, réservées aux professionnel·les de santé.',
    },
  },
});

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  LOGISTIC: 'Logistique',
  IDENTITY: 'Identité',
  HOUSING: 'Logement',
  SOCIAL_CONFIDENTIAL: 'Social confidentiel',
  HEALTH_SECRET: 'Secret médical',
};

/** Reads of these categories are written to the audit log. */
export const AUDITED_READ_CATEGORIES: ReadonlySet<DataCategory> = new Set([
  DataCategory.IDENTITY,
  DataCategory.SOCIAL_CONFIDENTIAL,
  DataCategory.HEALTH_SECRET,
]);
