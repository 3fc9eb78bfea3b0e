import { transportRefusal } from './graphql-transport';
import { hasSessionCookie, SESSION_COOKIE_NAME, sessionCookieName } from './session-cookie';

const post = (contentType?: string, cookie?: string) => ({
  method: 'POST',
  headers: { ...(contentType && { 'content-type': contentType }), ...(cookie && { cookie }) },
});

describe('transportRefusal', () => {
  it('takes JSON and application/graphql, with or without parameters', () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/graphql',
    ]) {
      expect(transportRefusal(post(type))).toBeUndefined();
    }
  });

  it('refuses with 415 in French what a page of another site could post', () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/graphql-response+json',
      undefined,
    ]) {
      const refusal = transportRefusal(post(type));
      expect(refusal).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', statusCode: 415 });
      expect(refusal?.message).toBe(
        'Le corps de la requête doit être en JSON (Content-Type: application/json).',
      );
    }
  });

  it('refuses a GET carrying the session cookie under either name, and keeps other GETs', () => {
    const get = (cookie?: string) => ({ method: 'GET', headers: cookie ? { cookie } : {} });
    expect(transportRefusal(get())).toBeUndefined();
    expect(transportRefusal(get('theme=sombre'))).toBeUndefined();
    for (const cookie of ['relais_session=abc', 'theme=sombre; __Host-relais_session=abc']) {
      expect(transportRefusal(get(cookie))).toMatchObject({ code: 'METHOD_NOT_ALLOWED', statusCode: 405 });
    }
    expect(transportRefusal(post('application/json', 'relais_session=abc'))).toBeUndefined();
  });

  it('refuses HEAD', () => {
    expect(transportRefusal({ method: 'HEAD', headers: {} })).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });
});

describe('session cookie', () => {
  it('is __Host- prefixed when secure', () => {
    expect(sessionCookieName(true)).toBe(`__Host-${SESSION_COOKIE_NAME}`);
    expect(sessionCookieName(false)).toBe(SESSION_COOKIE_NAME);
  });

  it('is recognised by its exact name only', () => {
    expect(hasSessionCookie('relais_session_old=1; xrelais_session=2')).toBe(false);
    expect(hasSessionCookie(' relais_session = 1')).toBe(true);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});
