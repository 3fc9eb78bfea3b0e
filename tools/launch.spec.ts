import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
 * The launcher stays up as long as Relais runs: what it loads it holds for hours. It must reach
 * the application's libraries (Nest, TypeORM, the domain) only through the child processes it
 * starts, never by importing them.
 */
describe('the launcher (npm start)', () => {
  it('loads only node, pg and zod, the application staying in its child processes', () => {
    const [launcher] = buildSync({
      entryPoints: [join(__dirname, 'start.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    }).outputFiles;
    const loaded = new Set(
      [...launcher.text.matchAll(/require\("([^"]+)"\)/g)].map(([, path]) =>
        path.replace(/^node:.*/, 'node'),
      ),
    );
    expect([...loaded].sort()).toEqual(['node', 'pg', 'zod']);
  });
});
