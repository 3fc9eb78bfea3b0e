/**
 * The moves of a follow-up team member on « Mon suivi », a follow-up's page and its visit form: each
 * waits for what it asked to be shown. With `keyboardOnly`, only Tab, Space, arrows, typing and Enter.
 */
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser';

/** A section of the follow-up's page, by its heading (« L’équipe », « Les actes »…). */
export const followUpSection = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** « Mon suivi »'s line about a follow-up: the table's row from 768 px, else its card. */
export async function myFollowUpLine(page: Page, caseCode: string): Promise<Locator> {
  await page
    .getByRole('status')
    .filter({ hasText: /accompagnements? affichés?/ })
    .waitFor();
  const row = page.locator('table.data-table tbody tr').filter({ hasText: caseCode });
  return (await row.isVisible()) ? row : page.locator('li.card').filter({ hasText: caseCode });
}

/** « Mon suivi » from the navigation, its first page read. */
export async function openMyFollowUps(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Mon suivi', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon suivi' }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /accompagnements? affichés?/ })
    .waitFor();
}

async function press(page: Page, target: Locator, key: string, keyboardOnly: boolean): Promise<void> {
  if (!keyboardOnly) return target.click();
  await tabTo(page, target, 40);
  await page.keyboard.press(key);
}

/**
 * Ticks a radio button or a check box by its label: with the mouse on the words (its input is
 * visually hidden, as react-aria draws it), or Tab to it and Space.
 */
async function choose(page: Page, name: RegExp | string, keyboardOnly: boolean): Promise<void> {
  // Queried inside the form, and inside the label for `has` (an inner locator starts from the page).
  const input = page.getByRole('radio', { name }).or(page.getByRole('checkbox', { name }));
  const form = page.locator('form.visit-form');
  if (keyboardOnly) return press(page, form.locator(input), 'Space', true);
  await form.locator('label.choice').filter({ has: input }).click();
}

/** Opens a follow-up from « Mon suivi »; resolves once its page shows. */
export async function openFollowUp(
  page: Page,
  caseCode: string,
  options: { keyboardOnly?: boolean } = {},
): Promise<void> {
  const line = await myFollowUpLine(page, caseCode);
  await press(page, line.getByRole('link', { name: caseCode }), 'Enter', Boolean(options.keyboardOnly));
  await page.getByRole('heading', { level: 1, name: `Accompagnement ${caseCode}` }).waitFor();
}

/** « Enregistrer une visite » from the follow-up's page; resolves once the form shows. */
export async function openVisitForm(page: Page, options: { keyboardOnly?: boolean } = {}): Promise<void> {
  await press(
    page,
    page.getByRole('link', { name: 'Enregistrer une visite' }),
    'Enter',
    Boolean(options.keyboardOnly),
  );
  await page.getByRole('heading', { level: 1, name: /^Enregistrer une visite/ }).waitFor();
}

export interface Visit {
  /** « Appel téléphonique »…; a home visit (the form's default) when absent. */
  elsewhere?: string;
  /** Team members present besides the reader (checked by default), by the name the form shows. */
  alsoPresent?: string[];
  duration: string;
  note?: string;
  healthOnly?: boolean;
}

/** Fills the visit form (the date left at today); does not save. */
export async function fillVisit(
  page: Page,
  visit: Visit,
  options: { keyboardOnly?: boolean } = {},
): Promise<void> {
  const keyboardOnly = Boolean(options.keyboardOnly);
  const form = page.locator('form.visit-form');
  if (visit.elsewhere) {
    await choose(page, /^Ailleurs ou à distance/, keyboardOnly);
    await choose(page, visit.elsewhere, keyboardOnly);
  }
  for (const name of visit.alsoPresent ?? []) await choose(page, new RegExp(`^${name}`), keyboardOnly);
  const type = async (field: Locator, text: string) => {
    if (!keyboardOnly) return field.fill(text);
    await tabTo(page, field, 40);
    await page.keyboard.type(text);
  };
  await type(form.getByLabel(/^Durée, en minutes/), visit.duration);
  if (visit.note) await type(form.getByLabel(/^Note/), visit.note);
  if (visit.healthOnly) await choose(page, /^Réserver la note aux professionnels de santé/, keyboardOnly);
}

/** « Enregistrer la visite »; resolves once the follow-up's page says it is recorded. */
export async function saveVisit(page: Page, options: { keyboardOnly?: boolean } = {}): Promise<void> {
  await press(
    page,
    page.getByRole('button', { name: 'Enregistrer la visite' }),
    'Enter',
    Boolean(options.keyboardOnly),
  );
  await page
    .getByRole('status')
    .filter({ hasText: /La visite du .* est enregistrée\./ })
    .waitFor();
}

/**
 * The acts listed on the follow-up's page, each as its text, the most recent first, once `count` are
 * shown (the page reads the follow-up again after a change).
 */
export async function listedActs(page: Page, count: number): Promise<string[]> {
  const acts = followUpSection(page, 'Les actes').locator('ol > li');
  await acts.nth(count - 1).waitFor();
  return acts.allTextContents();
}
