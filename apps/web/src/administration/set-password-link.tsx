import { useState } from 'react';
import { Button } from '../ui/button';
import { frenchDateTime } from '../ui/written-dates';

export interface SetPasswordLinkResult {
  sentByEmail: boolean;
  link: string | null;
  expiresAt: string | null;
}

/**
 * What the api said of a set-password link: sent by e-mail, or shown this once (kept nowhere) for
 * the administrator to hand over through a safe channel.
 */
export function SetPasswordLinkShown({ person, result }: { person: string; result: SetPasswordLinkResult }) {
  const [copied, setCopied] = useState<boolean>();
  const expires = result.expiresAt ? ` Il est valable jusqu’au ${frenchDateTime(result.expiresAt)}.` : '';
  if (result.sentByEmail || !result.link) {
    return (
      <p>Un e-mail lui a été envoyé avec un lien à usage unique pour choisir son mot de passe.{expires}</p>
    );
  }
  // The api gives a path when it does not know its public address: the page's own origin completes it.
  const link = result.link.startsWith('/') ? `${window.location.origin}${result.link}` : result.link;
  return (
    <>
      <p>
        Aucun envoi d’e-mail n’est configuré : transmettez ce lien à {person} par un canal sûr. Il n’est
        montré qu’une fois et conservé nulle part ; il ne sert qu’une fois.{expires}
      </p>
      <p className="one-time-link">
        <code>{link}</code>
      </p>
      <div className="button-row">
        <Button
          variant="quiet"
          onPress={() => {
            navigator.clipboard.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Copier le lien
        </Button>
        <span role="status">
          {copied === true
            ? 'Lien copié.'
            : copied === false
              ? 'La copie a échoué : sélectionnez le lien.'
              : ''}
        </span>
      </div>
    </>
  );
}
