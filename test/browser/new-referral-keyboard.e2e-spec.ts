import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import type { Locator, Page } from 'playwright-core';
import { BROWSER_SETUP_TIMEOUT_MS, browserSuite, signInThroughPage, tabTo } from '../support/browser';

/** The whole form with the keyboard: several hundred key presses. */
const JOURNEY_TIMEOUT_MS = 240_000;

/** The consent step is long: many stops between two of its questions. */
const FAR = 80;

describe('a housing officer writes a new referral with the keyboard alone', () => {
  const suite = browserSuite();
  let officer: { email: string; password: string };
  let coordinator: GraphqlClient;

  beforeAll(async () => {
    const { factory } = suite.api;
    const territory = await factory.territory({ name: 'CLSM du clavier' });
    const bailleur = await factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat du clavier');
    await factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS du clavier');
    const clsm = await factory.organisation(territory, OrganisationKind.MUNICIPAL, 'Coordination du clavier');
    officer = await factory.user({
      territory,
      organisation: bailleur,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const coordinatorUser = await factory.user({
      territory,
      organisation: clsm,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
    });
    ({ client: coordinator } = await logInClient(
      suite.api.anonymous,
      coordinatorUser.email,
      coordinatorUser.password,
    ));
  }, BROWSER_SETUP_TIMEOUT_MS);

  const isFocused = (target: Locator) =>
    target.evaluate((element) => element === element.ownerDocument.activeElement);

  const stepHeading = (page: Page, step: number, title: string) =>
    page.getByRole('heading', { level: 2, name: `Étape ${step} sur 5 : ${title}` });

  /** A new step reads from its title: the focus is there. */
  async function onStep(page: Page, step: number, title: string): Promise<void> {
    const heading = stepHeading(page, step, title);
    await heading.waitFor();
    await page.waitForFunction(
      (name) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === name,
      `Étape ${step} sur 5 : ${title}`,
    );
  }

  async function typeInto(page: Page, field: Locator, text: string, maxPresses?: number): Promise<void> {
    await tabTo(page, field, maxPresses);
    await page.keyboard.type(text);
  }

  /** Tabs to a check box or a radio button and presses the space bar, as one ticks it. */
  async function tick(page: Page, choice: Locator, maxPresses = FAR): Promise<void> {
    await tabTo(page, choice, maxPresses);
    await page.keyboard.press('Space');
    expect(await choice.isChecked()).toBe(true);
  }

  async function press(page: Page, button: string, maxPresses = FAR): Promise<void> {
    await tabTo(page, page.getByRole('button', { name: button }), maxPresses);
    await page.keyboard.press('Enter');
  }

  const group = (page: Page, name: RegExp) => page.getByRole('radiogroup', { name });

  it(
    'goes through the five steps with Tab, Shift+Tab, the arrows, the space bar, Enter and typing',
    async () => {
      const page = await suite.newPage();
      await signInThroughPage(page, suite.api, officer, { keyboardOnly: true });
      await page.getByRole('heading', { level: 1, name: 'Mes saisines' }).waitFor();
      await tabTo(
        page,
        page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Nouvelle saisine' }),
      );
      await page.keyboard.press('Enter');
      await stepHeading(page, 1, 'La personne').waitFor();

      // 1. La personne — a typo mended by going back with Shift+Tab.
      const lastName = page.getByLabel('Nom de famille');
      await typeInto(page, lastName, 'Martind');
      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByLabel('Prénom'))).toBe(true);
      await page.keyboard.type('Jeanne');
      await page.keyboard.press('Shift+Tab');
      expect(await isFocused(lastName)).toBe(true);
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      expect(await lastName.inputValue()).toBe('Martin');
      await typeInto(page, page.getByLabel('Date de naissance'), '02/11/1958');
      // Into the measures with Tab, then down the list with the arrows.
      const measures = group(page, /^Mesure de protection juridique/);

      await tabTo(page, measures.getByRole('radio').first());
      for (let presses = 0; presses < 5; presses += 1) await page.keyboard.press('ArrowDown');
      expect(await measures.getByRole('radio', { name: 'Tutelle', exact: true }).isChecked()).toBe(true);
      await typeInto(
        page,
        page.getByLabel('Représentant (tuteur, curateur, service mandataire…)'),
        'ATMP du Nord',
      );
      await typeInto(page, page.getByLabel('Quartier ou commune'), 'Quartier Sud');
      await typeInto(page, page.getByLabel('Téléphone'), '03 20 12 34 56');
      // Enter in a field sends the step, as in any form.
      await page.keyboard.press('Enter');

      // 2. La fiche de saisine.
      await onStep(page, 2, 'La fiche de saisine');
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
      await press(page, 'Suivant');

      // 3. Recevabilité: « Non », « Non », « Oui ».
      await onStep(page, 3, 'Recevabilité');
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
      expect(await page.getByRole('alert').count()).toBe(0);
      await press(page, 'Suivant');

      // 4. Le consentement, recorded.
      await onStep(page, 4, 'Le consentement');
      await tick(page, page.getByRole('radio', { name: 'Oui, elle donne son accord' }));
      await tick(page, page.getByRole('radio', { name: /^Par écrit/ }));
      for (const item of [
        'Pourquoi sa situation est partagée',
        'Avec quels partenaires',
        'Quelles informations sont partagées',
        'Pour combien de temps',
        'Qu’elle peut retirer son accord à tout moment',
        'Qu’elle peut demander à voir et corriger ce qui la concerne',
        'Qui contacter pour cela',
      ]) {
        await tick(page, page.getByRole('checkbox', { name: item, exact: true }));
      }
      await tick(page, page.getByRole('checkbox', { name: /^Que la cellule examine sa situation/ }));
      await tick(page, page.getByRole('checkbox', { name: /^Un accompagnement par une équipe/ }));
      await tick(page, page.getByRole('checkbox', { name: /^La cellule de situations complexes/ }));
      await tick(page, page.getByRole('checkbox', { name: /^CCAS du clavier/ }));
      await tick(page, page.getByRole('checkbox', { name: /^Les informations pratiques/ }));
      await tick(page, page.getByRole('checkbox', { name: /^Son logement/ }));
      const attends = group(page, /Souhaite-t-elle être présente/);
      await tabTo(page, attends.getByRole('radio').first(), FAR);
      await page.keyboard.press('Space');
      expect(await attends.getByRole('radio', { name: 'Oui' }).isChecked()).toBe(true);
      await press(page, 'Enregistrer sa réponse');
      await page.getByText(/^Accord enregistré : recueilli le /).waitFor();
      await page.getByText('Récépissé de consentement — CLSM du clavier').waitFor();
      // Shift+Tab from the end of the page reaches the main action, then Enter.
      await tabTo(page, page.getByRole('button', { name: 'Suivant' }), FAR);
      await page.keyboard.press('Shift+Tab');
      expect(await isFocused(page.getByRole('button', { name: 'Enregistrer et quitter' }))).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      // 5. Vérifier et transmettre.
      await onStep(page, 5, 'Vérifier et transmettre');
      expect(await page.locator('form').textContent()).toContain('Martin Jeanne');
      await press(page, 'Transmettre à la cellule');
      const done = page.getByRole('heading', { level: 1, name: 'Saisine transmise à la cellule' });
      await done.waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

      const id = /\/saisines\/([0-9a-f-]{36})$/.exec(
        (await page.getByRole('link', { name: 'Voir la saisine dans Mes saisines' }).getAttribute('href')) ??
          '',
      )?.[1];
      const { referral } = await coordinator.expectData<{
        referral: { status: string; requests: string[]; identity: { lastName: string; birthDate: string } };
      }>(
        `query ($id: ID!) { referral(referralId: $id) { status requests identity { lastName birthDate } } }`,
        { id },
      );
      expect(referral).toEqual({
        status: 'SUBMITTED',
        requests: ['FOLLOW_UP_ASSESSMENT', 'CELL_EXAMINATION'],
        identity: { lastName: 'Martin', birthDate: '1958-11-02' },
      });
    },
    JOURNEY_TIMEOUT_MS,
  );
});
