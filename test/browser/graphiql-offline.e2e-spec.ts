import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../support/api-harness';
import { BROWSER_SETUP_TIMEOUT_MS, browserStorage, launchBrowser, newPage } from '../support/browser';

describe('GraphiQL in a browser cut off from everything but the api', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchBrowser()]);
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens, runs a query against /graphql and keeps nothing in localStorage', async () => {
    const page = await newPage(browser, api);
    const elsewhere: string[] = [];
    // Any other host is unreachable, as on a closed network.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(api.url)
        ? route.continue()
        : (elsewhere.push(route.request().url()), route.abort()),
    );
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });

    await page.goto('/graphiql');
    const run = page.locator('.graphiql-execute-button');
    // The first request builds the bundle: a little longer than the page's usual wait.
    await run.waitFor({ timeout: 30_000 });
    await run.click();
    // The sample sign-in, with its placeholder password, is refused by the api in French.
    await page.getByText('Identifiants incorrects', { exact: false }).waitFor();

    expect(elsewhere).toEqual([]);
    expect(refused).toEqual([]);
    const storage = await browserStorage(page);
    expect(storage.localStorage).toEqual([]);
    expect(storage.serviceWorkerScopes).toEqual([]);
    expect(storage.sessionStorage.length).toBeGreaterThan(0);
  });
});
