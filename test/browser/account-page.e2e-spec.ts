import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { logInClient, nextSecondFactorCode } from '@relais/testing';
import type { Page } from 'playwright-core';
import {
  atEachWidth,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
  tabTo,
  TWO_WIDTHS_TIMEOUT_MS,
} from '../support/browser';

const NEW_PASSWORD = 'le phare de la baie clignote encore';

describe('my account, in the browser', () => {
  const suite = browserSuite();

  async function housingOfficer() {
    const territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.HOUSING);
    const person = await suite.api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    return { person, territory, organisation };
  }

  const isFocused = (page: Page, name: string) =>
    page
      .getByLabel(name, { exact: true })
      .evaluate((element) => element === element.ownerDocument.activeElement);

  it(
    'says who I am, where and with which roles, in French words (1280 and 768 px, axe clean)',
    async () => {
      const page = await suite.newPage();
      const { person, territory, organisation } = await housingOfficer();
      await openSignedIn(page, suite.api, person);
      await page.getByRole('link', { name: 'Mon compte', exact: true }).click();
      await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
      expect(await page.title()).toBe('Mon compte — Relais');
      await atEachWidth(page, [1280, 768], async () => {
        const main = page.locator('main');
        await main.getByText(person.email).waitFor();
        const text = await main.textContent();
        expect(text).toContain(`${person.firstName} ${person.lastName}`);
        expect(text).toContain('Chargé·e de gestion locative');
        expect(text).toContain(organisation.name);
        expect(text).toContain('Accès actif');
        const roles = page.getByRole('list', { name: `Vos rôles dans ${territory.name}` });
        expect(await roles.textContent()).toBe(
          'Auteur·rice de saisines : saisit la cellule et suit ce que deviennent ses saisines',
        );
        // The api's names are never shown.
        expect(text).not.toMatch(/REFERRER|HOUSING_OFFICER|ACTIVE/);
        await expectNoAxeViolations(page);
        await screenshot(page, 'mon-compte');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('changes my password with the keyboard alone, and closes my other sessions', async () => {
    const page = await suite.newPage();
    const { person } = await housingOfficer();
    // Another session of the same account, on another device.
    const elsewhere = await logInClient(suite.api.anonymous, person.email, person.password);
    await signInThroughPage(page, suite.api, person, { keyboardOnly: true });

    await tabTo(page, page.getByRole('link', { name: 'Mon compte', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Changer mon mot de passe' }), 30);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Changer mon mot de passe', level: 1 }).waitFor();
    expect(await page.title()).toBe('Changer mon mot de passe — Relais');
    await expectNoAxeViolations(page);
    await screenshot(page, 'changer-mot-de-passe');

    // A wrong current password: the api's words, on the field and at the top.
    await tabTo(page, page.getByLabel('Mot de passe actuel'));
    await page.keyboard.type('Pas-le-bon-mot-de-passe');
    await page.keyboard.press('Tab');
    expect(await isFocused(page, 'Nouveau mot de passe')).toBe(true);
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Le mot de passe actuel est incorrect.', { exact: true }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/trop d’essais ont échoué/);
    expect(await isFocused(page, 'Mot de passe actuel')).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'changer-mot-de-passe-refus');

    // The right one: what is typed in the other fields is kept.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');
    await page.getByText('Votre mot de passe est changé.').waitFor();
    expect(await page.locator('main').textContent()).toContain('Relais a fermé vos autres sessions ouvertes');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mot-de-passe-change');

    // This session goes on; the other one is closed.
    await page.getByRole('link', { name: 'Mon compte', exact: true }).waitFor();
    const me = `query { me { id } }`;
    expect((await elsewhere.client.request(me)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const stillHere = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-relais-client': 'web' },
        body: JSON.stringify({ query: 'query { me { id } }' }),
      });
      return ((await response.json()) as { data?: unknown }).data;
    });
    expect(stillHere).toEqual({ me: { id: person.id } });
    // A keyboard-only sign-in, three password hashings and three pages checked: on a loaded
    // machine (two browser files, two apis and Postgres on two cores) it took over 30 s.
  }, 90_000);

  it('gives new recovery codes against a code of the app, shown once with a way to print them', async () => {
    const page = await suite.newPage({ width: 768 });
    const { person } = await housingOfficer();
    await openSignedIn(page, suite.api, person, '/compte/codes-de-secours');
    await page.getByRole('heading', { name: 'Nouveaux codes de secours', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'codes-de-secours');

    const field = page.getByLabel('Code à six chiffres de votre application d’authentification');
    await field.fill('000000');
    await page.getByRole('button', { name: 'Obtenir de nouveaux codes' }).click();
    await page.getByText("Ce code n'est pas valide.", { exact: true }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill(nextSecondFactorCode(suite.api.anonymous, person.email));
    await page.getByRole('button', { name: 'Obtenir de nouveaux codes' }).click();
    const codes = page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Vos nouveaux codes de secours', level: 1 }).waitFor();
    expect(await codes.count()).toBe(10);
    expect(await page.getByRole('button', { name: 'Imprimer les codes' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'codes-de-secours-nouveaux');
  });
});
