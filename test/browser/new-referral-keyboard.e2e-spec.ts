import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { BROWSER_SETUP_TIMEOUT_MS, browserSuite, signInThroughPage, tabTo } from '../support/browser';
import {
  answerAdmissibilityByKeyboard,
  FAR,
  giveConsentByKeyboard,
  group,
  isFocused,
  onStep,
  press,
  stepHeading,
  typeInto,
  typeReferralForm,
} from './new-referral.steps';
import { crowdDirectory } from '../support/crowded-directory';

/** The whole form with the keyboard: several hundred key presses. */
const JOURNEY_TIMEOUT_MS = 240_000;

describe('a housing officer writes a new referral with the keyboard alone', () => {
  const suite = browserSuite();
  let officer: { email: string; password: string };
  let coordinator: GraphqlClient;
  let school: { id: string };

  beforeAll(async () => {
    const { factory } = suite.api;
    const territory = await factory.territory({ name: 'CLSM du clavier' });
    const bailleur = await factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat du clavier');
    await factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS du clavier');
    // Past the directory's first hundred, alphabetically: found only by typing part of its name.
    school = await factory.organisation(territory, OrganisationKind.MEDICO_SOCIAL, 'École de la Plaine');
    await crowdDirectory(suite.api, territory);
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
      await typeReferralForm(page);
      await press(page, 'Suivant');

      // 3. Recevabilité: « Non », « Non », « Oui ».
      await onStep(page, 3, 'Recevabilité');
      await answerAdmissibilityByKeyboard(page);
      expect(await page.getByRole('alert').count()).toBe(0);
      await press(page, 'Suivant');

      // 4. Le consentement, recorded.
      await onStep(page, 4, 'Le consentement');
      await giveConsentByKeyboard(page, {
        purposes: [/^Un accompagnement par une équipe/],
        partners: ['CCAS du clavier', { name: 'École de la Plaine', typed: 'ecole' }],
        categories: [/^Les informations pratiques/, /^Son logement/],
        wishesToAttend: 'Oui',
      });
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
      // The partner past the first hundred is named in what she agreed to.
      expect(await page.locator('form').textContent()).toContain('École de la Plaine');
      await press(page, 'Transmettre à la cellule');
      const done = page.getByRole('heading', { level: 1, name: 'Saisine transmise à la cellule' });
      await done.waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

      const id = /\/saisines\/([0-9a-f-]{36})$/.exec(
        (await page.getByRole('link', { name: 'Voir la saisine dans Mes saisines' }).getAttribute('href')) ??
          '',
      )?.[1];
      const { referral } = await coordinator.expectData<{
        referral: {
          status: string;
          requests: string[];
          identity: { lastName: string; birthDate: string };
          person: { id: string };
        };
      }>(
        `query ($id: ID!) { referral(referralId: $id) { status requests identity { lastName birthDate } person { id } } }`,
        { id },
      );
      expect(referral).toEqual({
        status: 'SUBMITTED',
        requests: ['FOLLOW_UP_ASSESSMENT', 'CELL_EXAMINATION'],
        identity: { lastName: 'Martin', birthDate: '1958-11-02' },
        person: { id: expect.any(String) },
      });
      const { consents } = await coordinator.expectData<{ consents: { organisationIds: string[] }[] }>(
        `query ($personId: ID!) { consents(personId: $personId) { organisationIds } }`,
        { personId: referral.person.id },
      );
      expect(consents[0]?.organisationIds).toContain(school.id);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
