/**
 * The moves of « Droits de la personne » on a situation's page and of « Situations archivées »:
 * recording a request, answering it, taking it with the keyboard alone. Each waits for what it
 * asked to be shown.
 */
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser';

/** The situation's page, scrolled to its « Droits de la personne » with its requests read. */
export async function openPersonRights(page: Page, situationId: string): Promise<Locator> {
  await page.goto(`/situations/${situationId}`);
  const section = page.getByRole('region', { name: 'Droits de la personne', exact: true });
  await section.waitFor();
  await section
    .getByText(/Aucune demande enregistrée|Demandes de la personne/)
    .first()
    .waitFor();
  return section;
}

/** « Enregistrer une demande de la personne » with the mouse: the right, then what she asks. */
export async function recordRequest(
  page: Page,
  section: Locator,
  kind: string,
  request: string,
): Promise<void> {
  await section.getByRole('button', { name: 'Enregistrer une demande de la personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer une demande de la personne' });
  await dialog
    .getByRole('radiogroup', { name: /^Ce que la personne demande/ })
    .locator('label')
    .filter({ hasText: new RegExp(`^${kind}`) })
    .click();
  await dialog.getByLabel(/^Sa demande, en quelques lignes/).fill(request);
  await dialog.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await section.getByText(`Demande « ${kind} » enregistrée`).waitFor();
}

/**
 * The same with the keyboard alone: Tab to the button, Enter; in the dialog, Tab to the rights and
 * the arrows to `presses` rights further, Tab to the text, typed, Tab to the button, Enter.
 */
export async function recordRequestByKeyboard(
  page: Page,
  section: Locator,
  kind: { label: string; presses: number },
  request: string,
): Promise<void> {
  await tabTo(page, section.getByRole('button', { name: 'Enregistrer une demande de la personne' }), 80);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Enregistrer une demande de la personne' });
  await dialog.waitFor();
  await tabTo(page, dialog.getByRole('radio').first(), 5);
  for (let press = 0; press < kind.presses; press += 1) await page.keyboard.press('ArrowDown');
  await tabTo(page, dialog.getByLabel(/^Sa demande, en quelques lignes/), 5);
  await page.keyboard.type(request);
  await tabTo(page, dialog.getByRole('button', { name: 'Enregistrer la demande' }), 5);
  await page.keyboard.press('Enter');
  await section.getByText(`Demande « ${kind.label} » enregistrée`).waitFor();
  // The reading position moves to what the page says of it.
  await page.waitForFunction(
    (words) => Boolean(document.activeElement?.textContent?.includes(words)),
    `Demande « ${kind.label} » enregistrée`,
  );
}

/** The line of a request in the section, by its right. */
export const requestLine = (section: Locator, kind: string): Locator =>
  section.getByRole('listitem').filter({ has: section.page().getByText(kind, { exact: true }) });

/** Opens « Répondre » on the request and gives its dialog. */
export async function openAnswer(page: Page, section: Locator, kind: string): Promise<Locator> {
  await section.getByRole('button', { name: `Répondre à la demande « ${kind} »` }).click();
  const dialog = page.getByRole('dialog', { name: `Répondre à la demande « ${kind} »` });
  await dialog.waitFor();
  return dialog;
}

/** Chooses the answer and writes it, then presses the dialog's main button. */
export async function fillAnswer(
  dialog: Locator,
  answer: 'Satisfaite' | 'Refusée',
  text: string,
): Promise<void> {
  await dialog
    .getByRole('radiogroup', { name: /^Votre réponse/ })
    .locator('label')
    .filter({ hasText: new RegExp(`^${answer}`) })
    .click();
  await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name: /enregistrer la réponse$/i }).click();
}

/** The error the page shows on the answer chosen (the api's words). */
export async function answerError(dialog: Locator): Promise<string> {
  const error = dialog
    .getByRole('radiogroup', { name: /^Votre réponse/ })
    .locator('.field-error')
    .filter({ hasText: /\S/ });
  await error.waitFor();
  return (await error.textContent()) ?? '';
}
