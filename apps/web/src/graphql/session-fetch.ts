import { stringifyDocument } from 'urql';
import { graphql } from './graphql';

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession(input: {}) {
      accessTokenExpiresAt
    }
  }
`);

/** What every request to the api carries: the session cookies, and the header that lets the api read them. */
export const API_HEADERS = { 'X-Relais-Client': 'web' } as const;

const REFRESH_BODY = JSON.stringify({
  operationName: 'RefreshSession',
  query: stringifyDocument(RefreshSessionMutation),
  variables: {},
});

// Operations that must not trigger a renewal: signing in, and the renewal itself.
const NO_RENEWAL =
  /"operationName":"(RefreshSession|LogIn|StartSecondFactorEnrolment|CompleteSecondFactorEnrolment)"/;

let renewing: Promise<boolean> | undefined;

/**
 * Renews the short access cookie with the refresh cookie. A refresh token is single-use (reused, it
 * ends the whole session), so concurrent callers share one renewal.
 */
export function renewSession(): Promise<boolean> {
  renewing ??= fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...API_HEADERS },
    body: REFRESH_BODY,
  })
    .then(async (response) => {
      const body = (await response.json()) as { data?: { refreshSession?: unknown } | null };
      return Boolean(body.data?.refreshSession);
    })
    .catch(() => false)
    .finally(() => {
      renewing = undefined;
    });
  return renewing;
}

async function isUnauthenticated(response: Response): Promise<boolean> {
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    return body.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
  } catch {
    return false;
  }
}

/**
 * The client's fetch: when the access cookie has expired, renews the session once and replays the
 * operation, so a page left open does not fail on its next action. When renewal fails (idle
 * timeout, session closed elsewhere) the original refusal goes through and the page signs out.
 */
export const sessionFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (typeof init?.body !== 'string' || NO_RENEWAL.test(init.body)) return response;
  if (!(await isUnauthenticated(response))) return response;
  return (await renewSession()) ? fetch(input, init) : response;
};
