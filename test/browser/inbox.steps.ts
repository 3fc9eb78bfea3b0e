/**
 * The coordinator's moves in « À traiter », for this file's tests and for a coordinator's whole
 * journey: each step starts on the inbox and ends there, its outcome announced and checked.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { openSignedIn } from '../support/browser';

/** A section of the inbox, by the start of its heading (« Saisines à pré-examiner »). */
export const inboxSection = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: new RegExp(`^${title}`) });

/** The inbox's entry about a referral, a late action or a hand-off, by its case code. */
export const inboxEntry = (section: Locator, caseCode: string): Locator =>
  section.locator('li.inbox-entry').filter({ hasText: caseCode });

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === element.ownerDocument.activeElement);

/**
 * Signs the coordinator in through the page; the shell opens « À traiter » for a coordinator.
 * The api's clock moves 30 s first (at most three sign-ins of one account per 30 s).
 */
export async function signInToInbox(
  page: Page,
  api: RunningApi,
  coordinator: { email: string; password: string },
): Promise<void> {
  api.clock.advance(30_000);
  await openSignedIn(page, api, coordinator);
  await page.getByRole('heading', { level: 1, name: 'À traiter' }).waitFor();
  await inboxSection(page, 'Saisines à pré-examiner').locator('li.inbox-entry').first().waitFor();
}

/** Waits for the inbox's announcement of what was done, and checks the reading position is on it. */
export async function expectAnnounced(page: Page, words: string | RegExp): Promise<void> {
  const announcement = page.locator('.announcement').filter({ hasText: words });
  await announcement.waitFor();
  if (!(await isFocused(announcement))) throw new Error('Le focus n’est pas sur l’annonce.');
}

/**
 * The referral is listed anonymously: its case code, its referrer's kind and how long it waited,
 * never the person's name (anywhere in the page).
 */
export async function expectAnonymousReferral(
  page: Page,
  referral: { caseCode: string; name: string },
): Promise<Locator> {
  const entry = inboxEntry(inboxSection(page, 'Saisines à pré-examiner'), referral.caseCode);
  await entry.waitFor();
  const text = (await entry.textContent()) ?? '';
  if (!/transmise depuis (aujourd’hui|\d+ jours?)/.test(text))
    throw new Error(`L’entrée ne dit pas depuis quand la saisine attend : ${text}`);
  if ((await page.content()).includes(referral.name))
    throw new Error(`La page montre le nom de la personne (${referral.name}).`);
  return entry;
}

/** « Commencer le pré-examen » on a sent referral. */
export async function startPreReview(page: Page, caseCode: string): Promise<void> {
  const entry = inboxEntry(inboxSection(page, 'Saisines à pré-examiner'), caseCode);
  await entry.getByRole('button', { name: /^Commencer le pré-examen/ }).click();
  await expectAnnounced(page, `La saisine ${caseCode} est en pré-examen`);
  await entry.getByText('En pré-examen').waitFor();
}

/**
 * « Accepter » on a referral in pre-review whose person may already be known: the dialog names
 * the possible duplicate (`knownCaseCode`), the coordinator says whether it is the same person.
 */
export async function acceptReferral(
  page: Page,
  referral: { caseCode: string; knownCaseCode?: string },
  options: { samePerson?: boolean; inDialog?: (dialog: Locator) => Promise<void> } = {},
): Promise<void> {
  const entry = inboxEntry(inboxSection(page, 'Saisines à pré-examiner'), referral.caseCode);
  await entry.getByRole('button', { name: /^Accepter/ }).click();
  const dialog = page.getByRole('dialog', { name: `Accepter la saisine ${referral.caseCode}` });
  await dialog.waitFor();
  if (referral.knownCaseCode) {
    await dialog.getByText(/Doublon possible/).waitFor();
    if (!((await dialog.textContent()) ?? '').includes(referral.knownCaseCode))
      throw new Error(`Le dialogue ne nomme pas le doublon ${referral.knownCaseCode}.`);
    // A person clicks the choice's words (react-aria hides the native radio under them).
    await dialog
      .locator('label')
      .filter({ hasText: options.samePerson ? /^Oui/ : /^Non/ })
      .click();
  }
  await options.inDialog?.(dialog);
  await dialog.getByRole('button', { name: 'Accepter la saisine' }).click();
  await expectAnnounced(page, `La saisine ${referral.caseCode} est acceptée`);
  await entry.waitFor({ state: 'detached' });
}

/**
 * « Réorienter » : the body chosen by its visible name (« Commission de coordination… (CCAPEX) »)
 * and the message to the referral's author. Sent first without the message when `checkMissing`:
 * the French error under the field, and nothing sent.
 */
export async function redirectReferral(
  page: Page,
  caseCode: string,
  redirect: {
    target: string;
    message: string;
    checkMissing?: boolean;
    /** Runs in the dialog once the missing message's error shows (axe, a screenshot). */
    inDialog?: (dialog: Locator) => Promise<void>;
  },
): Promise<void> {
  const entry = inboxEntry(inboxSection(page, 'Saisines à pré-examiner'), caseCode);
  await entry.getByRole('button', { name: /^Réorienter/ }).click();
  const dialog = page.getByRole('dialog', { name: `Réorienter la saisine ${caseCode}` });
  await dialog.waitFor();
  await dialog.getByLabel('Vers quelle instance ?').selectOption({ label: redirect.target });
  const message = dialog.getByLabel(/^Message à l’auteur/);
  if (redirect.checkMissing) {
    await dialog.getByRole('button', { name: 'Réorienter la saisine' }).click();
    await dialog
      .getByText('Écrivez le message à l’auteur : il doit savoir pourquoi sa saisine est réorientée.')
      .waitFor();
    if ((await message.getAttribute('aria-invalid')) !== 'true')
      throw new Error('Le champ du message n’est pas signalé comme invalide.');
  }
  await redirect.inDialog?.(dialog);
  await message.fill(redirect.message);
  await dialog.getByRole('button', { name: 'Réorienter la saisine' }).click();
  await expectAnnounced(page, `La saisine ${caseCode} est réorientée`);
  await entry.waitFor({ state: 'detached' });
}

/** « Demander l’accord de la personne », with the reason sent to the referral's author. */
export async function askForConsent(page: Page, caseCode: string, reason: string): Promise<void> {
  const entry = inboxEntry(inboxSection(page, 'Saisines à pré-examiner'), caseCode);
  await entry.getByRole('button', { name: /^Demander l’accord de la personne/ }).click();
  const dialog = page.getByRole('dialog', { name: `Demander l’accord de la personne — ${caseCode}` });
  await dialog.getByLabel(/^Motif/).fill(reason);
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expectAnnounced(page, `La saisine ${caseCode} revient à son auteur`);
  await entry.waitFor({ state: 'detached' });
}

/** « Valider » a derogation awaiting approval, named by its legal ground, after its confirmation. */
export async function approveDerogation(page: Page, groundLabel: string): Promise<void> {
  const section = inboxSection(page, 'Dérogations à valider');
  const entry = section.locator('li.inbox-entry').filter({ hasText: groundLabel });
  await entry.getByRole('button', { name: /^Valider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Valider la dérogation' });
  await dialog.getByRole('button', { name: 'Valider la dérogation' }).click();
  await expectAnnounced(page, 'La dérogation est validée');
  await entry.waitFor({ state: 'detached' });
}
