import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { LOG_IN, logInClient } from '@relais/testing';
import type { Page } from 'playwright-core';
import {
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
  tabTo,
} from '../support/browser';

const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`;

describe('the audit journal, in the browser', () => {
  const suite = browserSuite();

  /**
   * A territory where, through the api: its administrator created an organisation (an activity
   * event, with the administrator's name) and a housing officer typed a wrong password (a security
   * event). Its auditor reads the journal.
   */
  async function auditedTerritory() {
    const { api } = suite;
    // Every member signs in with a second factor here, the auditor too (as the sign-in helper expects).
    const territory = await api.factory.territory({ settings: { secondFactorForAllMembers: true } });
    const housing = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const officer = await api.factory.user({
      territory,
      organisation: housing,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const admin = await api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
    const auditor = await api.factory.user({ territory, roles: [Role.AUDITOR] });

    const adminSession = await logInClient(api.anonymous, admin.email, admin.password);
    const created = await adminSession.client.request<{ createOrganisation: { id: string } }>(
      CREATE_ORGANISATION,
      { input: { territoryId: territory.id, name: `Bailleur ${Date.now()}`, kind: 'HOUSING' } },
    );
    expect(created.errors).toBeUndefined();
    const wrong = await api.anonymous.request(LOG_IN, {
      input: { email: officer.email, password: 'Pas-le-bon-mot-de-passe', secondFactorCode: '000000' },
    });
    expect(wrong.errors?.length).toBeGreaterThan(0);
    return { territory, admin, auditor, organisationId: created.data?.createOrganisation.id ?? '' };
  }

  const rowsText = (page: Page) => page.locator('main table tbody').textContent();

  it.each([1280, 768])(
    'lists the events in French, most recent first, and narrows to security events (%i px, axe clean)',
    async (width) => {
      const page = await suite.newPage({ width });
      const { auditor, admin, organisationId } = await auditedTerritory();
      await openSignedIn(page, suite.api, auditor);
      await page.getByRole('link', { name: 'Journal d’audit', exact: true }).click();
      await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
      expect(await page.title()).toBe('Journal d’audit — Relais');

      const table = page.getByRole('table', { name: 'Tous les événements, les plus récents d’abord' });
      await table.getByText('Connexion échouée', { exact: true }).waitFor();
      const all = await rowsText(page);
      expect(all).toContain('Organisation créée');
      expect(all).toContain(`${admin.firstName} ${admin.lastName}`);
      expect(all).toContain(organisationId);
      // The headers name their columns for screen readers.
      expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual([
        'Quand',
        'Qui',
        'Quoi',
        'Sur quoi',
        'Requête',
      ]);
      // Most recent first: the wrong password came after the organisation.
      const actions = await table.locator('tbody th[scope="row"]').allTextContents();
      const failed = actions.findIndex((text) => text.startsWith('Connexion échouée'));
      const organisation = actions.findIndex((text) => text.startsWith('Organisation créée'));
      expect(failed).toBeGreaterThanOrEqual(0);
      expect(failed).toBeLessThan(organisation);
      await expectNoAxeViolations(page);
      await screenshot(page, 'journal-audit');

      await page.getByRole('button', { name: 'Événements de sécurité' }).click();
      const security = page.getByRole('table', { name: 'Événements de sécurité, les plus récents d’abord' });
      await security.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /événements? affichés?/ })
        .waitFor();
      // The table keeps its rows until the narrowed list arrives: wait for the last other one to go.
      await security
        .locator('tbody th[scope="row"]', { hasNotText: 'SECURITY_' })
        .first()
        .waitFor({ state: 'detached' });
      const securityRows = await security.locator('tbody th[scope="row"]').allTextContents();
      expect(securityRows.length).toBeGreaterThan(0);
      expect(securityRows.every((text) => text.includes('SECURITY_'))).toBe(true);
      expect(securityRows.some((text) => text.startsWith('Connexion échouée'))).toBe(true);
      expect(await rowsText(page)).not.toContain('Organisation créée');
      expect(
        await page.getByRole('button', { name: 'Événements de sécurité' }).getAttribute('aria-pressed'),
      ).toBe('true');
      await expectNoAxeViolations(page);
      await screenshot(page, 'journal-audit-securite');
    },
  );

  it('filters by action with the keyboard alone', async () => {
    const page = await suite.newPage();
    const { auditor } = await auditedTerritory();
    await signInThroughPage(page, suite.api, auditor, { keyboardOnly: true });
    await tabTo(page, page.getByRole('link', { name: 'Journal d’audit', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
    await page.locator('main table').getByText('Connexion échouée', { exact: true }).waitFor();

    const action = page.getByLabel('Action (facultatif)');
    await tabTo(page, action, 40);
    await page.keyboard.type('Organisation cr');
    expect(await action.inputValue()).toBe('ORGANISATION_CREATED');
    await tabTo(page, page.getByRole('button', { name: 'Filtrer', exact: true }), 20);
    await page.keyboard.press('Enter');
    await page
      .locator('main table')
      .getByText('Connexion échouée', { exact: true })
      .waitFor({ state: 'detached' });
    const actions = await page.locator('main table tbody th[scope="row"]').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((text) => text.startsWith('Organisation créée'))).toBe(true);

    // Back to everything.
    await tabTo(page, page.getByRole('button', { name: 'Effacer les filtres' }), 40);
    await page.keyboard.press('Enter');
    await page.locator('main table').getByText('Connexion échouée', { exact: true }).waitFor();
    expect(await action.inputValue()).toBe('');
    await expectNoAxeViolations(page);
  });

  it('shows fifty events, then the older ones on demand', async () => {
    const { api } = suite;
    const page = await suite.newPage({ width: 768 });
    const territory = await api.factory.territory({ settings: { secondFactorForAllMembers: true } });
    const admin = await api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
    const auditor = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { client } = await logInClient(api.anonymous, admin.email, admin.password);
    for (let index = 0; index < 52; index += 1) {
      const created = await client.request(CREATE_ORGANISATION, {
        input: { territoryId: territory.id, name: `Partenaire ${index} ${Date.now()}`, kind: 'ASSOCIATION' },
      });
      expect(created.errors).toBeUndefined();
    }
    await openSignedIn(page, api, auditor);
    await page.getByRole('link', { name: 'Journal d’audit', exact: true }).click();
    await page.getByText('50 événements affichés, d’autres plus anciens existent.').waitFor();
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(50);

    await page.getByRole('button', { name: 'Afficher les événements plus anciens' }).click();
    await page.getByText('52 événements affichés.').waitFor();
    const sequences = await page.locator('main table tbody td:first-child').allTextContents();
    const numbers = sequences.map((text) => Number(/n° (\d+)/.exec(text)?.[1]));
    // Each event once, the most recent first, down to the first.
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(52);
    expect(numbers.at(-1)).toBe(1);
    expect(await page.getByRole('button', { name: 'Afficher les événements plus anciens' }).count()).toBe(0);
  });
});
