import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphiqlAsset, graphiqlBundle, GraphiqlBundle } from './graphiql-bundle';

/**
 * The GraphiQL page runs nothing but the bundle this api serves: scripts, styles and requests from
 * this origin only. GraphiQL's stylesheet carries its fonts and a few icons as data: URLs.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ASSETS_PREFIX = '/graphiql/assets/';

function page(bundle: GraphiqlBundle): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>GraphiQL — Relais</title>
<link rel="stylesheet" href="${ASSETS_PREFIX}${bundle.stylesheet.name}">
<script src="${ASSETS_PREFIX}${bundle.script.name}" defer></script>
</head>
<body>
<div id="graphiql"><noscript>GraphiQL a besoin de JavaScript.</noscript></div>
</body>
</html>
`;
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>GraphiQL indisponible — Relais</title></head>
<body>
<h1>GraphiQL n’a pas pu être préparé</h1>
<p>Ses fichiers viennent des dépendances de développement (paquets <code>graphiql</code> et
<code>esbuild</code>) : installez-les avec <code>npm ci</code>, puis rechargez cette page.
Le détail est dans le journal de l’api.</p>
</body>
</html>
`;

async function loadBundle(reply: FastifyReply): Promise<GraphiqlBundle | undefined> {
  try {
    return await graphiqlBundle();
  } catch (error) {
    reply.log.error({ err: error }, 'GraphiQL : préparation des fichiers impossible');
    return undefined;
  }
}

function sendAsset(reply: FastifyReply, asset: GraphiqlAsset): FastifyReply {
  // Named after its content: a new bundle has new names.
  return reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .type(asset.contentType)
    .send(asset.body);
}

/**
 * GraphiQL at /graphiql, served whole by this api from packages in node_modules (no CDN): it works
 * without any network but the api's. Mercurius's own GraphiQL page loads its scripts from a CDN.
 */
export function registerGraphiql(instance: FastifyInstance): void {
  instance.get('/graphiql', async (_request, reply) => {
    const bundle = await loadBundle(reply);
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    if (!bundle) return reply.status(503).send(UNAVAILABLE_PAGE);
    return reply.header('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY).send(page(bundle));
  });
  instance.get<{ Params: { name: string } }>(`${ASSETS_PREFIX}:name`, async (request, reply) => {
    const bundle = await loadBundle(reply);
    const asset = [bundle?.script, bundle?.stylesheet].find((file) => file?.name === request.params.name);
    if (!asset) return reply.callNotFound();
    return sendAsset(reply, asset);
  });
}
