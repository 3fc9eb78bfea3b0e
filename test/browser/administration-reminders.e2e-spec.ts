import { Role } from '@relais/access';
import { Territory, User } from '@relais/identity';
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

describe('the territory administration’s reminders, in the browser', () => {
  const suite = browserSuite();
  let territory: Territory;
  let admin: User & { password: string };

  beforeAll(async () => {
    territory = await suite.api.factory.territory();
    admin = await suite.api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function onReminders(page: Page): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    await openSignedIn(page, suite.api, admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Rappels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rappels' }).waitFor();
  }

  const card = (page: Page, label: string) =>
    page.locator('.member-list > li').filter({ has: page.getByRole('heading', { level: 2, name: label }) });

  it(
    'lists each reminder, for whom and when, in words (1280 and 768 px, axe clean)',
    async () => {
      const page = await suite.newPage();
      await onReminders(page);
      expect(await page.title()).toBe('Rappels — Relais');
      await atEachWidth(page, [1280, 768], async () => {
        const due = card(page, 'Action à échéance proche');
        await due.waitFor();
        expect(await due.textContent()).toContain('7 jours avant, 1 jour avant');
        expect(await due.textContent()).toContain('par défaut');
        expect(await page.locator('main').textContent()).not.toContain('ACTION_DUE');
        await expectNoAxeViolations(page);
        await screenshot(page, 'administration-rappels');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('tunes a reminder: the api’s refusal on its field, then the new moments shown', async () => {
    const page = await suite.newPage();
    await onReminders(page);
    await card(page, 'Action à échéance proche')
      .getByRole('button', { name: /^Régler/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Régler le rappel « Action à échéance proche »' });
    await dialog.waitFor();
    const offsets = dialog.getByLabel(/^Quand/);
    expect(await offsets.inputValue()).toBe('-7, -1');
    await offsets.fill('-400');
    await dialog.getByRole('button', { name: 'Enregistrer le réglage' }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    expect(await offsets.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'administration-regler-un-rappel');

    await offsets.fill('-3');
    await dialog.getByRole('button', { name: 'Enregistrer le réglage' }).click();
    await page
      .locator('.announcement')
      .getByText('Le rappel « Action à échéance proche » est réglé.')
      .waitFor();
    const due = card(page, 'Action à échéance proche');
    await due.getByText('3 jours avant').waitFor();
    expect(await due.textContent()).toContain('propre au territoire');
  });
});
