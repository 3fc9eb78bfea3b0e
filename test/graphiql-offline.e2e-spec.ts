import { Script } from 'node:vm';
import { RunningApi, startApi } from './support/api-harness';

/** Every address the page's markup points at: src, href, and action attributes. */
function referencedAddresses(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href|action)\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]);
}

describe('GraphiQL, served whole by the api (no CDN)', () => {
  let api: RunningApi;
  let html: string;
  let page: Response;

  beforeAll(async () => {
    api = await startApi();
    page = await fetch(`${api.url}/graphiql`);
    html = await page.text();
  }, 60_000);
  afterAll(() => api.close());

  it('answers the page in French, never cached, under a same-origin content policy', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<div id="graphiql">');
    const policy = (page.headers.get('content-security-policy') ?? '').split(/;\s*/);
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
      ]),
    );
    // Nothing in the policy names another origin.
    expect(policy.join(' ')).not.toMatch(/https?:|\*/);
  });

  it('references no external host, nor any inline script or style', () => {
    const addresses = referencedAddresses(html);
    expect(addresses.length).toBeGreaterThanOrEqual(2);
    for (const address of addresses) expect(address).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style|\sstyle=/i);
  });

  it('serves every script and stylesheet the page references, with its content type', async () => {
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(scripts).toHaveLength(1);
    expect(stylesheets).toHaveLength(1);

    for (const path of scripts) {
      const response = await fetch(`${api.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('cache-control')).toContain('immutable');
      const script = await response.text();
      // GraphiQL and React are in it, and it is JavaScript a browser can parse.
      expect(script.length).toBeGreaterThan(100_000);
      expect(script).toContain('graphiql-container');
      expect(() => new Script(script)).not.toThrow();
      // It talks to this origin's endpoint, by path.
      expect(script).toContain('"/graphql"');
      expect(script).not.toMatch(/(?:unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs)/);
    }
    for (const path of stylesheets) {
      const response = await fetch(`${api.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/css/);
      const css = await response.text();
      expect(css).toContain('.graphiql-container');
      // Fonts and icons are inline (data:); nothing is fetched from elsewhere.
      const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1]);
      for (const url of urls) expect(url).toMatch(/^(data:|\/(?!\/)|#)/);
      expect(css).not.toMatch(/@import/);
    }
  });

  it('answers 404 for an asset it does not have', async () => {
    const response = await fetch(`${api.url}/graphiql/assets/graphiql-0000000000000000.js`);
    expect(response.status).toBe(404);
  });

  it('lets the page query the api from the same origin', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
