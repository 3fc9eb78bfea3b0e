import { useCallback, useEffect, useRef, useState } from 'react';
import { Provider } from 'urql';
import type { Client } from 'urql';
import { publicRoutes } from './account/public-routes';
import { createGraphqlClient, SESSION_ENDED_EVENT } from './graphql/client';
import { matchRoute } from './routing/route';
import { navigate, SIGN_IN_PATH, usePath } from './routing/router';
import { MeQuery } from './shell/session.operations';
import { SignedInShell } from './shell/signed-in-shell';
import { SignInPage } from './sign-in/sign-in-page';
import { usePageTitle } from './ui/use-page-title';

type Session = { state: 'checking' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in' };

/**
 * Opening the app: a live access cookie, or a refresh cookie that renews it (the client's fetch does),
 * means already signed in. Once however often React runs the opening effect (twice in development).
 */
let resuming: Promise<boolean> | undefined;
function resumeSessionOnce(client: Client): Promise<boolean> {
  resuming ??= client
    .query(MeQuery, {}, { requestPolicy: 'network-only' })
    .toPromise()
    .then((me) => Boolean(me.data));
  return resuming;
}

function Checking() {
  usePageTitle('Chargement');
  return (
    <main id="contenu" tabIndex={-1}>
      <p role="status">Chargement de Relais…</p>
    </main>
  );
}

export function App() {
  const [client, setClient] = useState(createGraphqlClient);
  const [session, setSession] = useState<Session>({ state: 'checking' });
  // Where to go once signed in (kept in memory only).
  const returnTo = useRef('/');
  const path = usePath();

  useEffect(() => {
    let current = true;
    void resumeSessionOnce(client).then((signedIn) => {
      if (current) setSession(signedIn ? { state: 'signed-in' } : { state: 'signed-out' });
    });
    return () => {
      current = false;
    };
    // Only when the app opens: later sign-ins and sign-outs set the session themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const publicPage = matchRoute(publicRoutes, path);

  // Signed out, every address but the public ones shows the sign-in page; the one asked for opens after it.
  useEffect(() => {
    if (session.state === 'signed-out' && path !== SIGN_IN_PATH && !publicPage) {
      returnTo.current = path;
      navigate(SIGN_IN_PATH, { replace: true });
    }
    if (session.state === 'signed-in' && path === SIGN_IN_PATH) navigate('/', { replace: true });
  }, [session.state, path, publicPage]);

  const signedIn = useCallback(() => {
    setSession({ state: 'signed-in' });
    navigate(returnTo.current === SIGN_IN_PATH ? '/' : returnTo.current);
    returnTo.current = '/';
  }, []);

  const signedOut = useCallback((notice: string) => {
    // A new client: nothing read during the session stays in memory.
    setClient(createGraphqlClient());
    returnTo.current = '/';
    setSession({ state: 'signed-out', notice });
    navigate(SIGN_IN_PATH);
  }, []);

  // Whichever page meets it, a refusal for an ended session (idle on the server, closed elsewhere,
  // renewal refused) takes the whole app back to sign-in.
  const signedInNow = session.state === 'signed-in';
  useEffect(() => {
    if (!signedInNow) return;
    const ended = () => signedOut('Votre session a pris fin. Veuillez vous reconnecter.');
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [signedInNow, signedOut]);

  if (publicPage && session.state !== 'checking') {
    return (
      <Provider value={client}>
        <main id="contenu" tabIndex={-1}>
          {publicPage.route.render(publicPage.params)}
        </main>
      </Provider>
    );
  }

  return (
    <Provider value={client}>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      {session.state === 'checking' ? <Checking /> : null}
      {session.state === 'signed-out' ? (
        <main id="contenu" tabIndex={-1}>
          <SignInPage notice={session.notice} onSignedIn={signedIn} />
        </main>
      ) : null}
      {session.state === 'signed-in' ? <SignedInShell onSignedOut={signedOut} /> : null}
    </Provider>
  );
}
