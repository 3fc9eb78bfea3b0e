/**
 * Whether the web client's build (dist/apps/web) is older than what it is built from, and building
 * it: `npm start` builds before serving it, the browser tests before driving it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** Where `npx nx build web` writes the client (the api's default WEB_ROOT). */
export const WEB_BUILD = join(WORKSPACE_ROOT, 'dist', 'apps', 'web');

/** What the build depends on: the client's sources and configuration, the schema, the dependencies. */
export const WEB_SOURCES = ['apps/web', 'schema.graphql', 'package-lock.json'];

/** The newest modification time under the given path (0 when it does not exist). */
export function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), 0);
}

export type WebBuildState = 'missing' | 'stale' | 'current';

/** `missing` without an index.html, `stale` when a source changed after it was written. */
export function webBuildState(webRoot: string = WEB_BUILD, root: string = WORKSPACE_ROOT): WebBuildState {
  // Vite writes index.html once the assets it names are written.
  const built = newestChange(join(webRoot, 'index.html'));
  if (!built) return 'missing';
  return built >= webSourcesChangedAt(root) ? 'current' : 'stale';
}

/** When the web client's sources last changed: a build from before is stale. */
export function webSourcesChangedAt(root: string = WORKSPACE_ROOT): number {
  return Math.max(...WEB_SOURCES.map((path) => newestChange(join(root, path))));
}

export interface WebBuildOptions {
  /** 'inherit' shows Vite's report; 'capture' keeps it for the error when the build fails. */
  output?: 'inherit' | 'capture';
  /** Nx type-checks the client before building it, unless false (`--skipTypeCheck`). */
  typeCheck?: boolean;
}

/** Runs `nx build web` (into WEB_BUILD). */
export async function buildWebClient({
  output = 'inherit',
  typeCheck = true,
}: WebBuildOptions = {}): Promise<void> {
  const args = ['build', 'web', ...(typeCheck ? [] : ['--skipTypeCheck'])];
  let captured = '';
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'node_modules/nx/bin/nx.js'), ...args], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', output === 'inherit' ? 'inherit' : 'pipe', output === 'inherit' ? 'inherit' : 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (exitCode) => done(exitCode));
  });
  // Colours read well in a terminal, not inside an error message.
  captured = captured.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  if (code !== 0) {
    throw new Error(
      `la construction du client web (npx nx ${args.join(' ')}) a échoué${captured ? ` :\n${captured}` : ' (voir ci-dessus)'}`,
    );
  }
}
