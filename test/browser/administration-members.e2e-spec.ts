import { Role } from '@relais/access';
import {
  Membership,
  MembershipStatus,
  Organisation,
  OrganisationKind,
  Territory,
  User,
} from '@relais/identity';
import type { Locator, Page } from 'playwright-core';
import {
  atEachWidth,
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
  tabTo,
  TWO_WIDTHS_TIMEOUT_MS,
} from '../support/browser';
import { crowdDirectory } from '../support/crowded-directory';
import { typeAndChoose } from './directory-search.steps';

describe('the territory administration’s members, in the browser', () => {
  const suite = browserSuite();
  let territory: Territory;
  let admin: User & { password: string };
  let colleague: User & { password: string };
  let school: { id: string };

  beforeAll(async () => {
    territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.SOCIAL);
    admin = await suite.api.factory.user({ territory, organisation, roles: [Role.TERRITORY_ADMIN] });
    colleague = await suite.api.factory.user({ territory, organisation, roles: [Role.CELL_MEMBER] });
    // Past the directory's first hundred partners: found by typing part of its name.
    school = await suite.api.factory.organisation(
      territory,
      OrganisationKind.MEDICO_SOCIAL,
      'École de la Plaine',
    );
    // More partners than the directory's first page, all before the members' own: the list names it.
    await crowdDirectory(suite.api, territory);
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function onMembers(page: Page, options: { keyboardOnly?: boolean } = {}): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    if (options.keyboardOnly) await signInThroughPage(page, suite.api, admin, options);
    else await openSignedIn(page, suite.api, admin);
    const administration = page.getByRole('navigation').getByRole('link', { name: 'Administration' });
    const members = page.getByRole('link', { name: 'Membres' });
    if (options.keyboardOnly) {
      await tabTo(page, administration);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await tabTo(page, members);
      await page.keyboard.press('Enter');
    } else {
      await administration.click();
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await members.click();
    }
    await page.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /membres?$/ }).waitFor();
  }

  const memberCard = (page: Page, user: { firstName: string; lastName: string }): Locator =>
    page.locator('.member-list > li').filter({
      has: page.getByRole('heading', { level: 3, name: new RegExp(`^${user.firstName} ${user.lastName}`) }),
    });
  const membershipOf = (user: { id: string }) =>
    suite.api.dataSource
      .getRepository(Membership)
      .findOneByOrFail({ userId: user.id, territoryId: territory.id });

  it(
    'lists the members with their organisation (named past the directory’s first hundred), roles and access in French (1280 and 768 px, axe clean)',
    async () => {
      const partner = await suite.api.dataSource
        .getRepository(Organisation)
        .findOneByOrFail({ id: colleague.organisationId });
      const page = await suite.newPage();
      suite.api.clock.advance(30_000);
      await openSignedIn(page, suite.api, admin);
      await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      expect(await page.title()).toBe('Administration — Relais');
      await atEachWidth(page, [1280, 768], async () => {
        await expectNoAxeViolations(page);
        await screenshot(page, 'administration');
      });

      await page.getByRole('link', { name: 'Membres' }).click();
      await page.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
      expect(await page.title()).toBe('Membres — Relais');
      await atEachWidth(page, [768, 1280], async () => {
        const card = memberCard(page, colleague);
        await card.waitFor();
        const text = await card.textContent();
        expect(text).toContain(`Organisation${partner.name}`);
        expect(text).toContain('Membre de la cellule');
        expect(text).toContain('Accès actif');
        expect(text).toContain('Assistant·e de service social');
        expect(text).toContain(colleague.email);
        expect(await memberCard(page, admin).textContent()).toContain('Administration du territoire');
        expect(await page.locator('main').textContent()).not.toMatch(/CELL_MEMBER|TERRITORY_ADMIN|ACTIVE/);
        await expectNoAxeViolations(page);
        await screenshot(page, 'administration-membres');
      });
    },
    TWO_WIDTHS_TIMEOUT_MS,
  );

  it('adds a member: the api’s refusal on its field, then the one-time link shown with its copy button', async () => {
    const page = await suite.newPage();
    await onMembers(page);
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un membre' });
    await dialog.waitFor();
    await dialog.getByLabel('Prénom').fill('Léonie');
    await dialog.getByLabel('Nom', { exact: true }).fill('Vasseur');
    const email = dialog.getByLabel(/^Adresse e-mail professionnelle/);
    await email.fill(colleague.email);
    // The organisation past the first hundred, found with the keyboard by typing « ecole ».
    const organisationField = dialog.getByRole('combobox', { name: /^Organisation/ });
    await tabTo(page, organisationField);
    await page.keyboard.type('ecole');
    await page.getByRole('option', { name: /^École de la Plaine/ }).waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'administration-ajouter-un-membre-organisation');
    await typeAndChoose(page, 'ecole', /^École de la Plaine/);
    expect(await organisationField.inputValue()).toBe('École de la Plaine');
    await dialog.getByLabel(/^Profession/).selectOption({ label: 'Psychologue' });
    await dialog
      .locator('label')
      .filter({ hasText: /^Auteur·rice de saisines/ })
      .click();
    await expectNoAxeViolations(page);
    await screenshot(page, 'administration-ajouter-un-membre');

    // An address already used: the api's words, on the e-mail field.
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await dialog.getByText('Cette adresse e-mail est déjà utilisée.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('leonie.vasseur@essai.relais.test');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    const announcement = page.locator('.announcement');
    await announcement.getByText('Le compte de Léonie Vasseur est créé.').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await announcement.locator('code').textContent()).toMatch(
      new RegExp(`^${suite.api.url}/definir-mot-de-passe#jeton=[A-Za-z0-9_-]{43}$`),
    );
    await announcement.getByRole('button', { name: 'Copier le lien' }).waitFor();
    const card = memberCard(page, { firstName: 'Léonie', lastName: 'Vasseur' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Auteur·rice de saisines');
    await screenshot(page, 'administration-lien-de-mot-de-passe');

    const created = await suite.api.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'leonie.vasseur@essai.relais.test' });
    expect(created.profession).toBe('PSYCHOLOGIST');
    expect(created.organisationId).toBe(school.id);
  });

  it('grants a role through the roles dialog, and refuses to change one’s own roles in French', async () => {
    const page = await suite.newPage();
    await onMembers(page);
    await memberCard(page, colleague)
      .getByRole('button', { name: /^Modifier les rôles/ })
      .click();
    const dialog = page.getByRole('dialog', {
      name: `Rôles de ${colleague.firstName} ${colleague.lastName}`,
    });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: /^Membre de la cellule/ }).isChecked()).toBe(true);
    await dialog
      .locator('label')
      .filter({ hasText: /^Auteur·rice de saisines/ })
      .click();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await page.locator('.announcement').getByText('sont enregistrés').waitFor();
    await memberCard(page, colleague).getByText('Auteur·rice de saisines').waitFor();
    expect((await membershipOf(colleague)).roles.sort()).toEqual([Role.CELL_MEMBER, Role.REFERRER].sort());

    await memberCard(page, admin)
      .getByRole('button', { name: /^Modifier les rôles/ })
      .click();
    const own = page.getByRole('dialog', { name: /^Rôles de/ });
    await own
      .locator('label')
      .filter({ hasText: /^Audit/ })
      .click();
    await own.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await own
      .getByRole('alert')
      .getByText(/Vous ne pouvez pas vous attribuer de rôle/)
      .waitFor();
    expect((await membershipOf(admin)).roles).toEqual([Role.TERRITORY_ADMIN]);
  });

  it('suspends after a confirmation naming the person, and shows the access suspended', async () => {
    const page = await suite.newPage({ width: 768 });
    const person = `${colleague.firstName} ${colleague.lastName}`;
    await onMembers(page);
    await memberCard(page, colleague)
      .getByRole('button', { name: `Suspendre l’accès de ${person}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Suspendre l’accès de ${person} ?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${person} n’aura plus aucun rôle`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'administration-suspendre');
    await dialog.getByRole('button', { name: 'Suspendre l’accès' }).click();
    await page.locator('.announcement').getByText(`L’accès de ${person} est suspendu.`).waitFor();
    await memberCard(page, colleague).getByText('Accès suspendu').waitFor();
    expect((await membershipOf(colleague)).status).toBe(MembershipStatus.SUSPENDED);

    await memberCard(page, colleague)
      .getByRole('button', { name: `Réactiver l’accès de ${person}` })
      .click();
    await page
      .getByRole('dialog', { name: `Réactiver l’accès de ${person} ?` })
      .getByRole('button', { name: 'Réactiver l’accès' })
      .click();
    await memberCard(page, colleague).getByText('Accès actif').waitFor();
    expect((await membershipOf(colleague)).status).toBe(MembershipStatus.ACTIVE);
  });

  it('issues a new set-password link with the keyboard alone', async () => {
    const page = await suite.newPage();
    const person = `${colleague.firstName} ${colleague.lastName}`;
    await onMembers(page, { keyboardOnly: true });
    await tabTo(page, page.getByRole('button', { name: `Nouveau lien de mot de passe pour ${person}` }), 60);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Nouveau lien de mot de passe pour ${person} ?` });
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Créer le lien' }));
    await page.keyboard.press('Enter');
    const announcement = page.locator('.announcement');
    await announcement.getByText(`Un nouveau lien de mot de passe est créé pour ${person}.`).waitFor();
    // The reading position moves to what was done.
    expect(await announcement.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    expect(await announcement.locator('code').textContent()).toContain('/definir-mot-de-passe#jeton=');
  });
});
