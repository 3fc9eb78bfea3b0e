import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { navigate, usePath } from '../router';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { LogOutMutation, MeQuery } from './session.operations';

export interface SignedInShellProps {
  /** The session ended: `notice` says why, on the sign-in page. */
  onSignedOut(notice: string): void;
}

function HomePage({ firstName }: { firstName?: string }) {
  usePageTitle('Accueil');
  return (
    <>
      <h1>Bonjour{firstName ? ` ${firstName}` : ''}</h1>
      <p>Vous êtes connecté à Relais. Les pages de votre travail arrivent bientôt ici.</p>
    </>
  );
}

function NotFoundPage() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page de Relais, ou elle ne vous est pas accessible.</p>
      <p>
        <a
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          Revenir à l’accueil
        </a>
      </p>
    </>
  );
}

export function SignedInShell({ onSignedOut }: SignedInShellProps) {
  const path = usePath();
  const [me] = useQuery({ query: MeQuery });
  const [logOutState, logOut] = useMutation(LogOutMutation);
  const main = useRef<HTMLElement>(null);

  const expired = me.error && readError(me.error).code === 'UNAUTHENTICATED';
  useEffect(() => {
    if (expired) onSignedOut('Votre session a pris fin. Veuillez vous reconnecter.');
  }, [expired, onSignedOut]);

  // Moving to another page moves the reading position to its content, as a page load would.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) main.current?.focus();
  }, [path]);

  async function signOut() {
    const result = await logOut({});
    if (result.error && readError(result.error).code !== 'UNAUTHENTICATED') {
      return onSignedOut(
        'Vous êtes déconnecté de cette page, mais Relais n’a pas pu confirmer la fin de la session : fermez votre navigateur par précaution.',
      );
    }
    onSignedOut('Vous êtes déconnecté. À bientôt.');
  }

  const person = me.data?.me;
  return (
    <>
      <header className="site-header">
        <a
          className="site-name"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          Relais
        </a>
        <div className="site-user">
          {person ? (
            <span>
              {person.firstName} {person.lastName}
              <span className="visually-hidden">, </span>
              <span className="hint"> · {person.organisation.name}</span>
            </span>
          ) : null}
          <Button variant="quiet" onPress={signOut} isPending={logOutState.fetching}>
            Se déconnecter
          </Button>
        </div>
      </header>
      <main id="contenu" ref={main} tabIndex={-1}>
        {me.error && !expired ? <Notice tone="error">{readError(me.error).message}</Notice> : null}
        {path === '/' ? <HomePage firstName={person?.firstName} /> : <NotFoundPage />}
      </main>
    </>
  );
}
