import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressAssets } from './precompress-assets';

describe('precompressAssets', () => {
  it('writes Brotli and gzip copies that give the asset back, for text assets worth it only', () => {
    const folder = mkdtempSync(join(tmpdir(), 'relais-assets-'));
    try {
      const script = 'export const message = "Relais";\n'.repeat(200);
      writeFileSync(join(folder, 'index-abc.js'), script);
      writeFileSync(join(folder, 'tiny-abc.css'), 'a{}');
      writeFileSync(join(folder, 'logo-abc.png'), Buffer.alloc(4096, 1));

      expect(precompressAssets(folder)).toEqual(['index-abc.js']);

      const brotli = readFileSync(join(folder, 'index-abc.js.br'));
      expect(brotliDecompressSync(brotli).toString()).toBe(script);
      expect(gunzipSync(readFileSync(join(folder, 'index-abc.js.gz'))).toString()).toBe(script);
      expect(brotli.length).toBeLessThan(script.length / 10);
      expect(existsSync(join(folder, 'tiny-abc.css.br'))).toBe(false);
      expect(existsSync(join(folder, 'logo-abc.png.br'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
