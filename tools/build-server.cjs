/**
 * npm run build:server — compiles what the server image runs to plain CommonJS in dist/server: the
 * api, the worker, the migrations and the operations commands (every tools/*.ts but the development
 * launcher and demonstration), with exactly the sources they import. The tree keeps the sources'
 * layout (dist/server/apps/api/src/main.js…), so paths computed from __dirname inside one build still
 * meet. Production then needs neither TypeScript nor a loader: `node dist/server/apps/api/src/main.js`.
 *
 * swc compiles as the tests do (jest.config.js): NestJS reads the decorators' type metadata, which
 * esbuild does not emit. The tsconfig aliases (@relais/…) become relative paths.
 */
const { transformFile } = require('@swc/core');
const {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');
const process = require('node:process');

const ROOT = resolve(__dirname, '..');

/** Commands that only make sense beside the sources: the development launcher and the demonstration. */
const DEVELOPMENT_ONLY = /^(start|launch|demo)\b/;

/** What the image runs; everything else is reached from these by its imports. */
function entryPoints(root) {
  const typescript = (directory) =>
    readdirSync(join(root, directory))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts'))
      .map((name) => `${directory}/${name}`);
  return [
    'apps/api/src/main.ts',
    'apps/worker/src/main.ts',
    // Loaded by TypeORM from a directory, never imported.
    ...typescript('migrations'),
    ...typescript('tools').filter((path) => !DEVELOPMENT_ONLY.test(path.slice('tools/'.length))),
  ];
}

function swcOptions(root) {
  const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  };
}

/** The source file a relative `require` of compiled code names, as Node would find its build. */
function sourceOf(fromSource, request) {
  const base = resolve(dirname(fromSource), request);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, fromSource)} : « ${request} » introuvable`);
}

const RELATIVE_REQUIRE = /\brequire\("(\.{1,2}\/[^"]*)"\)/g;

/**
 * Compiles the entry points and what they import into outDir (emptied first). Returns the files
 * written, relative to outDir.
 */
async function buildServer({ root = ROOT, outDir = join(root, 'dist', 'server') } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  const options = swcOptions(root);
  const written = [];
  const seen = new Set();
  let pending = entryPoints(root).map((path) => join(root, path));
  while (pending.length) {
    const next = [];
    await Promise.all(
      pending.map(async (source) => {
        if (seen.has(source)) return;
        seen.add(source);
        const path = relative(root, source);
        if (!source.endsWith('.ts')) {
          // Data imported by the code (a JSON schema): copied beside its build.
          mkdirSync(dirname(join(outDir, path)), { recursive: true });
          copyFileSync(source, join(outDir, path));
          written.push(path);
          return;
        }
        const { code } = await transformFile(source, { ...options, filename: source });
        const target = path.replace(/\.ts$/, '.js');
        mkdirSync(dirname(join(outDir, target)), { recursive: true });
        writeFileSync(join(outDir, target), code);
        written.push(target);
        for (const [, request] of code.matchAll(RELATIVE_REQUIRE)) next.push(sourceOf(source, request));
      }),
    );
    pending = next;
  }
  return written.sort();
}

module.exports = { buildServer, entryPoints };

if (require.main === module) {
  const started = Date.now();
  buildServer().then(
    (files) =>
      console.log(
        `Serveur compilé : ${files.length} fichiers dans dist/server (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      ),
    (error) => {
      console.error(`Compilation du serveur impossible : ${error.message}`);
      process.exit(1);
    },
  );
}
