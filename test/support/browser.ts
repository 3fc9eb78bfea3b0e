/**
 * Browser tests: Debian's Chromium driven by Playwright against the real api (Postgres, Redis)
 * serving a fresh build of the web client. One browser per test file, a fresh context (cookies,
 * storage) per page. See test/browser/ for examples.
 */
import { Environment, processEnvironment } from '@relais/config';
import { nextSecondFactorCode } from '@relais/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { WORKSPACE_ROOT } from '@relais/web-build';
import { RunningApi, startApi } from './api-harness';
import { BROWSER_SETUP_TIMEOUT_MS, ensureChromium, webClientSnapshot } from './browser-setup';
import { openWebSession } from './web-session';

export { expectNoAxeViolations } from './browser-axe';
export { BROWSER_SETUP_TIMEOUT_MS } from './browser-setup';

/**
 * Headless, without the services that call Google's hosts (refused on a closed network, retried
 * forever otherwise); no sandbox when running as root, where Chromium cannot start one.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: process.getuid?.() !== 0,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The api with a copy of the web client's fresh build as its WEB_ROOT; `close` removes the copy. */
export async function startApiWithWebClient(environment: Environment = {}): Promise<RunningApi> {
  const snapshot = await webClientSnapshot();
  try {
    const api = await startApi({ ...environment, WEB_ROOT: snapshot.webRoot });
    return {
      ...api,
      async close() {
        await api.close();
        snapshot.remove();
      },
    };
  } catch (error) {
    snapshot.remove();
    throw error;
  }
}

export interface PageOptions {
  /** Viewport width in CSS pixels: 1280 by default; 768 for the narrowest screen Relais supports. */
  width?: number;
  height?: number;
}

/**
 * Long enough for a loaded machine (two browsers, two apis and Postgres on two cores: a mutation and
 * the lists it refreshes took over 10 s there), short enough to fail before Jest's own timeout.
 */
const ACTION_TIMEOUT_MS = 20_000;

/**
 * A page in a new context (its own cookies and storage, as a new profile would have): addresses
 * relative to the api, in French, at Paris time.
 */
export async function newPage(browser: Browser, api: RunningApi, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: api.url,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context.newPage();
}

export interface BrowserSuite {
  readonly api: RunningApi;
  readonly browser: Browser;
  /** A page in a fresh context, closed after the test. */
  newPage(options?: PageOptions): Promise<Page>;
}

/**
 * Declares, in a `describe`, the api with the web client and a browser for its tests (started
 * before them, stopped after), and closes each test's pages after it.
 */
export function browserSuite(environment: Environment = {}): BrowserSuite {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value)
      throw new Error(`${what} n'est pas démarré : utilisez-le dans un test, pas à la déclaration.`);
    return value;
  };

  beforeAll(async () => {
    const [startedApi, launched] = await Promise.allSettled([
      // A line per request is not read by browser tests; errors still reach the output.
      startApiWithWebClient({ LOG_LEVEL: 'warn', ...environment }),
      launchBrowser(),
    ]);
    // What did start is kept, for afterAll to stop.
    if (startedApi.status === 'fulfilled') api = startedApi.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (startedApi.status === 'rejected') throw startedApi.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  return {
    get api() {
      return started(api, "L'api");
    },
    get browser() {
      return started(browser, 'Le navigateur');
    },
    async newPage(options) {
      const page = await newPage(started(browser, 'Le navigateur'), started(api, "L'api"), options);
      contexts.push(page.context());
      return page;
    },
  };
}

/**
 * A picture of the page for people to look at (layout, wording), under .data/screenshots/ (not
 * committed), when RELAIS_SCREENSHOTS=1: nobody reads them in an ordinary run, and a full-page
 * capture costs the machine as much as the step it shows. Returns the file's path, if taken.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (processEnvironment().RELAIS_SCREENSHOTS !== '1') return undefined;
  const folder = join(WORKSPACE_ROOT, '.data', 'screenshots');
  mkdirSync(folder, { recursive: true });
  const width = page.viewportSize()?.width;
  const file = join(folder, `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}${width ? `-${width}` : ''}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A test that reads its page at two widths does the work of two: twice Jest's 30 s, as two tests had.
 */
export const TWO_WIDTHS_TIMEOUT_MS = 60_000;

/**
 * Runs `check` at each width on the same page, resizing its viewport in between: a layout is read
 * (and axe run) at every width a screen may have without signing in and loading the page again.
 */
export async function atEachWidth(
  page: Page,
  widths: readonly number[],
  check: (width: number) => Promise<void>,
): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: page.viewportSize()?.height ?? 800 });
    await check(width);
  }
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
export async function tabTo(page: Page, target: Locator, maxPresses = 20): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Après ${maxPresses} appuis sur Tab, le focus n'a pas atteint ${target.toString()}.`);
}

