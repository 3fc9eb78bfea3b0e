import { CLIENT_HEADER } from '@relais/graphql';
import { nextSecondFactorCode } from '@relais/testing';
import type { RunningApi } from './api-harness';

/** The web client's session cookie, as `name=value` pairs cut from the `Set-Cookie` lines. */
export interface WebSessionCookie {
  name: string;
  value: string;
}

/**
 * Signs in as the web client does (password and second factor in one `logIn`, with the client
 * header) and returns the httpOnly cookies the api sets, for a browser context or a raw request.
 */
export async function openWebSession(
  api: RunningApi,
  account: { email: string; password: string },
): Promise<WebSessionCookie[]> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'web' },
    body: JSON.stringify({
      query: 'mutation ($input: LogInInput!) { logIn(input: $input) { accessTokenExpiresAt } }',
      variables: {
        input: {
          email: account.email,
          password: account.password,
          secondFactorCode: nextSecondFactorCode(api.anonymous, account.email),
        },
      },
    }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  const lines = response.headers.getSetCookie();
  if (body.errors?.length || !lines.length) {
    throw new Error(`Connexion de ${account.email} refusée par l'api : ${JSON.stringify(body.errors)}`);
  }
  return lines.map((line) => {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1) };
  });
}
