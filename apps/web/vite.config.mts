import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { precompressAssetsPlugin } from './build/precompress-assets';

// Built into dist/apps/web, which the api serves at `/`; in development `npx nx serve web` proxies
// the api's paths to a running api (npm start), so the browser still sees one origin.
export default defineConfig({
  root: __dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react(), precompressAssetsPlugin(join(__dirname, '../../dist/apps/web/assets'))],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    // .vite/manifest.json lists each chunk's static imports: what the browser must load before the
    // first page shows, which a test keeps under its budget. Not served (the api serves /assets only).
    manifest: true,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: { '/graphql': 'http://127.0.0.1:3000', '/documents': 'http://127.0.0.1:3000' },
  },
});
