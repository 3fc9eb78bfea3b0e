/**
 * The moves on a meeting's minutes page (« Compte rendu »), for the minutes test and for a
 * coordinator's whole journey: open it, add a restricted note, see it as a partner will, publish,
 * note the person's answer, download the decision log.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { Account, openSignedIn } from '../support/browser';
import { chooseInSearch, plainly } from './directory-search.steps';

/** Signs in (the api's clock moved past the last code) and opens the meeting's minutes. */
export async function openMinutes(
  page: Page,
  api: RunningApi,
  account: Account,
  meetingId: string,
): Promise<void> {
  api.clock.advance(30_000);
  await openSignedIn(page, api, account, `/seances/${meetingId}/compte-rendu`);
  await page.getByRole('heading', { level: 1, name: /^Compte rendu de la séance du / }).waitFor();
}

/** One item of the minutes as shown on the page (or inside a preview): its block, by case code. */
export function minutesItem(scope: Page | Locator, caseCode: string): Locator {
  return scope.getByRole('article').filter({ hasText: ` — ${caseCode}` });
}

/**
 * Adds a restricted note to the item at `position`, choosing its category by its French label
 * (« Secret médical », « Confidentielle sociale »). Returns what the dialog said of its readers before
 * it was saved, then waits for the page's confirmation.
 */
export async function addRestrictedNote(
  page: Page,
  note: { position: number; category: 'Secret médical' | 'Confidentielle sociale'; text: string },
): Promise<string> {
  await page
    .getByRole('button', { name: new RegExp(`^Ajouter une note réservée au point ${note.position},`) })
    .click();
  const dialog = page.getByRole('dialog');
  // A person clicks the choice's words (react-aria hides the native radio under them).
  await dialog
    .locator('label')
    .filter({ hasText: new RegExp(`^${note.category}`) })
    .click();
  await dialog.getByLabel('Note', { exact: true }).fill(note.text);
  const restriction = (await dialog.locator('.note-restriction').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText(new RegExp(`^Note réservée enregistrée au point ${note.position} `)).waitFor();
  return restriction;
}

/**
 * Finds the partner in « Voir comme » by typing its name without capitals or accents, and returns
 * the preview the api computed for it.
 */
export async function previewAs(page: Page, partnerName: string): Promise<Locator> {
  const field = page.getByRole('combobox', { name: /^Voir comme/ });
  await chooseInSearch(page, field, plainly(partnerName), partnerName);
  await page.getByRole('button', { name: 'Afficher l’aperçu' }).click();
  const region = page.getByRole('region', { name: `Aperçu pour ${partnerName}` });
  await region.waitFor();
  return region;
}

/** Opens « Publier le compte rendu… », returns who will receive what as it said, and publishes. */
export async function publishMinutes(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Publier le compte rendu…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier le compte rendu ?' });
  const said = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText(/^Compte rendu publié : chaque partenaire reçoit sa part/).waitFor();
  await page.getByText('Publié : chaque partenaire le lit pour sa part.').waitFor();
  return said;
}

/** Notes the person's answer on the item at `position`: the day she was told (JJ/MM/AAAA) and her answer. */
export async function recordPersonAnswer(
  page: Page,
  answer: {
    position: number;
    informedOn: string;
    answer: 'D’accord' | 'D’accord en partie' | 'Pas d’accord' | 'Pas de réponse';
  },
): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(`réponse de la personne au point ${answer.position},`) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Informée le').fill(answer.informedOn);
  await dialog
    .locator('label')
    .filter({ hasText: new RegExp(`^${answer.answer}$`) })
    .click();
  await dialog.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await page
    .getByText(new RegExp(`^Réponse de la personne enregistrée au point ${answer.position} `))
    .waitFor();
}

/** Downloads the decision log through the page's link, as the browser's session: the file's bytes and name. */
export async function downloadDecisionLog(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le relevé de décisions (PDF)' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}
