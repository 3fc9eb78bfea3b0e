/**
 * The moves on « Situations » and on a situation's page, for this file's tests and for a
 * coordinator's whole journey: each waits for what it asked to be shown, and checks it.
 */
import type { Locator, Page } from 'playwright-core';

/** A section of the situation's page, by its heading (« Le cercle », « Historique »…). */
export const situationSection = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** The list's line about a situation, by its case code: the table's row from 768 px, else its card. */
export async function situationLine(page: Page, caseCode: string): Promise<Locator> {
  const row = page.locator('table.data-table tbody tr').filter({ hasText: caseCode });
  return (await row.isVisible()) ? row : page.locator('li.card').filter({ hasText: caseCode });
}

/** The case codes the list shows, in its order (the table's, or the cards' below 768 px). */
export async function listedCaseCodes(page: Page): Promise<string[]> {
  const table = page.locator('table.data-table');
  const codes = (await table.isVisible())
    ? table.locator('tbody th a.case-code')
    : page.locator('li.card a.case-code');
  return codes.allTextContents();
}

/** The count the list announces once read (« 20 situations affichées, d’autres suivent. »). */
async function listCount(page: Page): Promise<string> {
  const count = page.locator('.situation-count').filter({ hasText: /situations? affichées?/ });
  await count.waitFor();
  return (await count.textContent()) ?? '';
}

/** « Situations » from the navigation, its first page read. Returns the count announced. */
export async function openSituations(page: Page): Promise<string> {
  await page.getByRole('navigation').getByRole('link', { name: 'Situations', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Situations' }).waitFor();
  return listCount(page);
}

export interface SituationFilter {
  /** A choice of « État », as shown (« À réexaminer », « Toutes, closes comprises »). */
  status?: string;
  district?: string;
  /** A choice of « Saisie par » (« Bailleur social »). */
  referrerKind?: string;
  /** As typed: « 03/12/2026 ». */
  reviewDueBy?: string;
}

/** Fills the list's criteria and « Filtrer »; returns the count announced, where the focus now is. */
export async function filterSituations(page: Page, filter: SituationFilter): Promise<string> {
  const form = page.getByRole('form', { name: 'Filtrer les situations' });
  if (filter.status) await form.getByLabel('État').selectOption({ label: filter.status });
  if (filter.district !== undefined) await form.getByLabel(/^Quartier ou commune/).fill(filter.district);
  if (filter.referrerKind) await form.getByLabel(/^Saisie par/).selectOption({ label: filter.referrerKind });
  if (filter.reviewDueBy !== undefined)
    await form.getByLabel(/^Réexamen dû au plus tard le/).fill(filter.reviewDueBy);
  await form.getByRole('button', { name: 'Filtrer' }).click();
  // Once the list for the new criteria is read, the reading position moves to its count.
  await page.waitForFunction(() => {
    const focused = document.activeElement;
    return focused?.classList.contains('situation-count') && /affichée/.test(focused.textContent ?? '');
  });
  return listCount(page);
}

/** « Réexamens dus aujourd’hui »: the reviews waiting, whatever the other criteria; returns the count. */
export async function askReviewsDueToday(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Réexamens dus aujourd’hui' }).click();
  await page.waitForFunction(() => {
    const focused = document.activeElement;
    return focused?.classList.contains('situation-count') && /affichée/.test(focused.textContent ?? '');
  });
  return listCount(page);
}

/** « Afficher plus » under the list; returns what it says it brought. */
export async function showMoreSituations(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Afficher plus' }).click();
  const told = page.getByRole('status').filter({ hasText: /de plus (est|sont) affichées?/ });
  await told.waitFor();
  return (await told.textContent()) ?? '';
}

/** Follows the situation's case code from the list to its page. */
export async function openSituation(page: Page, caseCode: string): Promise<void> {
  const line = await situationLine(page, caseCode);
  await line.getByRole('link', { name: caseCode }).click();
  await page.getByRole('heading', { level: 1, name: `Situation ${caseCode}` }).waitFor();
}

export interface ExpectedSituation {
  /** The partners' names the circle lists. */
  circle: string[];
  /** What the consent's section says: its recipients, purposes, categories, its expiry. */
  consent: string[];
  /** Lines of the history, as labelled. */
  timeline: string[];
  /** Descriptions of the actions shown. */
  actions: string[];
  /** Words of « Pourquoi puis-je voir ceci ? ». */
  why: string;
  /** The reader's name, to find their own read in « Qui a consulté ce dossier ? ». */
  readerName: string;
}

/** The situation's page shows each of its parts, the reader's own read included in the access log. */
export async function expectSituationPage(page: Page, expected: ExpectedSituation): Promise<void> {
  const contains = async (section: Locator, words: string) => {
    await section.getByText(words, { exact: false }).first().waitFor();
  };
  for (const name of expected.circle) await contains(situationSection(page, 'Le cercle'), name);
  for (const words of expected.consent)
    await contains(situationSection(page, 'Accord de la personne'), words);
  for (const line of expected.timeline) await contains(situationSection(page, 'Historique'), line);
  for (const action of expected.actions) await contains(situationSection(page, 'Actions'), action);
  await contains(situationSection(page, 'Pourquoi puis-je voir ceci ?'), expected.why);
  const log = situationSection(page, 'Qui a consulté ce dossier ?');
  // The page's own read: of the situation itself, by the reader, with what it showed.
  await log
    .locator('li')
    .filter({ hasText: expected.readerName })
    .filter({ hasText: 'Données d’une personne consultées' })
    .filter({ hasText: '· Situation ·' })
    .first()
    .waitFor();
}

/** The situation's address, for a reader without rights: the page that says neither « absent » nor « refused ». */
export async function expectSituationNotAllowed(page: Page, situationId: string): Promise<void> {
  await page.goto(`/situations/${situationId}`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable ou non accessible' }).waitFor();
}
