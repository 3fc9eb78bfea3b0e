/** Why the link is sent: a new account, or an administrator's reset of a forgotten password. */
export type SetPasswordMailReason = 'ACCOUNT_CREATED' | 'RESET';

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});

/**
 * The mail carrying a set-password link. It names no one and says nothing of the account's roles:
 * whoever reads it learns only that a Relais account waits for a password.
 */
export function renderSetPasswordMail(input: {
  reason: SetPasswordMailReason;
  link: string;
  expiresAt: Date;
}): { subject: string; text: string } {
  const opening =
    input.reason === 'RESET'
      ? "L'administration de votre territoire a réinitialisé l'accès à votre compte Relais : votre ancien mot de passe ne fonctionne plus et vos sessions ouvertes ont été fermées."
      : 'Un compte Relais vient d’être créé pour vous par l’administration de votre territoire.';
  return {
    subject: '[Relais] Définissez votre mot de passe',
    text: [
      'Bonjour,',
      '',
      opening,
      'Pour choisir votre mot de passe, ouvrez ce lien :',
      '',
      input.link,
      '',
      `Ce lien ne sert qu’une fois et expire le ${PARIS.format(input.expiresAt)} (heure de Paris). Passé ce délai, demandez-en un nouveau à l’administration de votre territoire.`,
      '',
      'Choisissez au moins 12 caractères ; une phrase de plusieurs mots, facile à retenir, convient très bien.',
      '',
      'Si vous n’attendiez pas ce message, ne cliquez pas sur le lien et prévenez l’administration de votre territoire.',
      '',
      '— Relais',
    ].join('\n'),
  };
}
