// @ts-check
/**
 * `npm start`: compiles the launcher (tools/start.ts) to plain JavaScript with esbuild, then runs
 * it. The launcher stays up for as long as Relais runs, only to supervise Postgres, Redis, the api
 * and the worker: without a TypeScript compiler loaded it holds about 50 MB instead of 300.
 */
const esbuild = require('esbuild');
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const process = require('node:process');

const launcher = join(__dirname, '..', '.data', 'launcher', 'start.cjs');

async function compile() {
  const result = await esbuild.build({
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
    write: false,
  });
  // Asynchronous build, then stop: esbuild's service process is ended and reaped here rather than
  // left (as buildSync's worker thread leaves it) for the launcher's whole life.
  await esbuild.stop();
  const [output] = result.outputFiles;
  // Written whole under another name then renamed: another launcher starting at the same moment
  // never reads a half-written file.
  if (!existsSync(launcher) || !readFileSync(launcher).equals(output.contents)) {
    mkdirSync(dirname(launcher), { recursive: true });
    const partial = `${launcher}.${process.pid}`;
    writeFileSync(partial, output.contents);
    renameSync(partial, launcher);
  }
}

compile().then(
  () => require(launcher),
  (/** @type {unknown} */ error) => {
    process.stderr.write(`[relais] compilation du lanceur impossible : ${String(error)}\n`);
    process.exitCode = 1;
  },
);
