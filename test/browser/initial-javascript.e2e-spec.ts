import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INITIAL_JAVASCRIPT_BUDGET_BYTES, initialJavaScript, kilobytes } from '../support/browser-bundle';
import { BROWSER_SETUP_TIMEOUT_MS, webClientSnapshot } from '../support/browser-setup';

describe('the web client’s initial JavaScript', () => {
  it(
    `stays under ${kilobytes(INITIAL_JAVASCRIPT_BUDGET_BYTES)} gzipped (entry chunk and its static imports)`,
    async () => {
      const build = await webClientSnapshot();
      try {
        const initial = initialJavaScript(build.webRoot);
        expect(initial.files.length).toBeGreaterThan(0);
        const detail = initial.files.map((file) => `${file.file} ${kilobytes(file.gzipBytes)}`).join(', ');
        // The message names each file, to see which one grew.
        if (initial.gzipBytes > INITIAL_JAVASCRIPT_BUDGET_BYTES) {
          throw new Error(
            `JavaScript initial : ${kilobytes(initial.gzipBytes)} compressé, au-delà du budget de ` +
              `${kilobytes(INITIAL_JAVASCRIPT_BUDGET_BYTES)} (${detail}). Chargez à la demande ` +
              `(import() de la page) ce qui ne sert pas au premier affichage.`,
          );
        }
      } finally {
        build.remove();
      }
    },
    BROWSER_SETUP_TIMEOUT_MS,
  );

  describe('as read from a build', () => {
    let webRoot: string;
    beforeEach(() => {
      webRoot = mkdtempSync(join(tmpdir(), 'relais-initial-js-'));
      mkdirSync(join(webRoot, '.vite'));
      mkdirSync(join(webRoot, 'assets'));
    });
    afterEach(() => rmSync(webRoot, { recursive: true, force: true }));

    it('counts the entry and what it imports statically, not the pages loaded on demand', () => {
      const write = (file: string, content: string) => writeFileSync(join(webRoot, file), content);
      write('assets/index-a.js', 'import "./shared-b.js";'.repeat(50));
      write('assets/shared-b.js', 'export const shared = 1;'.repeat(100));
      write('assets/meeting-c.js', 'export const meeting = 1;'.repeat(1000));
      write('index.html', '<script type="module" crossorigin src="/assets/index-a.js"></script>');
      write(
        '.vite/manifest.json',
        JSON.stringify({
          'index.html': {
            file: 'assets/index-a.js',
            isEntry: true,
            imports: ['_shared-b.js'],
            dynamicImports: ['src/meeting.tsx'],
          },
          '_shared-b.js': { file: 'assets/shared-b.js' },
          'src/meeting.tsx': { file: 'assets/meeting-c.js', isDynamicEntry: true, imports: ['_shared-b.js'] },
        }),
      );

      const initial = initialJavaScript(webRoot);
      expect(initial.files.map((file) => file.file).sort()).toEqual([
        'assets/index-a.js',
        'assets/shared-b.js',
      ]);
      expect(initial.bytes).toBe(
        'import "./shared-b.js";'.length * 50 + 'export const shared = 1;'.length * 100,
      );
      expect(initial.gzipBytes).toBeLessThan(initial.bytes);
    });

    it('refuses a build without its manifest', () => {
      writeFileSync(join(webRoot, 'index.html'), '');
      expect(() => initialJavaScript(webRoot)).toThrow(/build\.manifest/);
    });
  });
});
