import { Role } from '@relais/access';
import { Charter, Territory, User } from '@relais/identity';
import {
  atEachWidth,
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  signInThroughPage,
  TWO_WIDTHS_TIMEOUT_MS,
} from '../support/browser';

const BODY = [
  'Article 1 — Le secret partagé',
  'Ce qui est dit en cellule reste en cellule.\nChacun ne partage que ce qui est strictement nécessaire.',
].join('\n\n');

describe('the territory administration’s charter, in the browser', () => {
  const suite = browserSuite();
  let territory: Territory;
  let admin: User & { password: string };

  beforeAll(async () => {
    territory = await suite.api.factory.territory();
    admin = await suite.api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
  }, BROWSER_SETUP_TIMEOUT_MS);

  it(
    'says what publishing means, before anything is published (1280 and 768 px, axe clean)',
    async () => {
      const page = await suite.newPage();
      suite.api.clock.advance(30_000);
      await signInThroughPage(page, suite.api, admin);
      await page.goto('/administration/charte');
      await page.getByRole('heading', { level: 1, name: 'Charte et règlement' }).waitFor();
      expect(await page.title()).toBe('Charte et règlement — Relais');
      await atEachWidth(page, [1280, 768], async () => {
        await page.getByText('Aucun texte n’est encore publié').waitFor();
        expect(await page.locator('main').textContent()).toContain(
          'chaque membre du territoire, vous compris, doit l’accepter',
        );
        await expectNoAxeViolations(page);
        await screenshot(page, 'administration-charte');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('publishes a new version written on several lines, after the api’s refusal on its field', async () => {
    const page = await suite.newPage();
    suite.api.clock.advance(30_000);
    await signInThroughPage(page, suite.api, admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Charte et règlement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charte et règlement' }).waitFor();

    await page
      .locator('label')
      .filter({ hasText: /^Charte de confidentialité/ })
      .click();
    await page.getByLabel(/^Titre/).fill('Charte de confidentialité de la cellule');
    const body = page.getByLabel(/^Texte intégral/);
    await body.fill('Trop court.');
    await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await suite.api.dataSource.getRepository(Charter).countBy({ territoryId: territory.id })).toBe(0);

    await body.fill(BODY);
    await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    const saved = async () =>
      suite.api.dataSource
        .getRepository(Charter)
        .findOneBy({ territoryId: territory.id, kind: 'CONFIDENTIALITY' as never });
    await page.getByText('La version 1 du texte « Charte de confidentialité » est publiée').waitFor();
    const inForce = page.getByRole('region', { name: /^Textes en vigueur/ });
    await inForce.getByText('Charte de confidentialité de la cellule').waitFor();
    expect(await inForce.textContent()).toContain('version 1, publiée le');
    expect((await saved())?.body).toBe(BODY);
    await screenshot(page, 'administration-charte-publiee');
  });
});
