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
import { RegenerateRecoveryCodesMutation } from './account.operations';
import './account.css';
import { fieldMessages } from './password-link';
import '../ui/page-parts.css';

interface Values {
  code: string;
}

/**
 * New recovery codes, against a code of the authenticator app: the old ones stop working. The
 * new ones are shown once, here, and kept nowhere in the browser.
 */
export function RecoveryCodesPage() {
  usePageTitle('Nouveaux codes de secours');
  const [state, regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const [codes, setCodes] = useState<readonly string[] | undefined>();
  const [topError, setTopError] = useState<string | undefined>();
  const { control, handleSubmit, setError } = useForm<Values>({ defaultValues: { code: '' } });
  const heading = useRef<HTMLHeadingElement>(null);

  useFocusOnChange(heading, codes);

  async function submit(values: Values) {
    setTopError(undefined);
    const result = await regenerate({ input: { code: values.code.replace(/\s/g, '') } });
    if (result.data) return setCodes(result.data.regenerateRecoveryCodes);
    if (!result.error) return;
    const refusal = readError(result.error);
    const problems = fieldMessages(refusal, 'code');
    if (problems.length)
      setError('code', { type: 'server', message: problems.join(' ') }, { shouldFocus: true });
    setTopError(refusal.message);
  }

  if (codes) {
    return (
      <div className="print-alone">
        <h1 ref={heading} tabIndex={-1}>
          Vos nouveaux codes de secours
        </h1>
        <Notice tone="success">
          <p>Vos nouveaux codes sont prêts ; les anciens ne fonctionnent plus.</p>
        </Notice>
        <p>
          <strong>Notez ou imprimez ces codes maintenant et gardez-les en lieu sûr</strong>, à l’écart de
          votre téléphone : ils ne seront plus jamais affichés. Si vous perdez votre téléphone, chacun vous
          permettra de vous connecter une fois, à la place du code à six chiffres.
        </p>
        <ul className="recovery-codes" aria-label="Codes de secours">
          {codes.map((recoveryCode) => (
            <li key={recoveryCode}>{recoveryCode}</li>
          ))}
        </ul>
        <div className="button-row no-print">
          <Button variant="quiet" onPress={() => window.print()}>
            Imprimer les codes
          </Button>
          <Link to="/compte">J’ai conservé mes codes, revenir à mon compte</Link>
        </div>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        Nouveaux codes de secours
      </h1>
      <p>
        Les codes de secours vous permettent de vous connecter sans votre téléphone, un code par connexion.
        Demandez-en de nouveaux si vous les avez perdus, ou s’il ne vous en reste que quelques-uns.
      </p>
      <p>
        <strong>Les nouveaux codes remplacent les anciens</strong> : ceux que vous avez notés ne
        fonctionneront plus.
      </p>
      {topError ? <Notice tone="error">{topError}</Notice> : null}
      <Form className="form" onSubmit={(event) => void handleSubmit(submit)(event)}>
        <FormTextField
          control={control}
          name="code"
          label="Code à six chiffres de votre application d’authentification"
          hint="Ouvrez votre application et saisissez le code affiché pour Relais en ce moment."
          inputMode="numeric"
          autoComplete="one-time-code"
          rules={{ required: 'Saisissez le code affiché par votre application.' }}
        />
        <div className="button-row">
          <Button type="submit" isPending={state.fetching}>
            Obtenir de nouveaux codes
          </Button>
          <Link to="/compte">Revenir à mon compte</Link>
        </div>
      </Form>
    </div>
  );
}
