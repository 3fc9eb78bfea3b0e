import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { RunningApi, startApi } from './support/api-harness';

const LARGE_SCRIPT = 'export const relais = "Relais";\n'.repeat(500);

/** A build shaped like Vite's output (index.html and hashed assets), made in a moment. */
function fixtureBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'relais-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="fr"><head><title>Relais</title>' +
      '<script type="module" src="/assets/index-abc123.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("relais");');
  // The build's compressed copies of a larger asset (see apps/web/build/precompress-assets.ts).
  writeFileSync(join(root, 'assets', 'app-abc123.js'), LARGE_SCRIPT);
  writeFileSync(join(root, 'assets', 'app-abc123.js.br'), brotliCompressSync(LARGE_SCRIPT));
  writeFileSync(join(root, 'assets', 'app-abc123.js.gz'), gzipSync(LARGE_SCRIPT));
  return root;
}

describe('the web client, served by the api', () => {
  let api: RunningApi;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fixtureBuild();
    api = await startApi({ WEB_ROOT: webRoot });
  });
  afterAll(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it.each(['/', '/notifications/5b0c8d1e-3f52-4d8e-9a57-0c1e2f3a4b5c', '/connexion?retour=1'])(
    'answers the app at %s, never cached, with a same-origin content policy',
    async (path) => {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="root"></div>');
    },
  );

  it('serves the hashed assets, cacheable', async () => {
    const response = await fetch(`${api.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
  ])(
    'sends the build’s %s copy to a browser that accepts it, the file itself to one that does not',
    async (encoding, accepted) => {
      const compressed = await fetch(`${api.url}/assets/app-abc123.js`, {
        headers: { 'accept-encoding': accepted },
      });
      expect(compressed.status).toBe(200);
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(compressed.headers.get('cache-control')).toContain('immutable');
      expect(await compressed.text()).toBe(LARGE_SCRIPT);

      const plain = await fetch(`${api.url}/assets/app-abc123.js`, {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(LARGE_SCRIPT);
    },
  );

  it.each(['/assets/index-disparu.js', '/favicon.ico'])(
    'answers a missing file %s with 404, not the app',
    async (path) => {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );

  it('leaves the api its own answers', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(health.headers.get('cache-control')).toBe('no-store');

    const graphql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect(graphql.headers.get('cache-control')).toBe('no-store');

    for (const path of ['/graphql/inconnu', '/health/inconnu', '/metrics/x', '/documents/inconnu']) {
      const unknown = await fetch(`${api.url}${path}`);
      expect({ path, status: unknown.status }).toEqual({ path, status: 404 });
      expect(await unknown.json()).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Cette adresse n’existe pas.',
      });
    }
  });

  it('keeps refusing an unknown POST address in French', async () => {
    const response = await fetch(`${api.url}/ailleurs`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the web client, not built', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ WEB_ROOT: join(tmpdir(), 'relais-web-absent') });
  });
  afterAll(() => api.close());

  it.each(['/', '/notifications/abc'])(
    'answers %s with a French page saying how to build it',
    async (path) => {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain('lang="fr"');
      expect(page).toContain('n’est pas construit');
      expect(page).toContain('npx nx build web');
      expect(page).not.toMatch(/Not Found/i);
    },
  );

  it('answers a missing asset with 404', async () => {
    expect((await fetch(`${api.url}/assets/index.js`)).status).toBe(404);
  });
});
