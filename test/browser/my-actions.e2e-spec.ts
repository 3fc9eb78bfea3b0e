import { SituationAction } from '@relais/situations';
import type { Locator, Page } from 'playwright-core';
import {
  atEachWidth,
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
  tabTo,
  TWO_WIDTHS_TIMEOUT_MS,
} from '../support/browser';
import { ACTIONS, HEALTH_NOTE, ReferrerScenario, seedReferrerScenario } from './my-referrals.scenario';

describe('the housing officer updates the actions entrusted to its organisation', () => {
  const suite = browserSuite();
  let scenario: ReferrerScenario;

  beforeAll(async () => {
    scenario = await seedReferrerScenario(suite.api);
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function onMyActions(page: Page, options: { keyboardOnly?: boolean } = {}): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    if (options.keyboardOnly) await signInThroughPage(page, suite.api, scenario.officer, options);
    else await openSignedIn(page, suite.api, scenario.officer);
    await page.getByRole('heading', { level: 1, name: 'Mes saisines' }).waitFor();
    const link = page.getByRole('navigation').getByRole('link', { name: 'Mes actions' });
    if (options.keyboardOnly) {
      await tabTo(page, link);
      await page.keyboard.press('Enter');
    } else {
      await link.click();
    }
    await page.getByRole('heading', { level: 1, name: 'Mes actions' }).waitFor();
  }

  const group = (page: Page, title: string): Locator =>
    page.getByRole('region', { name: new RegExp(`^${title}`) });
  const rowOf = (section: Locator, description: string): Locator =>
    section.locator('table tbody tr').filter({ hasText: description });
  const isFocused = (target: Locator) =>
    target.evaluate((element) => element === element.ownerDocument.activeElement);

  it(
    'groups the actions: late, to do, finished, each with its due day and situation (1280 and 768 px, axe clean)',
    async () => {
      const page = await suite.newPage();
      await onMyActions(page);
      expect(await page.title()).toBe('Mes actions — Relais');
      await atEachWidth(page, [1280, 768], async () => {
        const late = group(page, 'En retard');
        await rowOf(late, ACTIONS.visit).waitFor();
        expect(await late.getByRole('heading').textContent()).toBe('En retard (1)');
        expect(await rowOf(late, ACTIONS.visit).textContent()).toMatch(/\([4-6] jours de retard\)/);
        expect(await rowOf(late, ACTIONS.visit).textContent()).toContain(scenario.accepted.caseCode);
        expect(await rowOf(late, ACTIONS.visit).textContent()).toContain('À faire');

        const toDo = group(page, 'À faire');
        expect(await rowOf(toDo, ACTIONS.plan).textContent()).toContain('Décision de la cellule');
        expect(
          await rowOf(toDo, ACTIONS.plan)
            .getByRole('link', { name: scenario.accepted.caseCode })
            .getAttribute('href'),
        ).toBe(`/saisines/${scenario.accepted.id}`);
        // Entrusted to the landlord on a situation the CCAS referred: named by its case code, no link.
        const schedule = rowOf(toDo, ACTIONS.schedule);
        expect(await schedule.textContent()).toContain(scenario.otherPartnersCaseCode);
        expect(await schedule.getByRole('link').count()).toBe(0);
        expect(await toDo.getByRole('heading').textContent()).toBe('À faire (2)');
        expect(await group(page, 'Terminées').textContent()).toContain('Aucune action faite ou annulée');
        expect(await page.getByRole('button', { name: /^Afficher plus/ }).count()).toBe(0);

        expect(await page.content()).not.toContain(HEALTH_NOTE);
        await expectNoAxeViolations(page);
        await screenshot(page, 'mes-actions');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('records a new status and outcome through the dialog, announces it, and keeps it after a reload', async () => {
    const page = await suite.newPage();
    await onMyActions(page);
    const toDo = group(page, 'À faire');
    await rowOf(toDo, ACTIONS.plan)
      .getByRole('button', { name: /^Mettre à jour/ })
      .click();

    const dialog = page.getByRole('dialog', { name: 'Mettre à jour l’action' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(ACTIONS.plan);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mettre-a-jour-une-action');

    // The form's own rule, on its field.
    const outcome = dialog.getByLabel(/^Résultat/);
    await outcome.fill('x'.repeat(1001));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Au plus 1 000 caractères.').waitFor();
    expect(await outcome.getAttribute('aria-invalid')).toBe('true');

    // A person clicks the choice's words (react-aria hides the native radio under them).
    await dialog
      .locator('label')
      .filter({ hasText: /^Faite/ })
      .click();
    expect(await dialog.getByRole('radio', { name: /^Faite/ }).isChecked()).toBe(true);
    await outcome.fill('Plan signé avec la personne le jour de la visite.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    const notice = page
      .getByRole('status')
      .filter({ hasText: `L’action pour ${scenario.accepted.caseCode}` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('« Faite », avec son résultat');
    expect(await dialog.count()).toBe(0);
    // The action moved to another group: the reading position is on the confirmation.
    expect(await isFocused(page.locator('.announcement'))).toBe(true);

    const saved = await suite.api.dataSource
      .getRepository(SituationAction)
      .findOneByOrFail({ id: scenario.actionIds.plan });
    expect(saved).toMatchObject({
      status: 'DONE',
      outcome: 'Plan signé avec la personne le jour de la visite.',
    });

    await page.reload();
    const finished = group(page, 'Terminées');
    await rowOf(finished, ACTIONS.plan).waitFor();
    expect(await rowOf(finished, ACTIONS.plan).textContent()).toContain('Faite');
    expect(await rowOf(finished, ACTIONS.plan).textContent()).toContain(
      'Résultat : Plan signé avec la personne le jour de la visite.',
    );
    expect(await group(page, 'À faire').textContent()).not.toContain(ACTIONS.plan);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mes-actions-resultat');

    // Opened again, the dialog starts from the outcome noted.
    await rowOf(finished, ACTIONS.plan)
      .getByRole('button', { name: /^Mettre à jour/ })
      .click();
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Résultat/).inputValue()).toBe(
      'Plan signé avec la personne le jour de la visite.',
    );
    expect(await dialog.textContent()).toContain('Le résultat déjà noté est repris ici');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('is used with the keyboard alone: open the dialog, choose with the arrows, write, save', async () => {
    const page = await suite.newPage();
    await onMyActions(page, { keyboardOnly: true });

    const late = group(page, 'En retard');
    const update = rowOf(late, ACTIONS.visit).getByRole('button', { name: /^Mettre à jour/ });
    await tabTo(page, update, 40);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Mettre à jour l’action' });
    await dialog.waitFor();

    // The status's radio group: Tab enters at the chosen status, the arrows move the choice.
    const current = dialog.getByRole('radio', { name: /^À faire/ });
    await tabTo(page, current);
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /^En cours/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(dialog.getByLabel(/^Résultat/))).toBe(true);
    await page.keyboard.type('Rendez-vous pris avec le CCAS.');
    await tabTo(page, dialog.getByRole('button', { name: 'Enregistrer' }));
    await page.keyboard.press('Space');

    await page.getByRole('status').filter({ hasText: '« En cours »' }).waitFor();
    expect(await isFocused(page.locator('.announcement'))).toBe(true);
    await rowOf(group(page, 'En retard'), ACTIONS.visit).filter({ hasText: 'En cours' }).waitFor();

    // Escape is not needed: a second dialog opened and left with « Annuler » returns the focus.
    await tabTo(page, update, 40);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Annuler' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(update)).toBe(true);
  });

  // Last: it adds many actions to the landlord's list.
  it('reads more actions a page at a time with « Afficher plus », keeping the groups', async () => {
    const repository = suite.api.dataSource.getRepository(SituationAction);
    const model = await repository.findOneByOrFail({ id: scenario.actionIds.schedule });
    const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await repository.save(
      Array.from({ length: 55 }, (_unused, index) =>
        repository.create({
          ...model,
          id: undefined,
          description: `Action en nombre ${String(index + 1).padStart(2, '0')}`,
          dueOn: later(60 + index),
          createdAt: new Date(),
        }),
      ),
    );
    const page = await suite.newPage({ width: 768 });
    await onMyActions(page);
    const toDo = group(page, 'À faire');
    await toDo.getByText('Action en nombre 01').first().waitFor();
    // The first page: every late action is there, « À faire » is not whole yet.
    expect(await group(page, 'En retard').getByRole('heading').textContent()).toBe('En retard (1)');
    expect(await toDo.getByRole('heading').textContent()).toMatch(/^À faire \(au moins \d+\)$/);
    expect(await toDo.textContent()).not.toContain('Action en nombre 55');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mes-actions-afficher-plus');

    await toDo.getByRole('button', { name: 'Afficher plus d’actions à mener' }).click();
    const end = toDo.getByRole('status').filter({ hasText: 'Toutes sont maintenant affichées.' });
    await end.waitFor();
    expect(await end.textContent()).toMatch(/^\d+ actions? de plus (sont affichées|est affichée)\./);
    expect(await isFocused(end)).toBe(true);
    expect(await toDo.getByRole('heading').textContent()).toBe('À faire (56)');
    expect(await toDo.getByText('Action en nombre 55').count()).toBeGreaterThan(0);
    expect(await toDo.getByRole('button', { name: /^Afficher plus/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  }, 60_000);
});
