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
import {
  ACTIONS,
  CONSENT_REASON,
  HEALTH_NOTE,
  REDIRECT_MESSAGE,
  ReferrerScenario,
  seedReferrerScenario,
} from './my-referrals.scenario';

/** The day as the page writes it at Paris time: « mardi 22 décembre 2026 », « 1er » for the first. */
function parisDay(moment: string): string {
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(moment));
  return day.replace(/^(\S+) 1 /, '$1 1er ');
}

describe('the housing officer follows its referrals in the browser', () => {
  const suite = browserSuite();
  let scenario: ReferrerScenario;

  beforeAll(async () => {
    scenario = await seedReferrerScenario(suite.api);
  }, BROWSER_SETUP_TIMEOUT_MS);

  /** Signed in as the officer, on « Mes saisines » where a referrer lands. */
  async function signedIn(
    page: Page,
    options: { keyboardOnly?: boolean; as?: 'officer' | 'colleague' } = {},
  ): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    const account = scenario[options.as ?? 'officer'];
    if (options.keyboardOnly) await signInThroughPage(page, suite.api, account, options);
    else await openSignedIn(page, suite.api, account);
    await page.getByRole('heading', { level: 1, name: 'Mes saisines' }).waitFor();
  }

  /** Nothing the server masks reaches the page, nor a word hinting at it. */
  async function expectNothingMasked(page: Page): Promise<void> {
    const html = await page.content();
    expect(html).not.toContain(HEALTH_NOTE);
    expect(html).not.toContain('Informations de santé');
    expect(html).not.toMatch(/masqu|redacted/i);
  }

  const isFocused = (target: Locator) =>
    target.evaluate((element) => element === element.ownerDocument.activeElement);

  const rowOf = (page: Page, caseCode: string): Locator =>
    page.locator('table tbody tr').filter({ has: page.getByRole('link', { name: caseCode, exact: true }) });

  it(
    'lists each referral with its French status, the next meeting and what is asked of us first (1280 and 768 px, axe clean)',
    async () => {
      const page = await suite.newPage();
      await signedIn(page);
      expect(await page.title()).toBe('Mes saisines — Relais');
      const rows = page.locator('table tbody tr');
      await atEachWidth(page, [1280, 768], async () => {
        await rows.first().waitFor();

        // The consent the cell asks for, then the late action, then the draft, then the rest.
        const order = await rows.locator('th .case-code').allTextContents();
        expect(order).toEqual([
          scenario.needsConsent.caseCode,
          scenario.accepted.caseCode,
          scenario.draft.caseCode,
          scenario.redirected.caseCode,
        ]);

        const accepted = rowOf(page, scenario.accepted.caseCode);
        expect(await accepted.textContent()).toContain('Acceptée');
        // Put on the next meeting's agenda, the situation reads as scheduled.
        expect(await accepted.textContent()).toContain('Situation : Inscrite à l’ordre du jour');
        expect(await accepted.locator('td').nth(2).textContent()).toContain(parisDay(scenario.nextMeetingAt));
        expect(await accepted.locator('td').nth(2).textContent()).toMatch(/ à \d{1,2}\sh\s\d{2}$/);
        expect(await accepted.locator('td').nth(3).textContent()).toBe('2 à mener');
        expect(await accepted.locator('td').nth(4).textContent()).toContain('1 action en retard');

        const consent = rowOf(page, scenario.needsConsent.caseCode);
        expect(await consent.textContent()).toContain('Accord à recueillir');
        expect(await consent.textContent()).toContain('La cellule demande l’accord de la personne');
        expect(await consent.getByRole('link', { name: /Compléter la saisine/ }).getAttribute('href')).toBe(
          `/saisines/${scenario.needsConsent.id}/modifier`,
        );

        const draft = rowOf(page, scenario.draft.caseCode);
        expect(await draft.textContent()).toContain('Brouillon');
        expect(await draft.textContent()).toContain('Pas encore transmise');
        expect(await draft.getByRole('link', { name: /Reprendre le brouillon/ }).getAttribute('href')).toBe(
          `/saisines/${scenario.draft.id}/modifier`,
        );

        const redirected = rowOf(page, scenario.redirected.caseCode);
        expect(await redirected.textContent()).toContain('Réorientée');
        expect(await redirected.textContent()).toContain('vers : CCAPEX');
        expect(await redirected.textContent()).toContain(REDIRECT_MESSAGE);
        expect(await redirected.textContent()).toContain('Rien pour l’instant');

        // Headers say what each cell is, for a screen reader moving through the table.
        expect(await page.locator('table thead th[scope="col"]').count()).toBe(6);
        expect(await page.locator('table tbody th[scope="row"]').count()).toBe(4);
        await expectNothingMasked(page);
        await expectNoAxeViolations(page);
        await screenshot(page, 'mes-saisines');
      });

      // Showing one status only.
      await page.getByLabel('Afficher').selectOption({ label: 'Réorientée (1)' });
      expect(await rows.locator('th .case-code').allTextContents()).toEqual([scenario.redirected.caseCode]);
      await page.getByRole('status').filter({ hasText: '1 saisine affichée' }).waitFor();
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('below 768 px, shows a card per referral with the same facts (axe clean)', async () => {
    const page = await suite.newPage({ width: 600 });
    await signedIn(page);
    const cards = page.getByRole('list', { name: 'Saisines de votre organisation' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await page.locator('table').isVisible()).toBe(false);
    expect(await cards.locator('.case-code').allTextContents()).toEqual([
      scenario.needsConsent.caseCode,
      scenario.accepted.caseCode,
      scenario.draft.caseCode,
      scenario.redirected.caseCode,
    ]);
    const accepted = cards.filter({ hasText: scenario.accepted.caseCode });
    expect(await accepted.textContent()).toContain(`Prochaine séance${parisDay(scenario.nextMeetingAt)}`);
    expect(await accepted.textContent()).toContain('1 action en retard');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mes-saisines');
  });

  it(
    'shows the accepted referral: decision, next meeting, our actions, the consent — never the health note (1280 and 768 px)',
    async () => {
      const page = await suite.newPage();
      await signedIn(page);
      await page.getByRole('link', { name: scenario.accepted.caseCode, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Saisine ${scenario.accepted.caseCode}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/saisines/${scenario.accepted.id}`);
      expect(await page.title()).toBe(`Saisine ${scenario.accepted.caseCode} — Relais`);
      await atEachWidth(page, [1280, 768], async () => {
        const standing = page.getByRole('region', { name: 'Où en est la saisine' });
        await standing.getByText(parisDay(scenario.nextMeetingAt), { exact: false }).waitFor();
        expect(await standing.textContent()).toContain('La cellule a accepté la saisine');
        expect(await standing.textContent()).toContain('Inscrite à l’ordre du jour');

        const actions = page.getByRole('region', { name: 'Actions confiées à votre organisation' });
        expect(await actions.textContent()).toContain(ACTIONS.plan);
        expect(await actions.textContent()).toContain(ACTIONS.visit);
        expect(await actions.textContent()).toContain('en retard');
        expect(
          await actions
            .getByRole('link', { name: 'Mettre à jour vos actions dans Mes actions' })
            .getAttribute('href'),
        ).toBe('/actions');

        const consent = page.getByRole('region', { name: 'Accord de la personne' });
        expect(await consent.textContent()).toContain('Accord donné');
        expect(await consent.textContent()).toContain('En vigueur jusqu’au');
        expect(await consent.textContent()).toContain('Que la cellule examine sa situation');
        expect(await consent.getByRole('listitem').allTextContents()).toEqual(
          expect.arrayContaining([
            'La cellule de situations complexes du CLSM',
            'CMP du Suivi',
            'Son logement',
          ]),
        );
        expect(
          await consent
            .getByRole('link', { name: 'Imprimer le récépissé à remettre à la personne' })
            .getAttribute('href'),
        ).toBe(`/saisines/${scenario.accepted.id}/recepisse`);

        // What the author wrote that its sharing category opens (housing), and the history.
        expect(await page.getByRole('region', { name: 'Ce que dit la saisine' }).textContent()).toContain(
          'Loyers impayés depuis quatre mois.',
        );
        expect(await page.getByRole('region', { name: 'Historique' }).textContent()).toContain('Acceptée');

        await expectNothingMasked(page);
        await expectNoAxeViolations(page);
        await screenshot(page, 'saisine-acceptee');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('shows a redirection with its target and message, a consent request with what to do, and nothing for an unknown id', async () => {
    const page = await suite.newPage();
    await signedIn(page);

    await page.goto(`/saisines/${scenario.redirected.id}`);
    await page.getByRole('heading', { level: 1, name: `Saisine ${scenario.redirected.caseCode}` }).waitFor();
    const standing = page.getByRole('region', { name: 'Où en est la saisine' });
    expect(await standing.textContent()).toContain('La cellule a réorienté la saisine le ');
    expect(await standing.textContent()).toContain(
      'Commission de coordination des actions de prévention des expulsions (CCAPEX)',
    );
    expect(await standing.getByRole('figure').textContent()).toContain(REDIRECT_MESSAGE);
    await expectNothingMasked(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'saisine-reorientee');

    await page.goto(`/saisines/${scenario.needsConsent.id}`);
    await page
      .getByRole('heading', { level: 1, name: `Saisine ${scenario.needsConsent.caseCode}` })
      .waitFor();
    await page.getByText('La cellule vous demande de recueillir l’accord de la personne').waitFor();
    expect(await page.getByRole('link', { name: 'Compléter la saisine' }).getAttribute('href')).toBe(
      `/saisines/${scenario.needsConsent.id}/modifier`,
    );
    // The author reads the history, and with it the reason the cell gave.
    await page.getByText(`Motif donné par la cellule : ${CONSENT_REASON}`).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/saisines/5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable ou non accessible' }).waitFor();
    await page.goto('/saisines/pas-un-identifiant');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable ou non accessible' }).waitFor();
  });

  it('shows a colleague of the author where each referral stands, not what it says nor who it is about', async () => {
    const page = await suite.newPage();
    await signedIn(page, { as: 'colleague' });
    await page.locator('table tbody tr').nth(3).waitFor();

    await page.getByRole('link', { name: scenario.accepted.caseCode, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Saisine ${scenario.accepted.caseCode}` }).waitFor();
    await page.getByRole('region', { name: 'Actions confiées à votre organisation' }).waitFor();
    expect(await page.getByRole('region', { name: 'Où en est la saisine' }).textContent()).toContain(
      'La cellule a accepté la saisine',
    );
    // The consent names our organisation for housing: that part is ours to read.
    expect(await page.getByRole('region', { name: 'Ce que dit la saisine' }).textContent()).toContain(
      'Loyers impayés depuis quatre mois.',
    );
    // The identity, the social side of the form and the history stay the author's: absent, untraced.
    const html = await page.content();
    for (const kept of [
      'Ferrand',
      'Ne répond plus aux courriers',
      'Comment renouer le contact',
      'Historique',
    ]) {
      expect({ kept, shown: html.includes(kept) }).toEqual({ kept, shown: false });
    }
    expect(await page.getByRole('region', { name: 'La personne', exact: true }).count()).toBe(0);
    await expectNothingMasked(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'saisine-collegue');
  });

  it('is used with the keyboard alone: filter the list, open a referral, go on to the actions', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await signedIn(page, { keyboardOnly: true });
    await page.locator('table tbody tr').first().waitFor();

    const filter = page.getByLabel('Afficher');
    await tabTo(page, filter, 40);
    // A closed list box moves to the next choice with the arrow key.
    while ((await filter.inputValue()) !== 'REDIRECTED') await page.keyboard.press('ArrowDown');
    await page.getByRole('status').filter({ hasText: '1 saisine affichée' }).waitFor();

    const link = page.getByRole('link', { name: scenario.redirected.caseCode, exact: true });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Saisine ${scenario.redirected.caseCode}` }).waitFor();
    // The reading position moved to the new page's content.
    expect(await isFocused(page.locator('#contenu'))).toBe(true);

    await tabTo(page, page.getByRole('link', { name: 'Retour à Mes saisines' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes saisines' }).waitFor();
    // The navigation is before the content: back up to it.
    const nav = page.getByRole('navigation').getByRole('link', { name: 'Mes actions' });
    for (let presses = 0; presses < 40 && !(await isFocused(nav)); presses += 1) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes actions' }).waitFor();
  });
});
