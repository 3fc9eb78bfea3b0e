import { registerEnumType } from '@nestjs/graphql';

/** Who may receive which shared information, after the professions listed in R1110-2 CSP. */
export enum SharingCategory {
  HEALTH = 'HEALTH',
  SOCIAL_MEDICOSOCIAL = 'SOCIAL_MEDICOSOCIAL',
  NOT_LISTED = 'NOT_LISTED',
}
registerEnumType(SharingCategory, {
  name: 'SharingCategory',
  description: "Catégorie de partage d'informations (article R1110-2 du code de la santé publique).",
  valuesMap: {
    HEALTH: {
      description: 'Professionnel·le de santé : peut recevoir toutes les catégories, secret médical compris.',
    },
    SOCIAL_MEDICOSOCIAL: {
      description:
        'Professionnel·le social·e ou médico-social·e listé·e par l’article : tout sauf le secret médical, sauf partage par un·e professionnel·le de santé.',
    },
    NOT_LISTED: {
      description: 'Hors de la liste (bailleurs, mairies, police…) : seulement la logistique et le logement.',
    },
  },
});
