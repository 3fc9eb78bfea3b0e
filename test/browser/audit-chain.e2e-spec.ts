import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Role } from '@relais/access';
import { logInClient } from '@relais/testing';
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

// This suite's own checkpoint directory: other suites' workers seal into the run's.
const checkpoints = mkdtempSync(join(tmpdir(), 'relais-audit-chain-page-'));

describe('the audit chain verification, in the browser', () => {
  const suite = browserSuite({ AUDIT_CHECKPOINT_URL: pathToFileURL(checkpoints).href });
  afterAll(() => rmSync(checkpoints, { recursive: true, force: true }));

  /** A territory with one audited event (an organisation its administrator created) and its auditor. */
  async function auditedTerritory() {
    const { api } = suite;
    // Every member signs in with a second factor here, the auditor too (as the sign-in helper expects).
    const territory = await api.factory.territory({ settings: { secondFactorForAllMembers: true } });
    const admin = await api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
    const auditor = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { client } = await logInClient(api.anonymous, admin.email, admin.password);
    const created = await client.request(CREATE_ORGANISATION, {
      input: { territoryId: territory.id, name: `Bailleur ${Date.now()}`, kind: 'HOUSING' },
    });
    expect(created.errors).toBeUndefined();
    return { auditor };
  }

  it.each([1280, 768])('says the chain is intact, then seals it (%i px, axe clean)', async (width) => {
    const page = await suite.newPage({ width });
    const { auditor } = await auditedTerritory();
    await openSignedIn(page, suite.api, auditor);
    await page.getByRole('link', { name: 'Journal d’audit', exact: true }).click();
    await page.getByRole('link', { name: 'Vérifier la chaîne d’audit' }).click();
    await page.getByRole('heading', { name: 'Vérifier la chaîne d’audit', level: 1 }).waitFor();
    expect(await page.title()).toBe('Vérifier la chaîne d’audit — Relais');

    await page.getByText('La chaîne est intacte.').waitFor();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Aucun pour l’instant');
    expect(await main.textContent()).not.toMatch(/\bvalid\b|HASH_MISMATCH|WRITTEN/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'chaine-audit');

    await page.getByRole('button', { name: 'Sceller maintenant' }).click();
    await page.getByText(/^Point de contrôle écrit : il atteste le maillon n° \d+/).waitFor();
    // The new checkpoint is compared at once.
    await page.getByText(/^n° \d+, pris le /).waitFor();
    expect(await main.textContent()).toContain('La chaîne est intacte.');

    // Nothing new since: a second seal has nothing to attest.
    await page.getByRole('button', { name: 'Sceller maintenant' }).click();
    await page.getByText(/^Rien à sceller : le dernier point de contrôle atteste déjà/).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'chaine-audit-scellee');
  });

  it('verifies and seals with the keyboard alone', async () => {
    const page = await suite.newPage();
    const { auditor } = await auditedTerritory();
    await signInThroughPage(page, suite.api, auditor, { keyboardOnly: true });
    await tabTo(page, page.getByRole('link', { name: 'Journal d’audit', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Vérifier la chaîne d’audit' }), 30);
    await page.keyboard.press('Enter');
    await page.getByText('La chaîne est intacte.').waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Sceller maintenant' }), 30);
    await page.keyboard.press('Enter');
    const written = page.getByText(/^Point de contrôle écrit/);
    await written.waitFor();
    // The reading position moves to the result.
    expect(
      await page
        .locator('.audit-seal-result')
        .evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    await expectNoAxeViolations(page);
  });
});
