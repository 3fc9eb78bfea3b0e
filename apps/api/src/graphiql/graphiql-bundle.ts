import { createHash } from 'node:crypto';

/** One file of the GraphiQL bundle, served under /graphiql/assets/ by its content-hashed name. */
export interface GraphiqlAsset {
  readonly name: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface GraphiqlBundle {
  readonly script: GraphiqlAsset;
  readonly stylesheet: GraphiqlAsset;
}

/** What the editor shows at first: how to sign in, then where the token goes. */
const DEFAULT_QUERY = `# GraphiQL de Relais (hors production).
#
# 1. Connectez-vous ci-dessous (▶) : la réponse
#    donne un accessToken.
# 2. Dans « Headers », en bas, saisissez :
#    { "Authorization": "Bearer <accessToken>" }
# 3. Puis par exemple : query { me { email } }
#
# Les onglets restent dans cet onglet du navigateur
# seulement ; l'en-tête n'est jamais conservé.

mutation SeConnecter {
  logIn(
    input: {
      email: "coordination@demo.relais.test"
      password: "…"
      secondFactorCode: "123456"
    }
  ) {
    accessToken
  }
}
`;

/**
 * The page's script, bundled with React and GraphiQL from node_modules. It talks to /graphql on this
 * origin only, authenticated by the bearer header alone: the web client's session cookies are left out
 * (the api would ask for the web client's header with them). GraphiQL keeps its tabs in sessionStorage (this browser tab, erased when it closes)
 * rather than localStorage, and never keeps the headers editor, where the bearer token goes.
 */
const ENTRY = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

async function fetcher(params, options) {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
}

document.documentElement.style.height = '100%';
document.body.style.height = '100%';
document.body.style.margin = '0';
const main = document.getElementById('graphiql');
main.style.height = '100%';
createRoot(main).render(
  createElement(GraphiQL, {
    fetcher,
    storage: window.sessionStorage,
    shouldPersistHeaders: false,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
  }),
);
`;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

async function build(): Promise<GraphiqlBundle> {
  // A development dependency, loaded only where GraphiQL is turned on (never in production).
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: ENTRY, loader: 'js', resolveDir: __dirname, sourcefile: 'graphiql-entry.js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outdir: 'graphiql',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    legalComments: 'none',
  });
  const assets = result.outputFiles.map((file): GraphiqlAsset => {
    const extension = file.path.slice(file.path.lastIndexOf('.'));
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 16);
    return {
      name: `graphiql-${hash}${extension}`,
      contentType: CONTENT_TYPES[extension],
      body: Buffer.from(file.contents),
    };
  });
  const script = assets.find((asset) => asset.name.endsWith('.js'));
  const stylesheet = assets.find((asset) => asset.name.endsWith('.css'));
  if (!script || !stylesheet) throw new Error('GraphiQL bundle: script or stylesheet missing');
  return { script, stylesheet };
}

let pending: Promise<GraphiqlBundle> | undefined;

/**
 * Built on the first request for the page (a second or two), then kept for the life of the process:
 * an api that nobody opens GraphiQL on never pays for it. A failed build is tried again next time.
 */
export function graphiqlBundle(): Promise<GraphiqlBundle> {
  pending ??= build().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
