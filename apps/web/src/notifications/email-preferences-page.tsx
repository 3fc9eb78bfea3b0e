import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { EMAIL_MODE_CHOICES, emailModeLabel } from './email-modes';
import './notifications.css';
import { MyNotificationPreferencesQuery, SetEmailModeMutation } from './notifications.operations';
import '../ui/page-parts.css';

type EmailMode = 'IMMEDIATE' | 'DAILY_DIGEST' | 'NONE';

interface Values {
  emailMode: EmailMode;
}

/** How notifications reach me by e-mail: each one, a daily digest, or none. */
export function EmailPreferencesPage() {
  usePageTitle('Notifications par e-mail');
  const [preferences] = useQuery({ query: MyNotificationPreferencesQuery });
  const current = preferences.data?.myNotificationPreferences.emailMode;

  return (
    <div className="reading-width">
      <h1>Notifications par e-mail</h1>
      <p>
        Toutes vos notifications restent visibles dans Relais. Choisissez si, en plus, un e-mail vous
        prévient. Ces e-mails ne contiennent jamais le nom d’une personne : seulement le code de la situation,
        la date concernée et un lien pour ouvrir la notification dans Relais, après connexion.
      </p>
      {preferences.error ? <Notice tone="error">{readError(preferences.error).message}</Notice> : null}
      {!current && preferences.fetching ? <p role="status">Chargement de votre choix…</p> : null}
      {current ? <EmailModeForm current={current} /> : null}
    </div>
  );
}

function EmailModeForm({ current }: { current: EmailMode }) {
  const [state, setEmailMode] = useMutation(SetEmailModeMutation);
  const [saved, setSaved] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { control, handleSubmit } = useForm<Values>({ defaultValues: { emailMode: current } });

  async function submit(values: Values) {
    setSaved(undefined);
    setError(undefined);
    const result = await setEmailMode({ emailMode: values.emailMode });
    if (result.error) return setError(readError(result.error).message);
    if (result.data) setSaved(emailModeLabel(result.data.setEmailMode.emailMode).toLowerCase());
  }

  return (
    <>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Form className="form" onSubmit={(event) => void handleSubmit(submit)(event)}>
        <FormChoiceGroup
          control={control}
          name="emailMode"
          label="Recevoir les notifications par e-mail"
          hint="Ce choix vaut pour tous les territoires où vous travaillez."
          choices={EMAIL_MODE_CHOICES}
          rules={{ required: 'Choisissez comment recevoir les notifications.' }}
        />
        {saved ? (
          <Notice tone="success">
            <p>Votre choix est enregistré : {saved}.</p>
          </Notice>
        ) : null}
        <div className="button-row">
          <Button type="submit" isPending={state.fetching}>
            Enregistrer mon choix
          </Button>
          <Link to="/notifications">Revenir aux notifications</Link>
        </div>
      </Form>
    </>
  );
}
