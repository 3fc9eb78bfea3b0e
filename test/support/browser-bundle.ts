import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the first page may cost to download and parse, gzipped: a work PC on a slow line stays usable. */
export const INITIAL_JAVASCRIPT_BUDGET_BYTES = 200_000;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface InitialJavaScript {
  /** Each script loaded before the app can show anything, with its size raw and gzipped. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser must load before the first page shows: the entry chunks of the build's
 * Vite manifest (.vite/manifest.json, `build.manifest`) and, transitively, their static imports —
 * not the chunks loaded on demand (`dynamicImports`) — plus any script index.html names itself.
 */
export function initialJavaScript(webRoot: string): InitialJavaScript {
  const manifestFile = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(
      `${manifestFile} est absent : la construction doit garder build.manifest (apps/web/vite.config.mts).`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const named = [
    ...index.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g),
    ...index.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+)"/g),
  ].map((match) => match[1]);
  for (const file of named) files.add(file);

  const measured = [...files]
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(webRoot, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
    });
  return {
    files: measured,
    bytes: measured.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: measured.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

export const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
