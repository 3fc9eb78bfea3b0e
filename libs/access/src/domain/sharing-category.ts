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
});
