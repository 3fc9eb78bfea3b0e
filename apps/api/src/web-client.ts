import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Addresses that belong to the api: an unknown path under them is the api's own French 404, never
 * the web client's page (a typo in a GraphQL endpoint must not answer 200 with HTML).
 */
const API_PATHS = /^\/(graphql|graphiql|health|metrics|documents)(\/|$)/;

/** The web client runs its own code only: scripts, styles, requests and images from this origin. */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relais — client web non construit</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Le client web de Relais n’est pas construit</h1>
<p>Le serveur fonctionne, mais l’application pour le navigateur n’a pas encore été construite.</p>
<p>Construisez-la depuis le dossier du projet avec <code>npx nx build web</code>
(ou lancez <code>npm start</code>, qui le fait pour vous), puis rechargez cette page.</p>
</body>
</html>
`;

/**
 * Serves the web client's build at `/`: hashed assets under `/assets/` (cached for a year), and the
 * app's index.html (never cached) for every other GET that is not the api's, so deep links such as
 * `/notifications/<id>` open the app. Without a build, those paths answer a French page saying how to
 * build it. Routes the api declares (static or parametric) take precedence over this wildcard.
 */
export async function registerWebClient(instance: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  const assets = join(webRoot, 'assets');
  if (existsSync(assets)) {
    await instance.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      index: false,
      dotfiles: 'deny',
      // The build writes .br and .gz copies; each browser gets the one it accepts (Vary: Accept-Encoding).
      preCompressed: true,
      // Vite names every asset after its content: a new build has new names.
      cacheControl: false,
      setHeaders: (reply) => reply.header('cache-control', 'public, max-age=31536000, immutable'),
    });
  }
  instance.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    // Files the build does not have (an old asset, /favicon.ico) are not found, not the app.
    if (API_PATHS.test(path) || path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path)) {
      return reply.callNotFound();
    }
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    // Read per request: a rebuild while the api runs is picked up, and the file is small.
    const page = await readFile(indexFile, 'utf8').catch(() => undefined);
    if (page === undefined) return reply.status(503).send(NOT_BUILT_PAGE);
    return reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY).send(page);
  });
}
