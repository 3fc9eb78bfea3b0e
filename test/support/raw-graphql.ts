import { CLIENT_HEADER } from '@relais/graphql';

export interface RawAnswer {
  status: number;
  data: Record<string, unknown> | null | undefined;
  /** The first error's `extensions.code`, if any. */
  code: string | undefined;
  /** The `Set-Cookie` lines of the answer. */
  cookies: string[];
}

/** A raw POST to `/graphql`, headers chosen by the caller (cookies, client header, bearer). */
export async function postGraphql(
  url: string,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    data: body.data,
    code: body.errors?.[0]?.extensions?.code,
    cookies: response.headers.getSetCookie(),
  };
}

/** The headers the web client's fetch sends: the cookies the browser keeps, the client header. */
export function asBrowser(setCookies: readonly string[]): Record<string, string> {
  return { cookie: setCookies.map((line) => line.split(';')[0]).join('; '), [CLIENT_HEADER]: 'web' };
}
