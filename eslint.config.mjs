import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import relais from './tools/lint-rules/index.cjs';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', '.nx', 'tmp', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // End-to-end suites boot the applications in-process.
          allow: ['@relais/api', '@relais/worker'],
          depConstraints: [
            {
              sourceTag: 'scope:app',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:access', 'scope:platform'],
            },
            {
              sourceTag: 'scope:domain',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:access', 'scope:platform'],
            },
            // access and audit sit under every context and know none of them.
            { sourceTag: 'scope:access', onlyDependOnLibsWithTags: ['scope:access', 'scope:platform'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Lisez la configuration validée (@relais/config).' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests may declare unguarded resolvers on purpose, to prove that the guards refuse them.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    plugins: { relais },
    rules: { 'relais/guarded-resolvers': 'error' },
  },
  {
    // The browser client: React's rules of hooks (and the compiler-backed checks of the same plugin).
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'relais/guarded-resolvers': 'off' },
  },
  {
    // The configuration loader is the one place that reads the environment.
    files: ['libs/platform/config/src/environment.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
