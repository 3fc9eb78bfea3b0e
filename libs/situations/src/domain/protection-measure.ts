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
  valuesMap: {
    NONE: { description: 'Aucune mesure de protection.' },
    SAFEGUARD_OF_JUSTICE: { description: 'Sauvegarde de justice.' },
    CURATORSHIP: { description: 'Curatelle.' },
    REINFORCED_CURATORSHIP: { description: 'Curatelle renforcée.' },
    GUARDIANSHIP: { description: 'Tutelle.' },
    FAMILY_AUTHORISATION: { description: 'Habilitation familiale.' },
    UNKNOWN: { description: "On ne sait pas s'il y a une mesure." },
  },
});
