/**
 * The httpOnly cookie that carries a browser's session. Behind https it is set as
 * `__Host-relais_session` (Secure, Path=/, no Domain: the browser sends it to this host alone);
 * over plain http, where browsers refuse that prefix, as `relais_session`.
 */
export const SESSION_COOKIE_NAME = 'relais_session';

/** The name to set the cookie under: `__Host-` prefixed whenever the connection is secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE_NAME}` : SESSION_COOKIE_NAME;
}

/** Whether a `Cookie` header carries the session cookie, under either of its names. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair.slice(0, pair.includes('=') ? pair.indexOf('=') : undefined).trim();
    return name === SESSION_COOKIE_NAME || name === `__Host-${SESSION_COOKIE_NAME}`;
  });
}
