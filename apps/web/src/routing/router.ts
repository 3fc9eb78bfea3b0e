import { useSyncExternalStore } from 'react';

/**
 * The few routes of the client are plain paths; the api answers the app for each of them, so a
 * reload or a link from an e-mail opens the same page. Nothing personal goes into a path.
 */
const CHANGE = 'relais:navigation';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

export const SIGN_IN_PATH = '/connexion';
