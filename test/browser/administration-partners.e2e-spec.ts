import { Role } from '@relais/access';
import { Organisation, Territory, User } from '@relais/identity';
import type { Page } from 'playwright-core';
import {
  atEachWidth,
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  TWO_WIDTHS_TIMEOUT_MS,
} from '../support/browser';

describe('the territory administration’s partners, in the browser', () => {
  const suite = browserSuite();
  let territory: Territory;
  let admin: User & { password: string };

  beforeAll(async () => {
    territory = await suite.api.factory.territory();
    admin = await suite.api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function onPartners(page: Page): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    await openSignedIn(page, suite.api, admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
    await page.getByRole('table').waitFor();
  }

  it('adds a partner: the SIRET refused on its field, then the partner listed with its kind in French', async () => {
    const page = await suite.newPage();
    await onPartners(page);
    expect(await page.title()).toBe('Partenaires — Relais');
    await page.getByLabel(/^Nom du partenaire/).fill('Logis du Nord');
    await page
      .locator('label')
      .filter({ hasText: /^Bailleur social/ })
      .click();
    const siret = page.getByLabel(/^Numéro SIRET/);
    await siret.fill('73282932000075');
    await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await page.getByText("Le numéro SIRET n'est pas valide (clé de contrôle).").waitFor();
    expect(await siret.getAttribute('aria-invalid')).toBe('true');
    // The run's database is shared by every test file: only this territory's partners count.
    const partners = suite.api.dataSource.getRepository(Organisation);
    expect(await partners.countBy({ name: 'Logis du Nord', territoryId: territory.id })).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'administration-partenaires-refus');

    await siret.fill('732 829 320 00074');
    await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await page.locator('.announcement').getByText('Logis du Nord est ajouté').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Logis du Nord' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Bailleur social');
    expect(await row.textContent()).toContain('73282932000074');
    expect(await page.locator('main').textContent()).not.toContain('HOUSING');
    const saved = await suite.api.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ name: 'Logis du Nord', territoryId: territory.id });
    expect(saved.kind).toBe('HOUSING');
  });

  it(
    'is axe clean and readable (1280 and 768 px)',
    async () => {
      const page = await suite.newPage();
      await onPartners(page);
      await atEachWidth(page, [1280, 768], async () => {
        await expectNoAxeViolations(page);
        await screenshot(page, 'administration-partenaires');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );
});
