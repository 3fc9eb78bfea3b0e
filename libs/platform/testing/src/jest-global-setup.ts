import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';
import type { TestInfrastructure } from './test-infrastructure';

declare global {
  var __relaisTestInfrastructure: TestInfrastructure | undefined;
}

/** Jest applies `moduleNameMapper` to tests only: the global setup resolves `@relais/*` itself. */
function registerWorkspaceAliases(): void {
  const root = resolve(__dirname, '../../../..');
  const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: root, paths: compilerOptions.paths });
}

export default async function globalSetup(): Promise<void> {
  registerWorkspaceAliases();
  // Loaded only once the aliases resolve.
  const { provisionTestInfrastructure } = await import('./test-infrastructure');
  globalThis.__relaisTestInfrastructure = await provisionTestInfrastructure();
}
