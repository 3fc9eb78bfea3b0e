/**
 * The moves of « Passage de relais »: proposing one from a follow-up (the partners, the fields, the
 * check before sending, the document), answering one in « Relais reçus », and closing the
 * follow-up once handed over. Each waits for what it asked to be shown, and checks it.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser';

/** A region of the page by its heading (« Passages de relais », « Ce qui vous est transmis »…). */
export const region = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** The hand-off form of a follow-up, its partners read. */
export async function openProposeHandoff(page: Page, followUpId: string): Promise<void> {
  await page.goto(`/suivis/${followUpId}/relais`);
  await page.getByRole('heading', { level: 1, name: 'Proposer un passage de relais' }).waitFor();
  await page.getByRole('radiogroup', { name: /Le service qui reçoit le relais/ }).waitFor();
}

/** A partner of the form's list, by its name: its radio button and the words beside it. */
export function recipient(page: Page, name: string): { radio: Locator; text: Locator } {
  const group = page.getByRole('radiogroup', { name: /Le service qui reçoit le relais/ });
  return {
    radio: group.getByRole('radio', { name: new RegExp(`^${name}`) }),
    text: group.locator('label').filter({ hasText: name }),
  };
}

export interface HandoffAnswers {
  recipient: string;
  referent: string;
  cmp: string;
  firstAppointment?: string;
  socialReferent?: string;
  eviction: string;
  rights: string[];
  risks?: string;
  contacts?: string;
  personAgreed: boolean;
}

/** Fills the form as a team member would, by the labels shown. */
export async function fillHandoff(page: Page, answers: HandoffAnswers): Promise<void> {
  await recipient(page, answers.recipient).text.click();
  await page.getByLabel(/^Le référent dans le service qui reçoit/).fill(answers.referent);
  await page
    .getByRole('radiogroup', { name: /^Le suivi au CMP/ })
    .getByText(answers.cmp)
    .click();
  if (answers.firstAppointment)
    await page.getByLabel(/^La date du premier rendez-vous au CMP/).fill(answers.firstAppointment);
  if (answers.socialReferent)
    await page.getByLabel(/^Le référent social de la personne/).fill(answers.socialReferent);
  await page.getByLabel(/^La procédure d’expulsion/).selectOption({ label: answers.eviction });
  const rights = page.getByRole('group', { name: /^Les droits ouverts/ });
  for (const right of answers.rights) await rights.locator('label').filter({ hasText: right }).click();
  if (answers.risks) await page.getByLabel(/^Les risques qui demeurent/).fill(answers.risks);
  if (answers.contacts) await page.getByLabel(/^Les contacts utiles/).fill(answers.contacts);
  await page
    .getByRole('radiogroup', { name: /^La personne est-elle d’accord/ })
    .locator('label')
    .filter({ hasText: answers.personAgreed ? 'Oui, elle est d’accord' : 'Non, pas encore' })
    .click();
}

/** « Vérifier avant d’envoyer »: returns the words of what the receiving service will read. */
export async function previewHandoff(page: Page, recipientName: string): Promise<string> {
  await page.getByRole('button', { name: 'Vérifier avant d’envoyer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vérifier avant d’envoyer' }).waitFor();
  const preview = region(page, `Ce que lira ${recipientName}`);
  await preview.waitFor();
  return (await preview.textContent()) ?? '';
}

/** « Envoyer la proposition », then the confirmation. */
export async function sendHandoff(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await page.getByRole('heading', { level: 1, name: 'Passage de relais proposé' }).waitFor();
}

export interface DownloadedDocument {
  contentType: string;
  status: number;
  filename: string;
  /** The file's first bytes, as text (« %PDF- » for a PDF). */
  head: string;
}

/**
 * Follows the page's download link as a person would (the browser saves the file), and asks the
 * same address from the page to read the type the api declares.
 */
