/**
 * « Nouvelle saisine » filled as a person fills it: with the mouse (clicking what one sees), or with
 * the keyboard alone (Tab, Shift+Tab, the arrows, the space bar, Enter and typing). Shared by the
 * form's own tests and by the housing officer's whole journey.
 */
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser';
import { chooseInSearch, chooseInSearchByKeyboard } from './directory-search.steps';

/** The seven points the person is told before she agrees, as the form lists them. */
export const INFORMATION_ITEMS = [
  'Pourquoi sa situation est partagée',
  'Avec quels partenaires',
  'Quelles informations sont partagées',
  'Pour combien de temps',
  'Qu’elle peut retirer son accord à tout moment',
  'Qu’elle peut demander à voir et corriger ce qui la concerne',
  'Qui contacter pour cela',
] as const;

export const stepHeading = (page: Page, step: number, title: string): Locator =>
  page.getByRole('heading', { level: 2, name: `Étape ${step} sur 5 : ${title}` });

export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === element.ownerDocument.activeElement);

export const group = (page: Page, name: RegExp): Locator => page.getByRole('radiogroup', { name });

/** What the person agrees to share, and with whom: the parts of the consent a test varies. */
export interface ConsentChoices {
  /** Purposes beyond the cell's examination, which is always ticked. */
  purposes?: RegExp[];
  /** Partners named, beyond the cell: added by their name (or by `typed`, part of it). */
  partners: (string | { name: string; typed: string })[];
  /** Kinds of partner named as a whole (« Tout service de psychiatrie partenaire »). */
  kinds?: RegExp[];
  categories: RegExp[];
  wishesToAttend: 'Oui' | 'Non';
}

// With the mouse.

/** « Ajouter un partenaire qu’elle accepte »: the directory searched by name. */
export const addPartnerField = (page: Page): Locator =>
  page.getByRole('combobox', { name: /^Ajouter un partenaire qu’elle accepte/ });

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const radio = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('radio', { name, exact: typeof name === 'string' });
export const checkbox = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('checkbox', { name, exact: typeof name === 'string' });
export const next = (page: Page): Locator => page.getByRole('button', { name: 'Suivant' });
/** A choice is clicked where one sees it: its label (the input itself is drawn by the page). */
export const pick = (choice: Locator): Promise<void> => choice.locator('xpath=ancestor::label[1]').click();

export async function fillPerson(page: Page, person: { lastName: string; phone?: string }): Promise<void> {
  await page.getByLabel('Nom de famille').fill(person.lastName);
  await page.getByLabel('Prénom').fill('Élise');
  await page.getByLabel('Date de naissance').fill('14/03/1971');
  await pick(radio(page, 'Curatelle'));
  await page.getByLabel('Représentant (tuteur, curateur, service mandataire…)').fill('UDAF du Nord');
  await page.getByLabel('Adresse').fill('12 rue des Essais, 59000 Lille');
  await page.getByLabel('Quartier ou commune').fill('Quartier Nord');
  await page.getByLabel('Téléphone').fill(person.phone ?? '06 12 34 56 78');
  await page
    .getByLabel('Sa situation de logement')
    .fill('Bail social depuis 2009, commandement de payer délivré.');
}

export async function fillReferralForm(page: Page): Promise<void> {
  await page
    .getByLabel('Pourquoi saisissez-vous la cellule ?')
    .fill('Dette locative de 2 400 €, plaintes de voisinage répétées depuis l’été.');
  await pick(checkbox(page, /^Dette locative/));
  await pick(checkbox(page, /^Troubles du voisinage/));
  await page.getByLabel('Services déjà impliqués').fill('CCAS\nMédecin traitant');
  await page
    .getByLabel('Ce qui a déjà été tenté')
    .fill('Plan d’apurement proposé, deux visites sans réponse.');
  await page.getByLabel('Ce qui bloque').fill('La locataire n’ouvre plus sa porte.');
  await page
    .getByLabel('Votre question à la cellule')
    .fill('Comment renouer le contact et éviter la procédure ?');
  await pick(radio(page, /^Moyenne/));
  await pick(checkbox(page, /^L’examen de la situation par la cellule/));
}

