/**
 * What browser tests need before they start: Debian's Chromium headless shell, and a build of the
 * web client no older than its sources. Each test file asks; a lock under .data/ makes the first one
 * do the work (install, build) while the others wait, then find everything ready.
 */
import { processEnvironment } from '@relais/config';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  buildWebClient,
  WEB_BUILD,
  webBuildState,
  webSourcesChangedAt,
  WORKSPACE_ROOT,
} from '@relais/web-build';

/**
 * Debian's build of Chromium's headless shell (package chromium-headless-shell, from the same
 * sources as its chromium): the engine without the browser around it, as Playwright itself runs
 * headless tests. The browser files ran in two thirds of the time they took in the full browser.
 */
export const CHROMIUM = '/usr/bin/chromium-headless-shell';
const CHROMIUM_PACKAGE = 'chromium-headless-shell';

/** Installing Chromium may take minutes on a fresh machine; a build about 20 s. */
export const BROWSER_SETUP_TIMEOUT_MS = 10 * 60_000;

const LOCKS = join(WORKSPACE_ROOT, '.data', 'locks');

const isRoot = () => process.getuid?.() === 0;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id written in the lock (0 while it is being written), or undefined once released. */
function lockHolder(path: string): number | undefined {
  try {
    return Number(readFileSync(path, 'utf8')) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * Runs `work` while holding a lock shared by every process of this checkout (Jest's workers, other
 * runs, the benchmarks). A lock whose process has died is taken over.
 */
export async function withCheckoutLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const path = join(LOCKS, `${name}.lock`);
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + BROWSER_SETUP_TIMEOUT_MS;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(path);
    if (holder === undefined) continue; // released meanwhile
    // An empty file is a lock being written, unless it has been empty for a while.
    const abandoned = holder ? !isAlive(holder) : Date.now() - modifiedAt(path) > 10_000;
    if (abandoned) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Le verrou ${path} est tenu depuis trop longtemps par le processus ${holder}.`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  try {
    return await work();
  } finally {
    rmSync(path, { force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...processEnvironment(), DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} a échoué (code ${code})`)),
    );
  });
}

const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${CHROMIUM_PACKAGE}`;

/**
 * Debian's Chromium headless shell, installed with apt when missing and the tests run as root;
 * otherwise a French message saying what to run. Playwright downloads no browser: it drives this one.
 */
export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (!isRoot()) {
    throw new Error(
      `Les tests du navigateur utilisent Chromium (${CHROMIUM}), absent de cette machine. ` +
        `Installez-le avec : ${INSTALL_COMMAND} — puis relancez les tests.`,
    );
  }
  await withCheckoutLock('chromium', async () => {
    if (existsSync(CHROMIUM)) return;
    process.stderr.write(
      `[tests] Chromium absent : installation du paquet Debian ${CHROMIUM_PACKAGE} (apt-get)…\n`,
    );
    try {
      // The package lists are empty on a fresh machine until the first update.
      await run('apt-get', ['update']);
      await run('apt-get', ['install', '-y', CHROMIUM_PACKAGE]);
    } catch (error) {
      throw new Error(
        `L'installation de Chromium a échoué (${(error as Error).message}). ` +
          `Installez-le avec : ${INSTALL_COMMAND.replaceAll('sudo ', '')} — puis relancez les tests.`,
      );
    }
  });
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Le paquet ${CHROMIUM_PACKAGE} est installé mais ${CHROMIUM} reste introuvable.`);
  }
  return CHROMIUM;
}

/** The files index.html loads (scripts, styles, preloads), which a usable build must have. */
function missingAssets(webRoot: string): string[] {
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  return [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)]
    .map((match) => match[1])
    .filter((asset) => !existsSync(join(webRoot, asset)));
}

const FAILED_BUILD = join(LOCKS, 'web-build.failed.json');

/**
 * Builds the web client, unless a build of these very sources already failed: the test files of
 * a run then share its error instead of each waiting for the same failure.
 */
async function buildOnce(): Promise<void> {
  const sourcesChangedAt = webSourcesChangedAt();
  const failed = existsSync(FAILED_BUILD)
    ? (JSON.parse(readFileSync(FAILED_BUILD, 'utf8')) as {
        sourcesChangedAt: number;
        at: number;
        message: string;
      })
    : undefined;
  // Kept for the length of a run only: a failure from elsewhere (a full disk) is tried again later.
  if (failed?.sourcesChangedAt === sourcesChangedAt && Date.now() - failed.at < 10 * 60_000) {
    throw new Error(failed.message);
  }
  process.stderr.write('[tests] client web absent ou plus ancien que ses sources : npx nx build web…\n');
  try {
    // Types are npm run typecheck's concern (it checks the client too); skipping them here saves
    // two thirds of the build, and a draft's unused variable does not stop the browser tests.
    await buildWebClient({ output: 'capture', typeCheck: false });
    rmSync(FAILED_BUILD, { force: true });
  } catch (error) {
    writeFileSync(
      FAILED_BUILD,
      JSON.stringify({ sourcesChangedAt, at: Date.now(), message: (error as Error).message }),
    );
    throw error;
  }
}

/**
 * Builds the web client when it is missing or older than its sources (the rule `npm start`
 * follows), then copies it for this caller: a rebuild by someone else during the tests (Vite empties
 * dist/apps/web first) cannot pull files from under a running page. Returns the copy's folder, for
 * the api's WEB_ROOT; `remove` deletes it.
 */
export async function webClientSnapshot(): Promise<{ webRoot: string; remove(): void }> {
  const webRoot = await withCheckoutLock('web-build', async () => {
    if (webBuildState() !== 'current' || missingAssets(WEB_BUILD).length) await buildOnce();
    const copy = mkdtempSync(join(tmpdir(), 'relais-web-client-'));
    cpSync(WEB_BUILD, copy, { recursive: true });
    const missing = missingAssets(copy);
    if (missing.length)
      throw new Error(`La construction du client web est incomplète : ${missing.join(', ')}`);
    return copy;
  });
  return { webRoot, remove: () => rmSync(webRoot, { recursive: true, force: true }) };
}
