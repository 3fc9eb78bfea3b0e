import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { FormTextField } from '../ui/form/form-text-field';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { ChangePasswordMutation } from './account.operations';
import './account.css';
import { fieldMessages } from './password-link';
import { CONFIRMATION_MISMATCH, PasswordRules, ShowPasswords } from './password-rules';
import '../ui/page-parts.css';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmation: '' };

/** Changing one's own password while signed in; the api closes the account's other sessions. */
export function ChangePasswordPage() {
  usePageTitle('Changer mon mot de passe');
  const [state, changePassword] = useMutation(ChangePasswordMutation);
  const [changed, setChanged] = useState(false);
  const [topError, setTopError] = useState<string | undefined>();
  const [shown, setShown] = useState(false);
  const { control, handleSubmit, setError, getValues, reset } = useForm<Values>({ defaultValues: EMPTY });
  const confirmation = useRef<HTMLDivElement>(null);

  useFocusOnChange(confirmation, changed);

  async function submit(values: Values) {
    setTopError(undefined);
    setChanged(false);
    const result = await changePassword({
      input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    if (result.data?.changePassword) {
      reset(EMPTY);
      setShown(false);
      return setChanged(true);
    }
    if (!result.error) return;
    const refusal = readError(result.error);
    let focused = false;
    for (const field of ['currentPassword', 'newPassword'] as const) {
      const problems = fieldMessages(refusal, field);
      if (!problems.length) continue;
      setError(field, { type: 'server', message: problems.join(' ') }, { shouldFocus: !focused });
      focused = true;
    }
    // The field says what is wrong; the api's general sentence (a wait after too many failures) too.
    if (!focused || refusal.fields.currentPassword) setTopError(refusal.message);
  }

  return (
    <div className="narrow">
      <h1>Changer mon mot de passe</h1>
      {changed ? (
        <div ref={confirmation} tabIndex={-1}>
          <Notice tone="success">
            <p>
              <strong>Votre mot de passe est changé.</strong> Utilisez-le dès votre prochaine connexion.
            </p>
            <p>
              Par sécurité, Relais a fermé vos autres sessions ouvertes (sur un autre ordinateur, une tablette
              ou un autre navigateur) ; celle-ci reste ouverte.
            </p>
          </Notice>
        </div>
      ) : null}
      {topError ? <Notice tone="error">{topError}</Notice> : null}
      <p>
        Votre mot de passe actuel vous est demandé, pour qu’une autre personne ne puisse pas le changer sur un
        poste resté ouvert.
      </p>
      <Form className="form" onSubmit={(event) => void handleSubmit(submit)(event)}>
        <FormTextField
          control={control}
          name="currentPassword"
          label="Mot de passe actuel"
          type={shown ? 'text' : 'password'}
          autoComplete="current-password"
          rules={{ required: 'Saisissez votre mot de passe actuel.' }}
        />
        <PasswordRules />
        <FormTextField
          control={control}
          name="newPassword"
          label="Nouveau mot de passe"
          hint="12 caractères au moins ; une phrase de plusieurs mots convient très bien."
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          rules={{ required: 'Choisissez un nouveau mot de passe.' }}
        />
        <FormTextField
          control={control}
          name="confirmation"
          label="Le nouveau mot de passe, une seconde fois"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          rules={{
            required: 'Saisissez une seconde fois le nouveau mot de passe.',
            validate: (value) => value === getValues('newPassword') || CONFIRMATION_MISMATCH,
          }}
        />
        <ShowPasswords shown={shown} onChange={setShown} />
        <div className="button-row">
          <Button type="submit" isPending={state.fetching}>
            Changer mon mot de passe
          </Button>
          <Link to="/compte">Revenir à mon compte</Link>
        </div>
      </Form>
    </div>
  );
}
