import { Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { EMERGENCY_GUIDANCE } from '@relais/referrals';
import { GraphqlClient, logInClient } from '@relais/testing';
import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserStorage,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
} from '../support/browser';
import { referPerson, submit } from '../support/referral-journey';
import {
  addPartnerField,
  answerAdmissibility,
  checkbox,
  fillConsent,
  fillPerson,
  fillReferralForm,
  isFocused,
  next,
  pick,
  radio,
  stepHeading,
} from './new-referral.steps';

/** A whole journey through five steps, twice in size, with axe at each step: longer than most tests. */
const JOURNEY_TIMEOUT_MS = 240_000;

interface Officer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

interface Fixture {
  territory: Territory;
  ccas: Organisation;
  officer: Officer;
  coordinator: GraphqlClient;
}

const READ_REFERRAL = /* GraphQL */ `
  query ($id: ID!) {
    referral(referralId: $id) {
      id
      status
      submittedAt
      difficultyAreas
      servicesInvolved
      questionToCell
      actionsTried
      urgency
      requests
      housingContext
      person {
        id
        caseCode
        district
      }
      identity {
        firstName
        lastName
        birthDate
        phone
        protectionMeasure
        representativeName
      }
    }
  }
`;

const READ_CONSENTS = /* GraphQL */ `
  query ($personId: ID!) {
    consents(personId: $personId) {
      referralId
      status
      method
      inForce
      includesCell
      organisationIds
      organisationKinds
      purposes
      dataCategories
      informationGiven
      wishesToAttend
    }
  }
`;

