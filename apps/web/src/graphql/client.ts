import { cacheExchange, Client, fetchExchange } from 'urql';
import { API_HEADERS, sessionFetch } from './session-fetch';

/**
 * One client per session: signing out drops it with its cache, so nothing read under one session
 * is shown under the next. The session lives in httpOnly cookies the api sets; the custom header
 * and a JSON POST body are what the api requires before it accepts them (another site's page can
 * send neither without a preflight the api refuses).
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetch: sessionFetch,
    fetchOptions: () => ({ credentials: 'same-origin', headers: { ...API_HEADERS } }),
    requestPolicy: 'cache-and-network',
  });
}
