import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { logInClient } from '@relais/testing';
import type { Page } from 'playwright-core';
import { browserSuite, expectNoAxeViolations, screenshot } from '../support/browser';

const CREATE_USER = /* GraphQL */ `
  mutation ($input: CreateUserInput!) {
    createUser(input: $input) {
      setPasswordLink {
        link
      }
    }
  }
`;

const PASSPHRASE = 'une tortue traverse le canal gelé';

describe('choosing a password from the mailed link, in the browser', () => {
  const suite = browserSuite();

  /** A new account as the administrator creates it: no password yet, and its one-time link. */
  async function newAccount() {
    const { api } = suite;
    const territory = await api.factory.territory();
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const administrator = await api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
    const { client } = await logInClient(api.anonymous, administrator.email, administrator.password);
    const email = `nouveau-${Date.now()}@essai.relais.test`;
    const created = await client.expectData<{ createUser: { setPasswordLink: { link: string } } }>(
      CREATE_USER,
      {
        input: {
          territoryId: territory.id,
          organisationId: organisation.id,
          email,
          firstName: 'Maëlle',
          lastName: 'Guérin',
          profession: Profession.HOUSING_OFFICER,
          roles: [Role.REFERRER],
        },
      },
    );
    // Without SMTP the api returns the link (a path), as the mail would carry it after PUBLIC_URL.
    return { email, link: created.createUser.setPasswordLink.link };
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  it.each([1280, 768])(
    'reads the token from the link, takes it out of the address, shows the api refusal on the field, then leads to sign-in (%i px)',
    async (width) => {
      const page = await suite.newPage({ width });
      const { email, link } = await newAccount();
      expect(link).toMatch(/^\/definir-mot-de-passe#jeton=[\w-]+$/);

      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url() + (request.postData() ?? '')));
      await page.goto(link);
      await page.getByRole('heading', { name: 'Choisir votre mot de passe' }).waitFor();
      expect(await page.title()).toBe('Choisir votre mot de passe — Relais');
      // Out of the address bar and the history; sent to no server but as setPassword's argument.
      expect(new URL(page.url()).hash).toBe('');
      expect(new URL(page.url()).pathname).toBe('/definir-mot-de-passe');
      const token = link.split('#jeton=')[1];
      expect(requests.filter((request) => request.includes(token))).toEqual([]);
      expect(await page.getByText('compte au moins 12 caractères').count()).toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, 'definir-mot-de-passe');

      // Two different entries: the page's own check.
      await page.getByLabel('Nouveau mot de passe').fill(PASSPHRASE);
      await page.getByLabel('Le même mot de passe, une seconde fois').fill(`${PASSPHRASE}!`);
      await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
      await page.getByText('Les deux saisies ne sont pas identiques').waitFor();

      // A frequent password, built on the person's name too: the api's words, every one, on the field.
      await page.getByLabel('Nouveau mot de passe').fill('Guerin2024');
      await page.getByLabel('Le même mot de passe, une seconde fois').fill('Guerin2024');
      const answer = page.waitForResponse((response) => response.url().endsWith('/graphql'));
      await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
      const body = (await (await answer).json()) as {
        errors: { extensions: { fields: { field: string; message: string }[] } }[];
      };
      const messages = body.errors[0].extensions.fields.map((problem) => problem.message);
      expect(messages.length).toBeGreaterThanOrEqual(2);
      const field = page.getByLabel('Nouveau mot de passe');
      await page.getByText(messages[0]).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const description = await field.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => input.ownerDocument.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      for (const message of messages) expect(description).toContain(message);
      await expectNoAxeViolations(page);
      await screenshot(page, 'definir-mot-de-passe-refus');

      await field.fill(PASSPHRASE);
      await page.getByLabel('Le même mot de passe, une seconde fois').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
      await page.getByRole('heading', { name: 'Mot de passe enregistré' }).waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'mot-de-passe-enregistre');

      // The new password opens the account; a referrer must first protect it with a second factor.
      await page.getByRole('link', { name: 'Se connecter à Relais' }).click();
      await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Protégez votre compte' }).waitFor();
    },
  );

  it('says a used link is no longer valid and whom to ask for a new one', async () => {
    const page = await suite.newPage();
    const { link } = await newAccount();
    const token = link.split('#jeton=')[1];
    const used = await suite.api.anonymous.request(
      `mutation ($input: SetPasswordInput!) { setPassword(input: $input) }`,
      { input: { token, newPassword: PASSPHRASE } },
    );
    expect(used.errors).toBeUndefined();

    await page.goto(link);
    await page.getByLabel('Nouveau mot de passe').fill('un autre soir sur la dune');
    await page.getByLabel('Le même mot de passe, une seconde fois').fill('un autre soir sur la dune');
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.getByRole('heading', { name: 'Ce lien n’est plus valable' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Ce lien n'est plus valable/);
    expect(await page.locator('main').textContent()).toContain('Demandez-en un nouveau à l’administration');
    // The heading takes the focus, so a screen reader reads the new situation from its start.
    expect(await heading(page).evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'lien-plus-valable');
  });

  it('says a link cut short is incomplete, without asking for a password', async () => {
    const page = await suite.newPage({ width: 768 });
    await page.goto('/definir-mot-de-passe');
    await page.getByRole('heading', { name: 'Ce lien n’est plus valable' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Ce lien est incomplet/);
    expect(await page.getByLabel('Nouveau mot de passe').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
