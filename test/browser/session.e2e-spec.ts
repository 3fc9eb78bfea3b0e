import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import {
  browserStorage,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  signInThroughPage,
} from '../support/browser';

describe('the browser session', () => {
  const suite = browserSuite();

  async function housingOfficer() {
    const territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.HOUSING);
    return suite.api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
  }

  /** Past the api's idle limit: the server ends the session at its next request. */
  const leaveIdleOnTheServer = () =>
    suite.api.clock.advance((suite.api.config.auth.sessionIdleTimeoutMinutes + 1) * 60_000);

  it('keeps nothing in the browser’s storage and registers no service worker', async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await signInThroughPage(page, suite.api, person);
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(await browserStorage(page)).toEqual({
      localStorage: [],
      sessionStorage: [],
      cacheStorage: [],
      indexedDb: [],
      serviceWorkerScopes: [],
      serviceWorkers: [],
    });
    expect(page.url()).not.toContain(person.email);
    // The session is in cookies the page's scripts cannot read.
    const cookies = await page.context().cookies();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((cookie) => cookie.httpOnly && cookie.sameSite === 'Strict')).toBe(true);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('returns to the sign-in page with an explanation at the next page after the session ended', async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await signInThroughPage(page, suite.api, person);
    const name = `${person.firstName} ${person.lastName}`;
    await page.getByRole('banner').getByText(name).waitFor();
    // The home page's own reads must be answered first, or one of them would end the session before
    // the click this test is about.
    await page.waitForLoadState('networkidle');

    leaveIdleOnTheServer();
    const signInHeading = page.getByRole('heading', { name: 'Connexion à Relais' });
    // On a loaded machine a read the page makes by itself (the unread count) may meet the ended
    // session just before the click does, and the link is gone: the next screen is the same.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mon compte' })
      .click({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        if (!(await signInHeading.isVisible())) throw error;
      });

    await signInHeading.waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'Votre session a pris fin. Veuillez vous reconnecter.',
    );
    expect(await page.getByText(name).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'session-terminee');
  });

  it('returns to the sign-in page with an explanation when a page left open next asks the api', async () => {
    const page = await suite.newPage();
    // The page's own timers (the unread count, read every minute) are moved by the test.
    await page.clock.install();
    const person = await housingOfficer();
    await signInThroughPage(page, suite.api, person);
    const name = `${person.firstName} ${person.lastName}`;
    await page.getByRole('banner').getByText(name).waitFor();

    leaveIdleOnTheServer();
    await page.clock.runFor(61_000);

    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'Votre session a pris fin. Veuillez vous reconnecter.',
    );
    expect(await page.getByText(name).count()).toBe(0);
  });

  it('opens the sign-in page, not the last page, when reloaded after the session ended', async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await signInThroughPage(page, suite.api, person);
    const name = `${person.firstName} ${person.lastName}`;
    await page.getByRole('banner').getByText(name).waitFor();

    leaveIdleOnTheServer();
    await page.reload();

    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/connexion');
    expect(await page.getByText(name).count()).toBe(0);
  });
});
