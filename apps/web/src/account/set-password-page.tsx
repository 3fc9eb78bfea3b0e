import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { SIGN_IN_PATH } from '../routing/router';
import { Button } from '../ui/button';
import { FormTextField } from '../ui/form/form-text-field';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { SetPasswordMutation } from './account.operations';
import './account.css';
import { fieldMessages, readSetPasswordToken } from './password-link';
import { CONFIRMATION_MISMATCH, PasswordRules, ShowPasswords } from './password-rules';
import '../ui/page-parts.css';

interface Values {
  newPassword: string;
  confirmation: string;
}

type Outcome = { kind: 'form' } | { kind: 'done' } | { kind: 'link-refused'; message: string };

const INCOMPLETE_LINK =
  'Ce lien est incomplet : la fin de l’adresse manque. Ouvrez le lien depuis l’e-mail reçu, en entier, ou demandez-en un nouveau.';

const TITLES: Record<Outcome['kind'], string> = {
  form: 'Choisir votre mot de passe',
  done: 'Mot de passe enregistré',
  'link-refused': 'Lien plus valable',
};

/** Choosing one's password from the one-time link the api sent (new account, or access reset). */
export function SetPasswordPage() {
  // Read once from the fragment, which no server receives; then taken out of the address bar and
  // of the history, so the token is neither shown on screen nor found by the back button.
  const [token] = useState(() => readSetPasswordToken(window.location.hash));
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);

  const [outcome, setOutcome] = useState<Outcome>(
    token ? { kind: 'form' } : { kind: 'link-refused', message: INCOMPLETE_LINK },
  );
  const [topError, setTopError] = useState<string | undefined>();
  const [shown, setShown] = useState(false);
  const [state, setPassword] = useMutation(SetPasswordMutation);
  const { control, handleSubmit, setError, getValues } = useForm<Values>({
    defaultValues: { newPassword: '', confirmation: '' },
  });
  usePageTitle(TITLES[outcome.kind]);

  // A new outcome is a new page for a screen reader: its heading is read from the start.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, outcome.kind);

  async function submit(values: Values) {
    if (!token) return;
    setTopError(undefined);
    const result = await setPassword({ input: { token, newPassword: values.newPassword } });
    if (result.data?.setPassword) return setOutcome({ kind: 'done' });
    if (!result.error) return;
    const refusal = readError(result.error);
    if (refusal.fields.token) return setOutcome({ kind: 'link-refused', message: refusal.message });
    const problems = fieldMessages(refusal, 'newPassword');
    if (problems.length) {
      setError('newPassword', { type: 'server', message: problems.join(' ') }, { shouldFocus: true });
    } else setTopError(refusal.message);
  }

  if (outcome.kind === 'done') {
    return (
      <div className="narrow">
        <h1 ref={heading} tabIndex={-1}>
          Mot de passe enregistré
        </h1>
        <Notice tone="success">
          <p>Votre mot de passe est enregistré. Le lien reçu par e-mail ne servira plus.</p>
        </Notice>
        <p>
          Connectez-vous avec votre adresse e-mail et ce mot de passe. Relais vous demandera ensuite le code
          de votre application d’authentification, ou vous guidera pour en installer une si ce n’est pas
          encore fait.
        </p>
        <p>
          <Link to={SIGN_IN_PATH}>Se connecter à Relais</Link>
        </p>
      </div>
    );
  }

  if (outcome.kind === 'link-refused') {
    return (
      <div className="narrow">
        <h1 ref={heading} tabIndex={-1}>
          Ce lien n’est plus valable
        </h1>
        <Notice tone="error">{outcome.message}</Notice>
        <p>
          Un lien pour choisir son mot de passe ne sert qu’une fois et n’est valable que quelques jours.
          Demandez-en un nouveau à l’administration de Relais dans votre territoire : vous le recevrez par
          e-mail. Si vous ne savez pas qui la tient, la coordination de votre CLSM vous le dira.
        </p>
        <p>
          Vous avez déjà choisi votre mot de passe ? <Link to={SIGN_IN_PATH}>Se connecter à Relais</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        Choisir votre mot de passe
      </h1>
      <p>Ce mot de passe vous servira à vous connecter à Relais, avec votre adresse e-mail.</p>
      {topError ? <Notice tone="error">{topError}</Notice> : null}
      <PasswordRules />
      <Form className="form" onSubmit={(event) => void handleSubmit(submit)(event)}>
        <FormTextField
          control={control}
          name="newPassword"
          label="Nouveau mot de passe"
          hint="12 caractères au moins ; une phrase de plusieurs mots convient très bien."
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          rules={{ required: 'Choisissez un mot de passe.' }}
        />
        <FormTextField
          control={control}
          name="confirmation"
          label="Le même mot de passe, une seconde fois"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          rules={{
            required: 'Saisissez une seconde fois le mot de passe choisi.',
            validate: (confirmation) => confirmation === getValues('newPassword') || CONFIRMATION_MISMATCH,
          }}
        />
        <ShowPasswords shown={shown} onChange={setShown} />
        <Button type="submit" isPending={state.fetching}>
          Enregistrer mon mot de passe
        </Button>
      </Form>
    </div>
  );
}
