import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { nextSecondFactorCode } from '@relais/testing';
import {
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  signInThroughPage,
  tabTo,
} from '../support/browser';

describe('signing in, in the browser', () => {
  const suite = browserSuite();

  /** A bailleur's housing officer, the person Relais is first made for. */
  async function housingOfficer() {
    const territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.HOUSING);
    return suite.api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
  }

  it.each([1280, 768])(
    'signs in with the password and the code, then shows the person by name (%i px, axe clean)',
    async (width) => {
      const page = await suite.newPage({ width });
      const person = await housingOfficer();

      await page.goto('/');
      await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');
      expect(await page.title()).toBe('Connexion — Relais');
      await expectNoAxeViolations(page);
      await screenshot(page, 'connexion');

      await page.getByLabel('Adresse e-mail').fill(person.email);
      await page.getByLabel('Mot de passe').fill(person.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Code de vérification' }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'connexion-code');

      await page
        .getByLabel('Code à six chiffres ou code de secours')
        .fill(nextSecondFactorCode(suite.api.anonymous, person.email));
      await page.getByRole('button', { name: 'Valider le code' }).click();
      const banner = page.getByRole('banner');
      await banner.getByText(`${person.firstName} ${person.lastName}`).waitFor();
      await banner.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      // Whatever page the person lands on has its own title.
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).not.toMatch(/^Connexion/);
      await expectNoAxeViolations(page);
      await screenshot(page, 'connecte');
    },
  );

  it("shows the api's own message for a wrong password, keeping what was typed", async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe').fill('Pas-le-bon-mot-de-passe-1!');

    const answer = page.waitForResponse((response) => response.url().endsWith('/graphql'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const body = (await (await answer).json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const refusal = body.errors?.[0];
    expect(refusal?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refusal?.message).toMatch(/^Identifiants incorrects/);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(refusal?.message);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(person.email);
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'connexion-refusee');
  });

  it('signs in and out with the keyboard alone', async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();

    // The e-mail field is within two presses of Tab from where the page puts the focus.
    await tabTo(page, page.getByLabel('Adresse e-mail'), 2);
    await signInThroughPage(page, suite.api, person, { keyboardOnly: true });
    await page.getByRole('banner').getByText(`${person.firstName} ${person.lastName}`).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Se déconnecter' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Vous êtes déconnecté. À bientôt.');
  });
});
