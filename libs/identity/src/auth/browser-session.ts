import '@fastify/cookie';
import {
  CLIENT_HEADER,
  REFRESH_COOKIE_NAME,
  RequestException,
  SESSION_COOKIE_NAME,
  sessionCookieName,
  sessionCookieValue,
} from '@relais/graphql';
import { FastifyReply, FastifyRequest } from 'fastify';

/** What a sign-in or a refresh hands over: the two tokens and when each stops being usable. */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** The token a request authenticates with, and whether it came from the browser's cookie. */
export interface PresentedToken {
  token: string;
  fromCookie: boolean;
}

const secure = (request: FastifyRequest) => request.protocol === 'https';

/**
 * A browser's session lives in two httpOnly, SameSite=Strict cookies, so no token ever reaches the
 * page's JavaScript: the access token, sent with every request, and the refresh token, exchanged
 * by `refreshSession` when the access token expires.
 */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, tokens: SessionTokens): void {
  const options = { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: secure(request) };
  reply.setCookie(sessionCookieName(options.secure), tokens.accessToken, {
    ...options,
    expires: tokens.accessTokenExpiresAt,
  });
  reply.setCookie(sessionCookieName(options.secure, REFRESH_COOKIE_NAME), tokens.refreshToken, {
    ...options,
    expires: tokens.refreshTokenExpiresAt,
  });
}

/** Logout: both cookies are expired at once, under the name they were set with. */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const options = { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: secure(request) };
  for (const name of [SESSION_COOKIE_NAME, REFRESH_COOKIE_NAME]) {
    reply.clearCookie(sessionCookieName(options.secure, name), options);
  }
}

/**
 * The access token of a request: the bearer header for other clients, else the session cookie,
 * which counts only with the web client's header (a cookie alone may come from another site).
 */
export function presentedAccessToken(request: FastifyRequest): PresentedToken | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer '))
    return { token: header.slice('Bearer '.length).trim(), fromCookie: false };
  const cookie = sessionCookieValue(request.cookies);
  if (!cookie) return undefined;
  if (!sameOriginDocumentDownload(request)) assertClientHeader(request);
  return { token: cookie, fromCookie: true };
}

/**
 * A document (a PDF) asked by a plain link of the web client: a GET under /documents/ that the
 * browser itself says comes from the same origin. A link cannot carry the client's header, and
 * nothing is changed by it; the SameSite=Strict cookie is not even sent from another site, and
 * `Sec-Fetch-Site` (set by the browser, not by a page) keeps it so if a browser ever did.
 */
function sameOriginDocumentDownload(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    request.url.startsWith('/documents/') &&
    request.headers['sec-fetch-site'] === 'same-origin'
  );
}

/** The refresh token kept in the browser's cookie, for a `refreshSession` sent without one. */
export function presentedRefreshToken(request: FastifyRequest): string | undefined {
  const cookie = sessionCookieValue(request.cookies, REFRESH_COOKIE_NAME);
  if (!cookie) return undefined;
  assertClientHeader(request);
  return cookie;
}

/** Whether the request comes from the web client, which keeps its session in cookies. */
export function fromWebClient(request: FastifyRequest): boolean {
  return typeof request.headers[CLIENT_HEADER] === 'string' && request.headers[CLIENT_HEADER] !== '';
}

function assertClientHeader(request: FastifyRequest): void {
  if (!fromWebClient(request)) throw new RequestException('CLIENT_HEADER_REQUIRED');
}
