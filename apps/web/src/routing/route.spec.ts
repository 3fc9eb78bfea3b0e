import { describe, expect, it } from '@jest/globals';
import { matchRoute } from './route';
import type { PageRoute } from './route';

const page = (path: string): PageRoute => ({ path, render: () => path });
const routes = [
  page('/saisines'),
  page('/saisines/nouvelle'),
  page('/saisines/:id'),
  page('/notifications/:id'),
];

describe('matchRoute', () => {
  it('prefers the first route that fits, so fixed pages win over a parameter', () => {
    expect(matchRoute(routes, '/saisines/nouvelle')?.route.path).toBe('/saisines/nouvelle');
    expect(matchRoute(routes, '/saisines/3f2a')).toMatchObject({
      route: { path: '/saisines/:id' },
      params: { id: '3f2a' },
    });
  });

  it('ignores a trailing slash and decodes segments', () => {
    expect(matchRoute(routes, '/saisines/')?.route.path).toBe('/saisines');
    expect(matchRoute(routes, '/notifications/a%20b')?.params).toEqual({ id: 'a b' });
  });

  it('finds nothing for a longer, shorter or unknown path', () => {
    expect(matchRoute(routes, '/saisines/1/2')).toBeUndefined();
    expect(matchRoute(routes, '/notifications')).toBeUndefined();
    expect(matchRoute(routes, '/inconnu')).toBeUndefined();
  });

  it('keeps a malformed escape as typed rather than failing', () => {
    expect(matchRoute(routes, '/notifications/%E0%A4%A')?.params).toEqual({ id: '%E0%A4%A' });
  });
});
