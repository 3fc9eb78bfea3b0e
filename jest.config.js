// @ts-check
const { readFileSync } = require('node:fs');

// One Jest run covers unit (`*.spec.ts`), integration (`*.int-spec.ts`) and end-to-end
// (`test/**/*.e2e-spec.ts`) tests; the global setup provisions this run's own database and Redis prefix.
const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  // Dependencies run as they ship (compiling all of node_modules cost every test file about 1.5 s of
  // CPU to load the api), except those Jest's CommonJS module system cannot run on Node 20: ESM-only
  // packages (content-disposition, cookie, quick-lru…) and the dynamic `import()`s that reach them or
  // pdf.js's worker (@fastify/cookie, mercurius, pdf-parse), which compiled become `require`s.
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(content-disposition|@fastify/cookie|cookie|mercurius|tiny-lru|quick-lru|pdf-parse|pdfjs-dist)/).*/node_modules/',
  ],
  moduleNameMapper,
  testMatch: [
    '<rootDir>/{apps,libs,tools}/**/*.spec.ts',
    '<rootDir>/{apps,libs}/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  globalSetup: '<rootDir>/libs/platform/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/platform/testing/src/jest-global-teardown.ts',
  // Browser files alternate with end-to-end ones, unit tests last (see the file).
  testSequencer: '<rootDir>/test/test-sequencer.cjs',
  // Two on two cores. Three (with the checks beside them) ended 3 minutes sooner, but boots and
  // restarts then met timeouts and reset connections (the replicas suite) on this machine.
  maxWorkers: 2,
  testTimeout: 30_000,
};
