import { registerEnumType } from '@nestjs/graphql';

export enum CharterKind {
  /** Règlement intérieur de la cellule. */
  RULES = 'RULES',
  /** Charte de confidentialité (secret partagé, information strictement nécessaire). */
  CONFIDENTIALITY = 'CONFIDENTIALITY',
}
registerEnumType(CharterKind, {
  name: 'CharterKind',
  description: 'Règlement intérieur ou charte de confidentialité du territoire.',
  valuesMap: {
    RULES: { description: 'Règlement intérieur de la cellule.' },
    CONFIDENTIALITY: {
      description: 'Charte de confidentialité (secret partagé, information strictement nécessaire).',
    },
  },
});

export const CHARTER_KIND_LABELS: Record<CharterKind, string> = {
  RULES: 'Règlement intérieur',
  CONFIDENTIALITY: 'Charte de confidentialité',
};
