import type { Choice } from '../ui/form/form-choice-group';

/** The three ways to receive notifications by e-mail, as a person would choose between them. */
export const EMAIL_MODE_CHOICES: readonly Choice[] = [
  {
    value: 'IMMEDIATE',
    label: 'Un e-mail pour chaque notification',
    description: 'Dès qu’une notification arrive, un e-mail vous prévient.',
  },
  {
    value: 'DAILY_DIGEST',
    label: 'Un résumé par jour',
    description:
      'Un seul e-mail chaque matin, vers 7 h, rassemble les notifications reçues depuis le précédent. Rien les jours sans notification.',
  },
  {
    value: 'NONE',
    label: 'Aucun e-mail',
    description:
      'Les notifications restent dans Relais : vous les voyez en vous connectant, leur nombre s’affiche en haut de chaque page.',
  },
];

export function emailModeLabel(mode: string): string {
  return EMAIL_MODE_CHOICES.find((choice) => choice.value === mode)?.label ?? mode;
}
