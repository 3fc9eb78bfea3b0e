import type { ReactNode } from 'react';

/** What a page's address holds: named segments (`/saisines/:id` → `{ id }`), never anything personal. */
export type RouteParams = Readonly<Record<string, string>>;

/** One page of the client: its address pattern and how it is drawn. */
export interface PageRoute {
  /** A path with `:name` segments, e.g. `/notifications/:id`. */
  path: string;
  render(params: RouteParams): ReactNode;
  /**
   * `projection`: the page fills the screen without the site's header and navigation (meeting mode on
   * a projector shows nothing but the item under discussion).
   */
  layout?: 'projection';
}

export interface MatchedRoute {
  route: PageRoute;
  params: RouteParams;
}

/** The first route whose pattern fits the path (a trailing slash is ignored). */
export function matchRoute(routes: readonly PageRoute[], path: string): MatchedRoute | undefined {
  const segments = splitPath(path);
  for (const route of routes) {
    const pattern = splitPath(route.path);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeSegment(segment);
        return true;
      }
      return part === segment;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
