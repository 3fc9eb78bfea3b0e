import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { browserSuite, expectNoAxeViolations, screenshot, signInThroughPage } from '../support/browser';

describe('leaving the page and signing out', () => {
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

  /** What the api answers the page's own cookies now (the session's cookies, as the browser holds them). */
  async function meWithThePagesCookies(page: import('playwright-core').Page): Promise<string | undefined> {
    const response = await page.request.post('/graphql', {
      headers: { 'content-type': 'application/json', 'x-relais-client': 'web' },
      data: { query: '{ me { id } }' },
    });
    const body = (await response.json()) as {
      data?: { me?: { id: string } };
      errors?: { extensions?: { code?: string } }[];
    };
    return body.data?.me?.id ?? body.errors?.[0]?.extensions?.code;
  }

  it('warns two minutes before, stays when someone touches a key, then signs out after the idle limit', async () => {
    const page = await suite.newPage();
    await page.clock.install();
    const person = await housingOfficer();
    await signInThroughPage(page, suite.api, person);
    const name = `${person.firstName} ${person.lastName}`;
    await page.getByRole('banner').getByText(name).waitFor();
    const limitMinutes = suite.api.config.auth.sessionIdleTimeoutMinutes;

    await page.clock.runFor((limitMinutes - 1) * 60_000);
    const warning = page.getByRole('alert').filter({ hasText: 'vous allez être déconnecté' });
    await warning.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'inactivite-avertissement');

    // Someone is there: the countdown starts again.
    await page.keyboard.press('Shift');
    await page.clock.runFor(2 * 60_000);
    expect(await warning.count()).toBe(0);
    expect(await meWithThePagesCookies(page)).toBe(person.id);

    await page.clock.runFor(limitMinutes * 60_000);
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      `Vous avez été déconnecté après ${limitMinutes} minutes sans activité, pour protéger les informations affichées. Reconnectez-vous pour reprendre.`,
    );
    expect(await page.getByText(name).count()).toBe(0);
    // The page ended the session on the server too, not only on the screen.
    expect(await meWithThePagesCookies(page)).toBe('UNAUTHENTICATED');
  });

  it('shows the next person nothing of the previous one after Se déconnecter in the same tab', async () => {
    const page = await suite.newPage();
    const first = await housingOfficer();
    const second = await housingOfficer();
    await signInThroughPage(page, suite.api, first);
    await page.getByRole('banner').getByText(`${first.firstName} ${first.lastName}`).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Vous êtes déconnecté. À bientôt.');
    expect(await meWithThePagesCookies(page)).toBe('UNAUTHENTICATED');

    await signInThroughPage(page, suite.api, second);
    await page.getByRole('banner').getByText(`${second.firstName} ${second.lastName}`).waitFor();
    const html = await page.content();
    expect(html).not.toContain(first.lastName);
    expect(html).not.toContain(first.email);
  });
});
