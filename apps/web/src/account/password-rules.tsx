import { Checkbox } from 'react-aria-components';

/**
 * What the api will accept, in plain words, before anyone types: the rules are the api's
 * (libs/identity password-policy), and its refusal is still what decides.
 */
export function PasswordRules() {
  return (
    <div className="password-rules">
      <p>Votre nouveau mot de passe&nbsp;:</p>
      <ul>
        <li>
          compte au moins 12&nbsp;caractères&nbsp;; tous les caractères sont admis, espaces et accents
          compris&nbsp;;
        </li>
        <li>n’a pas à contenir de majuscule, de chiffre ou de symbole&nbsp;;</li>
        <li>
          ne doit pas être un mot de passe courant ou déjà divulgué (comme «&nbsp;azerty123&nbsp;» ou
          «&nbsp;motdepasse2024&nbsp;»)&nbsp;;
        </li>
        <li>ne doit contenir ni votre prénom, ni votre nom, ni votre adresse e-mail.</li>
      </ul>
      <p>
        Une phrase de quatre ou cinq mots, facile à retenir pour vous et difficile à deviner pour les autres,
        convient très bien.
      </p>
    </div>
  );
}

/** Typing a long passphrase twice is easier when one can read it; off by default. */
export function ShowPasswords({ shown, onChange }: { shown: boolean; onChange(shown: boolean): void }) {
  return (
    <Checkbox className="choice" isSelected={shown} onChange={onChange}>
      <span className="choice-box" aria-hidden="true" />
      <span>Afficher les mots de passe saisis</span>
    </Checkbox>
  );
}

export const CONFIRMATION_MISMATCH =
  'Les deux saisies ne sont pas identiques : saisissez le même mot de passe dans les deux champs.';