/** No danger, no emergency, common-law routes tried: the cell may examine it. */
export async function answerAdmissibility(page: Page): Promise<void> {
  await pick(group(page, /danger grave et immédiat/).getByRole('radio', { name: 'Non' }));
  await pick(group(page, /relève-t-elle de l’urgence/).getByRole('radio', { name: 'Non' }));
  await pick(group(page, /voies de droit commun/).getByRole('radio', { name: 'Oui' }));
}

/** She agrees in writing, after being told the seven points, to the choices given. */
export async function fillConsent(page: Page, choices: ConsentChoices): Promise<void> {
  await pick(radio(page, 'Oui, elle donne son accord'));
  await pick(radio(page, /^Par écrit/));
  for (const item of INFORMATION_ITEMS) await pick(checkbox(page, item));
  await pick(checkbox(page, /^Que la cellule examine sa situation/));
  for (const purpose of choices.purposes ?? []) await pick(checkbox(page, purpose));
  await pick(checkbox(page, /^La cellule de situations complexes du CLSM/));
  for (const partner of choices.partners) {
    const { name, typed } = typeof partner === 'string' ? { name: partner, typed: partner } : partner;
    await chooseInSearch(page, addPartnerField(page), typed, name);
    expect(await checkbox(page, new RegExp(`^${escaped(name)}`)).isChecked()).toBe(true);
  }
  for (const kind of choices.kinds ?? []) await pick(checkbox(page, kind));
  for (const category of choices.categories) await pick(checkbox(page, category));
  await pick(
    group(page, /Souhaite-t-elle être présente/).getByRole('radio', { name: choices.wishesToAttend }),
  );
}

// With the keyboard alone.

/** The consent step is long: many stops between two of its questions. */
export const FAR = 80;

/** A new step reads from its title: the focus is there. */
export async function onStep(page: Page, step: number, title: string): Promise<void> {
  await stepHeading(page, step, title).waitFor();
  await page.waitForFunction(
    (name) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === name,
    `Étape ${step} sur 5 : ${title}`,
  );
}

export async function typeInto(page: Page, field: Locator, text: string, maxPresses?: number): Promise<void> {
  await tabTo(page, field, maxPresses);
  await page.keyboard.type(text);
}

/** Tabs to a check box or a radio button and presses the space bar, as one ticks it. */
export async function tick(page: Page, choice: Locator, maxPresses = FAR): Promise<void> {
  await tabTo(page, choice, maxPresses);
  await page.keyboard.press('Space');
  expect(await choice.isChecked()).toBe(true);
}

export async function press(page: Page, button: string, maxPresses = FAR): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: button }), maxPresses);
  await page.keyboard.press('Enter');
}

/** Tabs into a radio group (at its first choice) and moves down it with the arrows to `choice`. */
async function chooseWithArrows(page: Page, within: Locator, choice: Locator): Promise<void> {
  await tabTo(page, within.getByRole('radio').first());
  for (let presses = 0; presses < 10 && !(await choice.isChecked()); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await choice.isChecked()).toBe(true);
}

/** Step 1, typed straight through; Enter in the last field sends the step. */
export async function typePerson(page: Page, person: { lastName: string }): Promise<void> {
  await typeInto(page, page.getByLabel('Nom de famille'), person.lastName);
  await typeInto(page, page.getByLabel('Prénom'), 'Jeanne');
  await typeInto(page, page.getByLabel('Date de naissance'), '02/11/1958');
  const measures = group(page, /^Mesure de protection juridique/);
  await chooseWithArrows(page, measures, measures.getByRole('radio', { name: 'Tutelle', exact: true }));
  await typeInto(
    page,
    page.getByLabel('Représentant (tuteur, curateur, service mandataire…)'),
    'ATMP du Nord',
  );
  await typeInto(page, page.getByLabel('Quartier ou commune'), 'Quartier Sud');
  await typeInto(page, page.getByLabel('Téléphone'), '03 20 12 34 56');
  await page.keyboard.press('Enter');
}

