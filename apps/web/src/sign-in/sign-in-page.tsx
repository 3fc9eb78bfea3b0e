import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import type { ShownError } from '../graphql/errors';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { TextField } from '../ui/text-field';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import '../ui/page-parts.css';
import './sign-in.css';
import { CompleteEnrolmentMutation, LogInMutation, StartEnrolmentMutation } from './sign-in.operations';

type Step =
  | { kind: 'credentials' }
  | { kind: 'second-factor' }
  | { kind: 'enrolment'; enrolmentToken: string; qrCodeSvg?: string; secret?: string }
  | { kind: 'recovery-codes'; codes: readonly string[] };

const TITLES: Record<Step['kind'], string> = {
  credentials: 'Connexion',
  'second-factor': 'Connexion — code de vérification',
  enrolment: 'Connexion — protéger votre compte',
  'recovery-codes': 'Connexion — vos codes de secours',
};

export interface SignInPageProps {
  /** Why the person is here (signed out, session ended), shown above the form. */
  notice?: string;
  onSignedIn(): void;
}

/** Groups the base32 secret by four, as authenticator apps show it, for typing it by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ShownError | undefined>();
  const [missing, setMissing] = useState<Record<string, string>>({});

  /**
   * A field's refusal goes as soon as the person types again, not when the field loses the focus:
   * it would vanish between the press and the release of a click on the button under it, moving the
   * button away from the pointer, and the click would be lost.
   */
  const typedInto = (set: (value: string) => void) => (value: string) => {
    set(value);
    if (Object.keys(error?.fields ?? {}).length > 0 || Object.keys(missing).length > 0) {
      setError(undefined);
      setMissing({});
    }
  };
  const [logInState, logIn] = useMutation(LogInMutation);
  const [, startEnrolment] = useMutation(StartEnrolmentMutation);
  const [completeState, completeEnrolment] = useMutation(CompleteEnrolmentMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(TITLES[step.kind]);

  // A new step is a new question: focus its heading so a screen reader reads it from the start.
  useFocusOnChange(heading, step.kind);

  const enrolmentToken = step.kind === 'enrolment' ? step.enrolmentToken : undefined;
  const enrolmentShown = step.kind === 'enrolment' && step.qrCodeSvg !== undefined;
  // Starting an enrolment makes a new secret: once per token, however often React runs the effect.
  const enrolmentStarted = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!enrolmentToken || enrolmentShown || enrolmentStarted.current === enrolmentToken) return;
    enrolmentStarted.current = enrolmentToken;
    void startEnrolment({ input: { enrolmentToken } }).then((result) => {
      if (result.error) setError(readError(result.error));
      else if (result.data) {
        const { qrCodeSvg, secret } = result.data.startSecondFactorEnrolment;
        setStep({ kind: 'enrolment', enrolmentToken, qrCodeSvg, secret });
      }
    });
  }, [enrolmentToken, enrolmentShown, startEnrolment]);

  async function submitCredentials(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!email.trim()) required.email = 'Saisissez votre adresse e-mail.';
    if (!password) required.password = 'Saisissez votre mot de passe.';
    if (step.kind === 'second-factor' && !code.trim())
      required.secondFactorCode = 'Saisissez le code affiché par votre application, ou un code de secours.';
    setMissing(required);
    if (Object.keys(required).length) return;
    setError(undefined);
    const result = await logIn({
      input: {
        email: email.trim(),
        password,
        secondFactorCode: step.kind === 'second-factor' ? code.replace(/\s/g, '') : undefined,
      },
    });
    if (result.data) return onSignedIn();
    if (!result.error) return;
    const shown = readError(result.error);
    if (shown.code === 'SECOND_FACTOR_REQUIRED' && step.kind === 'credentials') {
      setCode('');
      return setStep({ kind: 'second-factor' });
    }
    const token = shown.extensions.enrolmentToken;
    if (shown.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED' && typeof token === 'string') {
      setCode('');
      return setStep({ kind: 'enrolment', enrolmentToken: token });
    }
    setError(shown);
  }

  async function submitEnrolment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== 'enrolment') return;
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setMissing({ code: 'Saisissez les six chiffres affichés par votre application.' });
      return;
    }
    setMissing({});
    setError(undefined);
    const result = await completeEnrolment({
      input: { enrolmentToken: step.enrolmentToken, code: code.replace(/\s/g, '') },
    });
    if (result.error) return setError(readError(result.error));
    if (result.data)
      setStep({ kind: 'recovery-codes', codes: result.data.completeSecondFactorEnrolment.recoveryCodes });
  }

  const fieldErrors = { ...(error?.fields ?? {}), ...missing };
  // An error the api tied to a field is shown there; any other at the top, in the api's words.
  const topError = error && Object.keys(error.fields).length === 0 ? error.message : undefined;

  return (
    <div className="narrow">
      {step.kind === 'credentials' && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            Connexion à Relais
          </h1>
          {notice && !error ? <Notice>{notice}</Notice> : null}
          {topError ? <Notice tone="error">{topError}</Notice> : null}
          <Form className="form" onSubmit={submitCredentials} validationErrors={fieldErrors}>
            <TextField
              label="Adresse e-mail"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              spellCheck="false"
              value={email}
              onChange={typedInto(setEmail)}
              isRequired
            />
            <TextField
              label="Mot de passe"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={typedInto(setPassword)}
              isRequired
            />
            <Button type="submit" isPending={logInState.fetching}>
              Se connecter
            </Button>
          </Form>
          <h2 className="sign-in-help">Mot de passe oublié ?</h2>
          <p>
            Relais ne permet pas de le réinitialiser soi-même. Demandez à l’administration de Relais dans
            votre territoire de vous envoyer un nouveau lien : il arrivera par e-mail et vous permettra de
            choisir un nouveau mot de passe. Si vous ne savez pas qui la tient, la coordination de votre CLSM
            vous le dira.
          </p>
          <p>
            Après plusieurs essais manqués, Relais fait patienter le compte (quelques secondes, puis quelques
            minutes) avant d’accepter un nouvel essai, même avec le bon mot de passe : attendez, puis
            réessayez.
          </p>
        </>
      )}

      {step.kind === 'second-factor' && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            Code de vérification
          </h1>
          {topError ? <Notice tone="error">{topError}</Notice> : null}
          <p>
            Ouvrez votre application d’authentification et saisissez le code à six chiffres affiché pour
            Relais. Si vous n’avez plus votre téléphone, saisissez l’un de vos codes de secours.
          </p>
          <p className="hint">
            Ni téléphone ni code de secours ? Demandez à l’administration de Relais dans votre territoire de
            réinitialiser votre second facteur : à la connexion suivante, vous en installerez un nouveau.
          </p>
          <Form className="form" onSubmit={submitCredentials} validationErrors={fieldErrors}>
            <TextField
              label="Code à six chiffres ou code de secours"
              name="secondFactorCode"
              autoComplete="one-time-code"
              spellCheck="false"
              value={code}
              onChange={typedInto(setCode)}
              isRequired
              autoFocus
            />
            <Button type="submit" isPending={logInState.fetching}>
              Valider le code
            </Button>
          </Form>
          <p>
            <Button
              variant="quiet"
              onPress={() => {
                setError(undefined);
                setMissing({});
                setStep({ kind: 'credentials' });
              }}
            >
              Revenir à l’adresse e-mail et au mot de passe
            </Button>
          </p>
        </>
      )}

      {step.kind === 'enrolment' && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            Protégez votre compte
          </h1>
          {topError ? <Notice tone="error">{topError}</Notice> : null}
          <p>
            Relais contient des informations sur des personnes accompagnées : en plus de votre mot de passe,
            chaque connexion demandera un code à six chiffres donné par une application d’authentification sur
            votre téléphone (par exemple FreeOTP, Aegis ou Google Authenticator).
          </p>
          {step.qrCodeSvg === undefined ? (
            !error && <p role="status">Préparation du code QR…</p>
          ) : (
            <>
              <h2>1. Ajoutez Relais à votre application</h2>
              <p>Dans l’application, choisissez « ajouter un compte », puis scannez ce code QR :</p>
              <img
                className="qr-code"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(step.qrCodeSvg)}`}
                alt="Code QR à scanner avec votre application d’authentification"
              />
              <p>
                Si vous ne pouvez pas scanner le code, saisissez cette clé à la main (type « basé sur l’heure
                ») :
              </p>
              <p className="secret" aria-label={`Clé : ${step.secret ?? ''}`}>
                {groupSecret(step.secret ?? '')}
              </p>
              <h2>2. Saisissez le code affiché</h2>
              <Form className="form" onSubmit={submitEnrolment} validationErrors={fieldErrors}>
                <TextField
                  label="Code à six chiffres"
                  hint="Le code change toutes les 30 secondes ; saisissez celui affiché en ce moment."
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  spellCheck="false"
                  value={code}
                  onChange={typedInto(setCode)}
                  isRequired
                />
                <Button type="submit" isPending={completeState.fetching}>
                  Activer la protection
                </Button>
              </Form>
            </>
          )}
        </>
      )}

      {step.kind === 'recovery-codes' && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            Vos codes de secours
          </h1>
          <Notice tone="success">
            <p>Votre compte est protégé. Vous êtes connecté.</p>
          </Notice>
          <p>
            <strong>Notez ou imprimez ces dix codes maintenant et gardez-les en lieu sûr :</strong> ils ne
            seront plus jamais affichés. Si vous perdez votre téléphone, chacun vous permettra de vous
            connecter une fois à la place du code à six chiffres.
          </p>
          <ul className="recovery-codes" aria-label="Codes de secours">
            {step.codes.map((recoveryCode) => (
              <li key={recoveryCode}>{recoveryCode}</li>
            ))}
          </ul>
          <Button onPress={onSignedIn}>J’ai conservé mes codes, continuer</Button>
        </>
      )}
    </div>
  );
}
