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
