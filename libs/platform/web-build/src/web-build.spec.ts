import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webBuildState } from './web-build';

describe('the web build’s freshness', () => {
  let root: string;
  const webRoot = () => join(root, 'dist');
  const touch = (path: string, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, path), at, at);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'relais-web-build-'));
    mkdirSync(join(root, 'apps/web/src/sign-in'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'apps/web/src/sign-in/page.tsx'), '');
    writeFileSync(join(root, 'schema.graphql'), '');
    writeFileSync(join(root, 'package-lock.json'), '');
    for (const path of ['apps/web/src/sign-in/page.tsx', 'schema.graphql', 'package-lock.json'])
      touch(path, 60);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is missing without an index.html', () => {
    expect(webBuildState(webRoot(), root)).toBe('missing');
  });

  it('is current when built after every source', () => {
    writeFileSync(join(root, 'dist/index.html'), '');
    expect(webBuildState(webRoot(), root)).toBe('current');
  });

  it.each(['apps/web/src/sign-in/page.tsx', 'schema.graphql', 'package-lock.json'])(
    'is stale once %s changes after the build',
    (source) => {
      writeFileSync(join(root, 'dist/index.html'), '');
      touch('dist/index.html', 30);
      touch(source, 0);
      expect(webBuildState(webRoot(), root)).toBe('stale');
    },
  );
});
