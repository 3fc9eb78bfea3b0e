/**
 * The httpOnly cookies that carry a browser's session: the access token (`relais_session`) and the
 * refresh token (`relais_refresh`). Behind https they are set as `__Host-…` (Secure, Path=/, no
 * Domain: the browser sends them to this host alone); over plain http, where browsers refuse that
 * prefix, under their bare names.
 */
export const SESSION_COOKIE_NAME = 'relais_session';
export const REFRESH_COOKIE_NAME = 'relais_refresh';

/**
 * The header the web client adds to every request. A request authenticated by cookie must carry
 * it: another site can make a browser send the cookie, not add a header (that needs a CORS
 * preflight this api refuses to other origins).
 */
export const CLIENT_HEADER = 'x-relais-client';

/** The name to set a cookie under: `__Host-` prefixed whenever the connection is secure. */
export function sessionCookieName(secure: boolean, name: string = SESSION_COOKIE_NAME): string {
  return secure ? `__Host-${name}` : name;
}

/** The value of a session cookie under either of its names, from parsed cookies. */
export function sessionCookieValue(
  cookies: Record<string, string | undefined> | undefined,
  name: string = SESSION_COOKIE_NAME,
): string | undefined {
  return cookies?.[`__Host-${name}`] ?? cookies?.[name] ?? undefined;
}

/** Whether a `Cookie` header carries a session cookie (access or refresh), under either name. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  const names = new Set(
    [SESSION_COOKIE_NAME, REFRESH_COOKIE_NAME].flatMap((name) => [name, `__Host-${name}`]),
  );
  return cookieHeader.split(';').some((pair) => {
    const name = pair.slice(0, pair.includes('=') ? pair.indexOf('=') : undefined).trim();
    return names.has(name);
  });
}