export interface Account {
  email: string;
  password: string;
}

/**
 * Signs in through the sign-in page as a person would: e-mail and password, then the code their
 * authenticator shows at the api's moment (see `nextSecondFactorCode`: at most three sign-ins of
 * one account per 30 s of the api's clock). With `keyboardOnly`, only Tab, typing and Enter.
 * Resolves once the signed-in page shows.
 */
export async function signInThroughPage(
  page: Page,
  api: RunningApi,
  account: Account,
  options: { keyboardOnly?: boolean } = {},
): Promise<void> {
  if (!page.url().startsWith(api.url)) await page.goto('/');
  const fill = async (field: Locator, text: string) => {
    if (!options.keyboardOnly) return field.fill(text);
    await tabTo(page, field);
    await page.keyboard.type(text);
  };
  const submit = async (field: Locator, button: Locator) =>
    options.keyboardOnly ? field.press('Enter') : button.click();

  const email = page.getByLabel('Adresse e-mail');
  const password = page.getByLabel('Mot de passe');
  await fill(email, account.email);
  await fill(password, account.password);
  await submit(password, page.getByRole('button', { name: 'Se connecter' }));

  const code = page.getByLabel('Code à six chiffres ou code de secours');
  await code.waitFor();
  await fill(code, nextSecondFactorCode(api.anonymous, account.email));
  await submit(code, page.getByRole('button', { name: 'Valider le code' }));
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/**
 * Opens `path` already signed in, for tests about what comes after signing in: the session is
 * opened through the api as the web client opens it (password and second factor in one `logIn`
 * with the client header), its httpOnly cookies are given to the page's context, then the page
 * loads as after a reload. Saves each test the sign-in pages, which sign-in.e2e-spec.ts and the
 * journeys walk through. Resolves once the signed-in page shows.
 */
export async function openSignedIn(page: Page, api: RunningApi, account: Account, path = '/'): Promise<void> {
  const cookies = await openWebSession(api, account);
  await page
    .context()
    .addCookies(
      cookies.map((cookie) => ({ ...cookie, url: api.url, httpOnly: true, sameSite: 'Strict' as const })),
    );
  await page.goto(path);
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** What the page keeps in the browser: Web Storage keys, Cache Storage, IndexedDB, service workers. */
export async function browserStorage(page: Page) {
  const inPage = await page.evaluate(async () => {
    // The tests compile without the DOM's types: the few browser APIs read here, typed by hand.
    const browser = globalThis as unknown as {
      localStorage: { length: number; key(index: number): string | null };
      sessionStorage: { length: number; key(index: number): string | null };
      caches?: { keys(): Promise<string[]> };
      indexedDB?: { databases(): Promise<{ name?: string }[]> };
      navigator: { serviceWorker?: { getRegistrations(): Promise<{ scope: string }[]> } };
    };
    const keys = (storage: typeof browser.localStorage) =>
      Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '');
    return {
      localStorage: keys(browser.localStorage),
      sessionStorage: keys(browser.sessionStorage),
      cacheStorage: (await browser.caches?.keys()) ?? [],
      indexedDb: ((await browser.indexedDB?.databases()) ?? []).map((database) => database.name ?? ''),
      serviceWorkerScopes: ((await browser.navigator.serviceWorker?.getRegistrations()) ?? []).map(
        (registration) => registration.scope,
      ),
    };
  });
  return {
    ...inPage,
    serviceWorkers: page
      .context()
      .serviceWorkers()
      .map((worker) => worker.url()),
  };
}
