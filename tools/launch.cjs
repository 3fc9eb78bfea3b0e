// @ts-check
/**
 * `npm start`: compiles the launcher (tools/start.ts) to plain JavaScript with esbuild, then runs
 * it. The launcher stays up for as long as Relais runs, only to supervise Postgres, Redis, the api
 * and the worker: without a TypeScript compiler loaded it holds about 50 MB instead of 300.
 */
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const launcher = join(__dirname, '..', '.data', 'launcher', 'start.cjs');
buildSync({
  entryPoints: [join(__dirname, 'start.ts')],
  outfile: launcher,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Dependencies load from node_modules as they ship; only the project's own files are bundled.
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
require(launcher);