export async function downloadHandoffDocument(page: Page, link: Locator): Promise<DownloadedDocument> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const head = readFileSync(path).subarray(0, 5).toString('latin1');
  const href = (await link.getAttribute('href')) ?? '';
  // From the page itself, so the browser marks the request same-origin as it does for the link.
  const response = await page.evaluate(async (address) => {
    const answer = await fetch(address);
    return { status: answer.status, contentType: answer.headers.get('content-type') ?? '' };
  }, href);
  return {
    contentType: response.contentType,
    status: response.status,
    filename: download.suggestedFilename(),
    head,
  };
}

/** « Relais reçus » from the navigation. */
export async function openIncomingHandoffs(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Relais reçus', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Relais reçus' }).waitFor();
  await region(page, 'Déjà répondus').waitFor();
}

/** The lines of a section of « Relais reçus » (the table's rows from 768 px), as their words. */
export async function incomingLines(page: Page, section: 'À répondre' | 'Déjà répondus'): Promise<string[]> {
  const part = page.getByRole('region', { name: new RegExp(`^${section}`) });
  return part.locator('table tbody tr').allTextContents();
}

/** Opens the n-th hand-off to answer (0: the longest waiting). */
export async function openHandoffToAnswer(page: Page, index: number, caseCode: string): Promise<void> {
  const part = page.getByRole('region', { name: /^À répondre/ });
  await part.locator('table tbody tr').nth(index).getByRole('link', { name: caseCode, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Relais proposé — situation ${caseCode}` }).waitFor();
}

/**
 * Accepts the open hand-off with the keyboard alone: Tab to « Accepter le relais », Enter, the
 * dialog's confirmation reached with Tab, Enter. Resolves once the page says it is accepted, with
 * the focus on what it says.
 */
export async function acceptHandoffByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: /^Accepter le relais/ }), 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Accepter ce passage de relais ?' });
  await dialog.waitFor();
  await tabTo(page, dialog.getByRole('button', { name: 'Accepter le relais' }), 5);
  await page.keyboard.press('Enter');
  await page.getByText('Vous avez accepté le relais.').waitFor();
  // The reading position moves to the news, not lost with the buttons that are gone.
  await page.waitForFunction(() =>
    Boolean(document.activeElement?.textContent?.includes('Vous avez accepté le relais.')),
  );
}

/**
 * Declines the open hand-off: first without a reason (the page must say one is needed, in French,
 * on the field), then with `reason`. Returns the message shown for the missing reason.
 */
export async function declineHandoff(page: Page, reason: string): Promise<string> {
  await page.getByRole('button', { name: /^Décliner le relais/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Décliner ce passage de relais' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Décliner le relais' }).click();
  const missing = dialog.locator('.field-error').filter({ hasText: /\S/ });
  await missing.waitFor();
  const message = (await missing.textContent()) ?? '';
  await dialog.getByLabel(/^Pourquoi déclinez-vous ce relais/).fill(reason);
  await dialog.getByRole('button', { name: 'Décliner le relais' }).click();
  await page.getByText('Vous avez décliné le relais.').waitFor();
  return message;
}

/** The follow-up's page and its « Passages de relais » section. */
export async function openFollowUpHandoffs(page: Page, followUpId: string): Promise<Locator> {
  await page.goto(`/suivis/${followUpId}`);
  const section = region(page, 'Passages de relais');
  await section.waitFor();
  await section.getByRole('listitem').first().waitFor();
  return section;
}

/** « Clore l’accompagnement (relais passé) », confirmed; resolves once the page says it is closed. */
export async function closeFollowUpHandedOver(page: Page, section: Locator): Promise<void> {
  await section.getByRole('button', { name: /^Clore l’accompagnement \(relais passé\)/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Clore l’accompagnement ?' });
  await dialog.getByRole('button', { name: 'Clore l’accompagnement' }).click();
  await section.getByText('L’accompagnement est clos : le relais est passé.').waitFor();
}
