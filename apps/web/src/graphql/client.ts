import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { API_HEADERS, sessionFetch } from './session-fetch';

/** Announced on `window` when the api refuses an operation because the session has ended. */
export const SESSION_ENDED_EVENT = 'relais:session-ended';
/** Announced on `window` when the api asks for the territory's charter to be accepted first. */
export const CHARTER_REQUIRED_EVENT = 'relais:charter-required';

/**
 * One client per session: signing out drops it with its cache, so nothing read under one session
 * is shown under the next. The session lives in httpOnly cookies the api sets; the custom header
 * and a JSON POST body are what the api requires before it accepts them (another site's page can
 * send neither without a preflight the api refuses).
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      // Whatever page asked, an ended session or a charter to accept concerns the whole app.
      mapExchange({
        onError(error) {
          const codes = error.graphQLErrors.map((problem) => problem.extensions?.code);
          if (codes.includes('UNAUTHENTICATED')) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
          if (codes.includes('CHARTER_REQUIRED')) window.dispatchEvent(new Event(CHARTER_REQUIRED_EVENT));
        },
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    fetch: sessionFetch,
    fetchOptions: () => ({ credentials: 'same-origin', headers: { ...API_HEADERS } }),
    requestPolicy: 'cache-and-network',
  });
}
