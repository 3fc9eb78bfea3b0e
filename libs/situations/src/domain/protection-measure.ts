import { registerEnumType } from '@nestjs/graphql';

/** Mesure de protection juridique des majeurs (code civil, art. 425 s.). */
export enum ProtectionMeasure {
  NONE = 'NONE',
  SAFEGUARD_OF_JUSTICE = 'SAFEGUARD_OF_JUSTICE',
  CURATORSHIP = 'CURATORSHIP',
  REINFORCED_CURATORSHIP = 'REINFORCED_CURATORSHIP',
  GUARDIANSHIP = 'GUARDIANSHIP',
  FAMILY_AUTHORISATION = 'FAMILY_AUTHORISATION',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ProtectionMeasure, {
  name: 'ProtectionMeasure',
  description:
    'Mesure de protection : aucune, sauvegarde de justice, curatelle, curatelle renforcée, tutelle, habilitation familiale.',
});