describe('a housing officer writes a new referral in the browser', () => {
  const suite = browserSuite();
  let fixture: Fixture;

  /** A CLSM with its coordinator and partners, and a housing officer who refers. */
  beforeAll(async () => {
    const { factory } = suite.api;
    const territory = await factory.territory({ name: 'CLSM des Essais' });
    const bailleur = await factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat des Essais');
    const ccas = await factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS des Essais');
    await factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP des Essais');
    const clsm = await factory.organisation(territory, OrganisationKind.MUNICIPAL, 'Coordination du CLSM');
    const officer = await factory.user({
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
    const { client: coordinator } = await logInClient(
      suite.api.anonymous,
      coordinatorUser.email,
      coordinatorUser.password,
    );
    fixture = { territory, ccas, officer, coordinator };
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function newOfficer(): Promise<Officer> {
    const organisation = await suite.api.factory.organisation(fixture.territory, OrganisationKind.HOUSING);
    return suite.api.factory.user({
      territory: fixture.territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
  }

  async function signedIn(page: Page, officer: Officer): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    await openSignedIn(page, suite.api, officer);
  }

  /**
   * A picture wide, then axe and a picture at 768 px (nothing wider than the screen), then wide again.
   * axe runs once per step: its rules read the same markup at both widths, and it was half this
   * file's time when it ran at each.
   */
  async function look(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, name);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it(
    'fills the form with the mouse, leaves a draft, resumes it, records the consent, prints the receipt and sends it',
    async () => {
      const page = await suite.newPage();
      await signedIn(page, fixture.officer);
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Nouvelle saisine' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle saisine' }).waitFor();
      await stepHeading(page, 1, 'La personne').waitFor();
      expect(await page.title()).toBe('Nouvelle saisine — étape 1 sur 5 : la personne — Relais');
      expect(await page.getByRole('navigation', { name: 'Étapes de la saisine' }).textContent()).toContain(
        'Vérifier et transmettre',
      );
      await look(page, 'nouvelle-saisine-1-personne');

      // Nothing typed: the step says what is missing, by its field, and the first one takes the focus.
      await next(page).click();
      const lastName = page.getByLabel('Nom de famille');
      await page.getByText('Saisissez le nom de famille de la personne.').waitFor();
      expect(await lastName.getAttribute('aria-invalid')).toBe('true');
      expect(await isFocused(lastName)).toBe(true);
      await page
        .getByText('Indiquez si la personne a une mesure de protection (ou « Je ne sais pas »).')
        .waitFor();
      await look(page, 'nouvelle-saisine-1-personne-erreurs');

      await fillPerson(page, { lastName: 'Dupont-Lefèvre' });
      await next(page).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();
      // The first save made the draft: the address is now its own, to come back to.
      const id = /^\/saisines\/([0-9a-f-]{36})\/modifier$/.exec(new URL(page.url()).pathname)?.[1];
      expect(id).toBeDefined();
      await page.getByText(/^Brouillon [0-9A-Z]{3}-[0-9A-Z]{3}/).waitFor();
      await look(page, 'nouvelle-saisine-2-fiche');

      await fillReferralForm(page);
      // Back and forth keeps what was typed, without saving anything twice.
      await page.getByRole('button', { name: 'Précédent' }).click();
      await stepHeading(page, 1, 'La personne').waitFor();
      expect(await page.getByLabel('Nom de famille').inputValue()).toBe('Dupont-Lefèvre');
      expect(await radio(page, 'Curatelle').isChecked()).toBe(true);
      await next(page).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();
      expect(await page.getByLabel('Votre question à la cellule').inputValue()).toBe(
        'Comment renouer le contact et éviter la procédure ?',
      );
      expect(await checkbox(page, /^Dette locative/).isChecked()).toBe(true);

      // Saved midway and left.
      await page.getByRole('button', { name: 'Enregistrer et quitter' }).click();
      await page.waitForURL((url) => url.pathname === '/saisines');

      // Resumed: the draft opens at its first step left to do, with everything it holds.
      await page.goto(`/saisines/${id}/modifier`);
      await stepHeading(page, 3, 'Recevabilité').waitFor();
      const steps = page.getByRole('navigation', { name: 'Étapes de la saisine' });
      expect(await steps.getByText('(faite)').count()).toBe(2);
      expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Recevabilité');
      await page.getByRole('button', { name: 'Précédent' }).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();
      expect(await page.getByLabel('Services déjà impliqués').inputValue()).toBe('CCAS\nMédecin traitant');
      expect(await radio(page, /^Moyenne/).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Précédent' }).click();
      await stepHeading(page, 1, 'La personne').waitFor();
      expect(await page.getByLabel('Téléphone').inputValue()).toBe('06 12 34 56 78');
      expect(await page.getByLabel('Date de naissance').inputValue()).toBe('14/03/1971');
      expect(await page.getByLabel('Représentant (tuteur, curateur, service mandataire…)').inputValue()).toBe(
        'UDAF du Nord',
      );
      await next(page).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();
      await next(page).click();
      await stepHeading(page, 3, 'Recevabilité').waitFor();

      await answerAdmissibility(page);
      expect(await page.getByRole('alert').count()).toBe(0);
      await look(page, 'nouvelle-saisine-3-recevabilite');
      await next(page).click();

      await stepHeading(page, 4, 'Le consentement').waitFor();
      await addPartnerField(page).waitFor();
      await look(page, 'nouvelle-saisine-4-consentement');
      await fillConsent(page, {
        partners: ['CCAS des Essais'],
        kinds: [/^Tout service de psychiatrie partenaire/],
        categories: [
          /^Les informations pratiques/,
          /^Son identité/,
          /^Son logement/,
          /^Sa situation sociale/,
        ],
        wishesToAttend: 'Non',
      });
      // The day she answered is today's, unless changed.
      expect(await page.getByLabel('Date du recueil').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      // What one reads to her, in plain words, follows the choices.
      const reading = page.getByRole('region', { name: 'Ce que vous lui lisez' });
      expect(await reading.textContent()).toContain('CCAS des Essais (service social)');
      expect(await reading.textContent()).toContain('(12 mois, durée fixée par le CLSM)');
      await look(page, 'nouvelle-saisine-4-consentement-rempli');

      await page.getByRole('button', { name: 'Enregistrer sa réponse' }).click();
      await page.getByText(/^Accord enregistré : recueilli le /).waitFor();
      await page.getByText('Récépissé de consentement — CLSM des Essais').waitFor();
      await look(page, 'nouvelle-saisine-4-recepisse');

      // The receipt, in a tab of its own, printed alone.
      const [receipt] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: 'Ouvrir le récépissé pour l’imprimer (nouvel onglet)' }).click(),
      ]);
      await receipt
        .getByRole('heading', { level: 1, name: 'Récépissé de consentement — CLSM des Essais' })
        .waitFor();
      expect(new URL(receipt.url()).pathname).toBe(`/saisines/${id}/recepisse`);
      expect(await receipt.title()).toBe('Récépissé de consentement — Relais');
      const receiptText = (await receipt.locator('main').textContent()) ?? '';
      expect(receiptText).toContain('Personne : Élise Dupont-Lefèvre');
      expect(receiptText).toContain('avec : CCAS des Essais');
      expect(receiptText).toContain('avec : tout service de psychiatrie partenaire (CMP)');
      await look(receipt, 'recepisse-consentement');
      await receipt.evaluate(() => {
        const recorded = window as unknown as { printed: number; print(): void };
        recorded.printed = 0;
        recorded.print = () => (recorded.printed += 1);
      });
      await receipt.getByRole('button', { name: 'Imprimer' }).click();
      expect(await receipt.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await receipt.emulateMedia({ media: 'print' });
      expect(await receipt.getByRole('banner').isVisible()).toBe(false);
      expect(await receipt.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
      expect(
        await receipt.getByText(/^Vous pouvez retirer votre accord à tout moment, auprès/).isVisible(),
      ).toBe(true);
      await screenshot(receipt, 'recepisse-consentement-impression');
      await receipt.close();

      await next(page).click();
      await stepHeading(page, 5, 'Vérifier et transmettre').waitFor();
      const review = (await page.locator('form').textContent()) ?? '';
      for (const shown of [
        'Dupont-Lefèvre Élise',
        'dimanche 14 mars 1971',
        'Curatelle',
        'UDAF du Nord',
        'Dette locative',
        'Troubles du voisinage',
        'Médecin traitant',
        'Comment renouer le contact et éviter la procédure ?',
        'La personne a donné son accord.',
        'CCAS des Essais (service social)',
      ]) {
        expect(review).toContain(shown);
      }
      await look(page, 'nouvelle-saisine-5-verifier');

      await page.getByRole('button', { name: 'Transmettre à la cellule' }).click();
      const done = page.getByRole('heading', { level: 1, name: 'Saisine transmise à la cellule' });
      await done.waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await page.title()).toBe('Saisine transmise — Relais');
      expect(
        await page.getByRole('link', { name: 'Voir la saisine dans Mes saisines' }).getAttribute('href'),
      ).toBe(`/saisines/${id}`);
      await look(page, 'nouvelle-saisine-transmise');

      // The coordinator reads it through the api: sent, as typed.
      const { referral } = await fixture.coordinator.expectData<{
        referral: {
          status: string;
          submittedAt: string | null;
          difficultyAreas: string[];
          servicesInvolved: string[];
          questionToCell: string;
          urgency: string;
          requests: string[];
          housingContext: string;
          person: { id: string; district: string };
          identity: Record<string, string | null>;
        };
      }>(READ_REFERRAL, { id });
      expect(referral).toMatchObject({
        status: 'SUBMITTED',
        difficultyAreas: ['HOUSING_DEBT', 'NEIGHBOUR_DISTURBANCE'],
        servicesInvolved: ['CCAS', 'Médecin traitant'],
        questionToCell: 'Comment renouer le contact et éviter la procédure ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
        housingContext: 'Bail social depuis 2009, commandement de payer délivré.',
        person: { district: 'Quartier Nord' },
        identity: {
          firstName: 'Élise',
          lastName: 'Dupont-Lefèvre',
          birthDate: '1971-03-14',
          phone: '06 12 34 56 78',
          protectionMeasure: 'CURATORSHIP',
          representativeName: 'UDAF du Nord',
        },
      });
      expect(referral.submittedAt).not.toBeNull();
      const { consents } = await fixture.coordinator.expectData<{ consents: Record<string, unknown>[] }>(
        READ_CONSENTS,
        { personId: referral.person.id },
      );
      expect(consents).toEqual([
        expect.objectContaining({
          referralId: id,
          status: 'GIVEN',
          method: 'WRITTEN',
          inForce: true,
          includesCell: true,
          organisationIds: [fixture.ccas.id],
          organisationKinds: ['PSYCHIATRY'],
          purposes: ['CELL_EXAMINATION'],
          dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL'],
          wishesToAttend: false,
        }),
      ]);

      // Nothing of it was kept in the browser.
      const storage = await browserStorage(page);
      expect(storage).toMatchObject({
        localStorage: [],
        sessionStorage: [],
        indexedDb: [],
        cacheStorage: [],
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'shows the api’s emergency guidance as soon as the situation is urgent or nothing was tried, and stops there',
    async () => {
      const page = await suite.newPage();
      await signedIn(page, await newOfficer());
      await page.goto('/saisines/nouvelle');
      await fillPerson(page, { lastName: 'Urgent' });
      await next(page).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();
      await fillReferralForm(page);
      await next(page).click();
      await stepHeading(page, 3, 'Recevabilité').waitFor();

      const danger = page.getByRole('radiogroup', { name: /danger grave et immédiat/ });
      const emergency = page.getByRole('radiogroup', { name: /relève-t-elle de l’urgence/ });
      const tried = page.getByRole('radiogroup', { name: /voies de droit commun/ });
      await pick(danger.getByRole('radio', { name: 'Oui' }));
      const guidance = page.getByRole('alert').filter({ hasText: 'En cas d’urgence : qui appeler' });
      await guidance.waitFor();
      // The api's own words, each of them: 15, 17, 112, psychiatric emergencies, the prosecutor.
      expect(await guidance.getByRole('listitem').allTextContents()).toEqual([...EMERGENCY_GUIDANCE]);
      expect(await guidance.locator('strong').allTextContents()).toEqual(['15', '17', '112', '15']);
      await look(page, 'nouvelle-saisine-3-urgence');

      await pick(emergency.getByRole('radio', { name: 'Non' }));
      await pick(tried.getByRole('radio', { name: 'Oui' }));
      await next(page).click();
      // Not a step further: the answer is refused where it was given.
      await page
        .getByText('La cellule ne traite pas les urgences : suivez les consignes ci-dessus.')
        .waitFor();
      await stepHeading(page, 3, 'Recevabilité').waitFor();
      expect(await isFocused(danger.getByRole('radio', { name: 'Oui' }))).toBe(true);

      // No danger, but an emergency: the same guidance.
      await pick(danger.getByRole('radio', { name: 'Non' }));
      await guidance.waitFor({ state: 'detached' });
      await pick(emergency.getByRole('radio', { name: 'Oui' }));
      await guidance.waitFor();
      await next(page).click();
      await page.getByText('Une urgence relève des services d’urgence, pas de la cellule.').waitFor();

      // Nothing tried yet: the guidance, and the services to turn to first.
      await pick(emergency.getByRole('radio', { name: 'Non' }));
      await pick(tried.getByRole('radio', { name: 'Non' }));
      await guidance
        .getByText('Sollicitez d’abord le service social du Département ou le CCAS', { exact: false })
        .waitFor();
      await next(page).click();
      await page.getByText('Les voies de droit commun doivent avoir été tentées.').waitFor();
      await look(page, 'nouvelle-saisine-3-rien-tente');

      await pick(tried.getByRole('radio', { name: 'Oui' }));
      await guidance.waitFor({ state: 'detached' });
      await next(page).click();
      await stepHeading(page, 4, 'Le consentement').waitFor();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'puts the api’s refusal of a value the page does not check on its own field',
    async () => {
      const page = await suite.newPage();
      await signedIn(page, await newOfficer());
      await page.goto('/saisines/nouvelle');
      // A number the page lets through and the api refuses.
      await fillPerson(page, { lastName: 'Refus', phone: '01 23' });
      const answer = page.waitForResponse(
        (response) =>
          response.url().endsWith('/graphql') &&
          response.request().postData()?.includes('CreateReferral') === true,
      );
      await next(page).click();
      const body = (await (await answer).json()) as {
        errors?: { message: string; extensions?: { fields?: { field: string; message: string }[] } }[];
      };
      const refusal = body.errors?.[0];
      expect(refusal?.extensions?.fields).toEqual([
        { field: 'person.phone', message: "Le numéro de téléphone n'est pas un numéro français valide." },
      ]);

      const phone = page.getByLabel('Téléphone');
      await page.getByText("Le numéro de téléphone n'est pas un numéro français valide.").waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'person.phone');
      // The api's own words at the top, and where to look.
      expect(await page.getByRole('alert').first().locator('p').allTextContents()).toEqual([
        refusal?.message,
        'Corrigez ce qui est signalé sous chaque champ concerné.',
      ]);
      await stepHeading(page, 1, 'La personne').waitFor();
      expect(new URL(page.url()).pathname).toBe('/saisines/nouvelle');
      // What was typed is kept.
      expect(await page.getByLabel('Nom de famille').inputValue()).toBe('Refus');
      await look(page, 'nouvelle-saisine-1-refus-api');

      // Corrected, the error goes as one types, and the draft is made.
      await phone.fill('06 12 34 56 78');
      expect(
        await page.getByText("Le numéro de téléphone n'est pas un numéro français valide.").count(),
      ).toBe(0);
      await next(page).click();
      await stepHeading(page, 2, 'La fiche de saisine').waitFor();

      // On the consent step: the api asks for all seven points of information, the page does not count them.
      await fillReferralForm(page);
      await next(page).click();
      await stepHeading(page, 3, 'Recevabilité').waitFor();
      await answerAdmissibility(page);
      await next(page).click();
      await stepHeading(page, 4, 'Le consentement').waitFor();
      await pick(radio(page, 'Oui, elle donne son accord'));
      await pick(radio(page, /^Par écrit/));
      await pick(checkbox(page, 'Pourquoi sa situation est partagée'));
      await pick(checkbox(page, /^Que la cellule examine sa situation/));
      await pick(checkbox(page, /^La cellule de situations complexes du CLSM/));
      await pick(checkbox(page, /^Les informations pratiques/));
      await pick(
        page
          .getByRole('radiogroup', { name: /Souhaite-t-elle être présente/ })
          .getByRole('radio', { name: 'Oui' }),
      );
      await page.getByRole('button', { name: 'Enregistrer sa réponse' }).click();
      const information = page.getByRole('group', { name: /^Ce que vous lui avez expliqué/ });
      await information
        .getByText('La personne doit avoir reçu toute l’information préalable avant de consentir.')
        .waitFor();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('name') === 'consent.informationGiven',
      );
      await look(page, 'nouvelle-saisine-4-refus-api');
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'keeps a colleague’s draft closed, and a sent referral out of the form, saying so without a word of their content',
    async () => {
      const organisation = await suite.api.factory.organisation(fixture.territory, OrganisationKind.HOUSING);
      const [author, colleague] = await Promise.all(
        [0, 1].map(() =>
          suite.api.factory.user({
            territory: fixture.territory,
            organisation,
            profession: Profession.HOUSING_OFFICER,
            roles: [Role.REFERRER],
          }),
        ),
      );
      const { client } = await logInClient(suite.api.anonymous, author!.email, author!.password);
      const write = (lastName: string) =>
        referPerson(client, {
          territoryId: fixture.territory.id,
          person: { firstName: 'Paul', lastName, protectionMeasure: 'NONE' },
          form: {
            difficultyAreas: ['ISOLATION'],
            servicesInvolved: [],
            questionToCell: 'Question confidentielle du brouillon',
            urgency: 'LOW',
            requests: ['ADVICE'],
          },
        });
      const draft = await write('Brouillonnier');
      const sent = await write('Transmisier');
      await submit(client, sent.id);

      const page = await suite.newPage();
      await signedIn(page, colleague!);
      await page.goto(`/saisines/${draft.id}/modifier`);
      await page.getByRole('heading', { level: 1, name: 'Brouillon d’un ou une collègue' }).waitFor();
      const html = await page.content();
      for (const hidden of ['Brouillonnier', 'Paul', 'Question confidentielle', 'Isolement']) {
        expect(html).not.toContain(hidden);
      }
      expect(await page.getByRole('button', { name: 'Suivant' }).count()).toBe(0);
      await look(page, 'nouvelle-saisine-brouillon-collegue');

      await page.goto(`/saisines/${sent.id}/modifier`);
      await page.getByRole('heading', { level: 1, name: 'Saisine déjà transmise' }).waitFor();
      expect(
        await page.getByRole('link', { name: 'Voir la saisine dans Mes saisines' }).getAttribute('href'),
      ).toBe(`/saisines/${sent.id}`);
      expect(await page.content()).not.toContain('Transmisier');
      await expectNoAxeViolations(page);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