/** Step 2: the difficulties, what was tried, the question, a middling urgency, two requests. */
export async function typeReferralForm(page: Page): Promise<void> {
  await typeInto(
    page,
    page.getByLabel('Pourquoi saisissez-vous la cellule'),
    'Logement encombré, voisins inquiets.',
  );
  await tick(page, page.getByRole('checkbox', { name: /^Incurie, accumulation/ }));
  await tick(page, page.getByRole('checkbox', { name: /^Isolement/ }));
  await typeInto(page, page.getByLabel('Ce qui a déjà été tenté'), 'Visite avec le CCAS.');
  await typeInto(
    page,
    page.getByLabel('Votre question à la cellule'),
    'Qui peut proposer un accompagnement ?',
  );
  const urgency = group(page, /^L’urgence que vous ressentez/);
  await tabTo(page, urgency.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  expect(await urgency.getByRole('radio', { name: /^Moyenne/ }).isChecked()).toBe(true);
  await tick(page, page.getByRole('checkbox', { name: /^Un diagnostic-évaluation/ }));
  await tick(page, page.getByRole('checkbox', { name: /^L’examen de la situation/ }));
}

/** Step 3: « Non », « Non », « Oui » — arrows in the first two groups, the space bar in the last. */
export async function answerAdmissibilityByKeyboard(page: Page): Promise<void> {
  const danger = group(page, /danger grave et immédiat/);
  await tabTo(page, danger.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  expect(await danger.getByRole('radio', { name: 'Non' }).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  expect(
    await group(page, /relève-t-elle de l’urgence/)
      .getByRole('radio', { name: 'Non' })
      .isChecked(),
  ).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  expect(
    await group(page, /voies de droit commun/)
      .getByRole('radio', { name: 'Oui' })
      .isChecked(),
  ).toBe(true);
}

/** Step 4: her agreement in writing, ticked choice by choice, recorded. */
export async function giveConsentByKeyboard(page: Page, choices: ConsentChoices): Promise<void> {
  await tick(page, page.getByRole('radio', { name: 'Oui, elle donne son accord' }));
  await tick(page, page.getByRole('radio', { name: /^Par écrit/ }));
  for (const item of INFORMATION_ITEMS) {
    await tick(page, page.getByRole('checkbox', { name: item, exact: true }));
  }
  await tick(page, page.getByRole('checkbox', { name: /^Que la cellule examine sa situation/ }));
  for (const purpose of choices.purposes ?? [])
    await tick(page, page.getByRole('checkbox', { name: purpose }));
  await tick(page, page.getByRole('checkbox', { name: /^La cellule de situations complexes/ }));
  for (const partner of choices.partners) {
    const { name, typed } = typeof partner === 'string' ? { name: partner, typed: partner } : partner;
    await chooseInSearchByKeyboard(page, addPartnerField(page), typed, name);
    // Added ticked, and the focus stays in the field for the next one.
    expect(await page.getByRole('checkbox', { name: new RegExp(`^${escaped(name)}`) }).isChecked()).toBe(
      true,
    );
    expect(await isFocused(addPartnerField(page))).toBe(true);
  }
  for (const kind of choices.kinds ?? []) await tick(page, page.getByRole('checkbox', { name: kind }));
  for (const category of choices.categories) await tick(page, page.getByRole('checkbox', { name: category }));
  const attends = group(page, /Souhaite-t-elle être présente/);
  await tabTo(page, attends.getByRole('radio').first(), FAR);
  // Tab enters an unanswered group at its first choice, « Oui »; the arrow moves to « Non ».
  await page.keyboard.press(choices.wishesToAttend === 'Oui' ? 'Space' : 'ArrowDown');
  expect(await attends.getByRole('radio', { name: choices.wishesToAttend }).isChecked()).toBe(true);
  await press(page, 'Enregistrer sa réponse');
  await page.getByText(/^Accord enregistré : recueilli le /).waitFor();
}
