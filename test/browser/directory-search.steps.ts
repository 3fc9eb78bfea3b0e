/**
 * The directory's search fields (« Ajouter un partenaire », « Partenaire chargé »…) used as a person
 * uses them: typing part of a name, then choosing among what the api found, with the mouse or with
 * the keyboard alone.
 */
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser';

/** What a person types who does not bother with capitals or accents: « ecole » for « École ». */
export const plainly = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The option the list shows for `name` (its name, then what tells it apart). */
const optionOf = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('option', { name: typeof name === 'string' ? new RegExp(`^${escaped(name)}`) : name });

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Waits until the field's list answers what was typed: while the api is asked, the list still shows
 * the entries it had (the first page), which the answer then moves or replaces under the pointer.
 * The status line under the field is empty while the search is under way.
 */
async function searchSettled(field: Locator): Promise<void> {
  await field
    .locator(
      'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " directory-search ")][1]',
    )
    .locator('.directory-search-status')
    .filter({ hasText: /\S/ })
    .waitFor();
}

/** With the mouse: types `typed` in the field, then clicks the option found. */
export async function chooseInSearch(
  page: Page,
  field: Locator,
  typed: string,
  name: string | RegExp,
): Promise<void> {
  // In the middle of the screen, the list opens whole: scrolling the page would close it, as
  // react-aria closes a list whose field scrolls away.
  await field.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await field.click();
  await field.fill(typed);
  await searchSettled(field);
  await optionOf(page, name).click();
  await optionOf(page, name).waitFor({ state: 'detached' });
}

/**
 * With the keyboard alone: Tab to the field, type, the arrow down the list to the option found,
 * Entrée. `maxPresses` bounds the Tab presses to reach the field.
 */
export async function chooseInSearchByKeyboard(
  page: Page,
  field: Locator,
  typed: string,
  name: string | RegExp,
  maxPresses?: number,
): Promise<void> {
  await tabTo(page, field, maxPresses);
  await typeAndChoose(page, typed, name);
}

/** In the search field that has the focus: types, moves down the list to the option found, Entrée. */
export async function typeAndChoose(page: Page, typed: string, name: string | RegExp): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(typed);
  await searchSettled(page.locator(':focus'));
  const option = optionOf(page, name);
  await option.waitFor();
  for (let presses = 0; presses < 25; presses += 1) {
    await page.keyboard.press('ArrowDown');
    if ((await option.getAttribute('data-focused')) !== null) break;
  }
  if ((await option.getAttribute('data-focused')) === null)
    throw new Error(`Les flèches n'atteignent pas l'option ${String(name)}.`);
  await page.keyboard.press('Enter');
  await option.waitFor({ state: 'detached' });
}
