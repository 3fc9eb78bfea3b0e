import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { nextSecondFactorCode } from '@relais/testing';
import type { Page } from 'playwright-core';
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
  async function housingOfficer(options: { secondFactor?: boolean } = {}) {
    const territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.HOUSING);
    return suite.api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
      ...options,
    });
  }

  async function submitCredentials(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
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

  it('refuses even the right password while the account waits after failures, in the same words, saying why', async () => {
    const page = await suite.newPage();
    const person = await housingOfficer();
    await page.goto('/connexion');
    const alert = page.getByRole('alert');
    let refusal = '';
    for (let failure = 1; failure <= 3; failure += 1) {
      await submitCredentials(page, person.email, `Pas-le-bon-mot-de-passe-${failure}!`);
      await alert.getByText(/^Identifiants incorrects/).waitFor();
      refusal = (await alert.textContent()) ?? '';
    }

    // The account now waits: the right password gets the very same answer (nothing to tell an
    // attacker which guess was right), and the page explains the wait to the person.
    const answer = page.waitForResponse((response) => response.url().endsWith('/graphql'));
    await submitCredentials(page, person.email, person.password);
    await answer;
    await alert.getByText(refusal, { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Code de vérification' }).count()).toBe(0);
    expect(refusal).toContain('compte momentanément bloqué. Réessayez dans quelques minutes');
    await page.getByText(/^Après plusieurs essais manqués, Relais fait patienter le compte/).waitFor();
  });

  it('protects a new account with a code QR, shows ten recovery codes once, and one of them opens the account later', async () => {
    const page = await suite.newPage({ width: 768 });
    const person = await housingOfficer({ secondFactor: false });
    await page.goto('/connexion');
    await submitCredentials(page, person.email, person.password);

    await page.getByRole('heading', { name: 'Protégez votre compte', level: 1 }).waitFor();
    const qrCode = page.getByRole('img', {
      name: 'Code QR à scanner avec votre application d’authentification',
    });
    await qrCode.waitFor();
    expect(decodeURIComponent((await qrCode.getAttribute('src')) ?? '')).toMatch(
      /^data:image\/svg\+xml;charset=utf-8,<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    // The key typed by hand when the camera cannot scan: what the authenticator app computes from.
    const label = (await page.locator('.secret').getAttribute('aria-label')) ?? '';
    const secret = label.replace(/^Clé : /, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'connexion-proteger-compte');

    const code = page.getByLabel(/^Code à six chiffres/);
    // A wrong code first: refused on its field; the right one then goes through with one click.
    await code.fill('000000');
    await page.getByRole('button', { name: 'Activer la protection' }).click();
    await page.getByText("Ce code n'est pas valide.", { exact: true }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill(nextSecondFactorCode(suite.api.anonymous, person.email, { secret }));
    await page.getByRole('button', { name: 'Activer la protection' }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours', level: 1 }).waitFor();
    const recoveryCodes = await page
      .getByRole('list', { name: 'Codes de secours' })
      .getByRole('listitem')
      .allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await expectNoAxeViolations(page);
    await screenshot(page, 'connexion-codes-de-secours');

    await page.getByRole('button', { name: 'J’ai conservé mes codes, continuer' }).click();
    const banner = page.getByRole('banner');
    await banner.getByText(`${person.firstName} ${person.lastName}`).waitFor();

    // Later, without the phone: a recovery code in place of the six digits.
    await banner.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    await submitCredentials(page, person.email, person.password);
    await page.getByLabel('Code à six chiffres ou code de secours').fill(recoveryCodes[3]);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await banner.getByText(`${person.firstName} ${person.lastName}`).waitFor();
  });
});
