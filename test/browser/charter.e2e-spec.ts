import { Role } from '@relais/access';
import { Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { browserSuite, expectNoAxeViolations, screenshot, signInThroughPage } from '../support/browser';

const PUBLISH = /* GraphQL */ `
  mutation ($input: PublishCharterInput!) {
    publishCharter(input: $input) {
      id
      version
    }
  }
`;
const MY_MEMBERSHIPS = `query { me { memberships { charterAccepted } } }`;

const CONFIDENTIALITY_BODY = [
  'Article 1 — Le secret partagé',
  'Ce qui est dit en cellule reste en cellule.\nChacun ne partage que ce qui est strictement nécessaire.',
  'Article 2 — Les informations de santé',
  'Elles restent entre professionnels de santé.',
].join('\n\n');

describe('accepting the charter, in the browser', () => {
  const suite = browserSuite();

  /** A territory whose administrator published its charter; a member who has not accepted it yet. */
  async function territoryWithCharter(): Promise<{ territory: Territory; admin: GraphqlClient }> {
    const territory = await suite.api.factory.territory();
    const administrator = await suite.api.factory.user({ territory, roles: [Role.TERRITORY_ADMIN] });
    const { client: admin } = await logInClient(
      suite.api.anonymous,
      administrator.email,
      administrator.password,
    );
    await publish(
      admin,
      territory,
      'CONFIDENTIALITY',
      'Charte de confidentialité de la cellule',
      CONFIDENTIALITY_BODY,
    );
    return { territory, admin };
  }

  const publish = (admin: GraphqlClient, territory: Territory, kind: string, title: string, body: string) =>
    admin.expectData<{ publishCharter: { id: string; version: number } }>(PUBLISH, {
      input: { territoryId: territory.id, kind, title, body },
    });

  it.each([1280, 768])(
    'shows every text in force and why, then one action accepts them and opens the territory (%i px)',
    async (width) => {
      const { territory, admin } = await territoryWithCharter();
      await publish(admin, territory, 'RULES', 'Règlement intérieur', 'La cellule se réunit chaque mois.');
      const member = await suite.api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
      const page = await suite.newPage({ width });

      await signInThroughPage(page, suite.api, member);
      await page.getByRole('heading', { name: `Charte — ${territory.name}`, level: 1 }).waitFor();
      expect(await page.title()).toBe(`Charte — ${territory.name} — Relais`);
      const main = page.locator('main');
      await main.getByRole('heading', { name: 'Règlement intérieur', level: 2 }).waitFor();
      expect(await main.textContent()).toContain('La charte fixe les règles de ce partage');
      const confidentiality = main.getByRole('article', { name: 'Charte de confidentialité de la cellule' });
      expect(await confidentiality.getByRole('paragraph').allTextContents()).toEqual([
        'Charte de confidentialité — version 1, publiée le ' + (await frenchToday(page)),
        'Article 1 — Le secret partagé',
        'Ce qui est dit en cellule reste en cellule.\nChacun ne partage que ce qui est strictement nécessaire.',
        'Article 2 — Les informations de santé',
        'Elles restent entre professionnels de santé.',
      ]);
      // Nothing else to do before accepting: no navigation to pages the gate would refuse.
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, 'charte');

      await page.getByRole('button', { name: 'J’accepte la charte' }).click();
      await page.getByRole('heading', { name: `Bonjour ${member.firstName}`, level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();

      // Both versions are accepted: the api opens the territory to this member.
      const { client } = await logInClient(suite.api.anonymous, member.email, member.password);
      expect(await client.expectData(MY_MEMBERSHIPS)).toEqual({
        me: { memberships: [{ charterAccepted: true }] },
      });
    },
  );

  it('shows the version published while the page was open, with the api refusal, instead of accepting the old one', async () => {
    const { territory, admin } = await territoryWithCharter();
    const member = await suite.api.factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const page = await suite.newPage();
    await signInThroughPage(page, suite.api, member);
    await page.getByRole('heading', { name: 'Charte de confidentialité de la cellule', level: 2 }).waitFor();

    await publish(
      admin,
      territory,
      'CONFIDENTIALITY',
      'Charte de confidentialité, version révisée',
      'Nouveau texte : la cellule se réunit désormais tous les quinze jours.',
    );
    await page.getByRole('button', { name: 'J’accepte la charte' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "Une nouvelle version de cette charte a été publiée : lisez-la avant de l'accepter.",
    );
    await page
      .getByRole('heading', { name: 'Charte de confidentialité, version révisée', level: 2 })
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Charte de confidentialité de la cellule' }).count()).toBe(
      0,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'charte-nouvelle-version');

    await page.getByRole('button', { name: 'J’accepte la charte' }).click();
    await page.getByRole('heading', { name: `Bonjour ${member.firstName}`, level: 1 }).waitFor();
  });
});

/** Today as the page writes a publication date (« 3 décembre 2026 »), in the browser's own words. */
function frenchToday(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' })
        .formatToParts(new Date())
        .map((part) => [part.type, part.value]),
    );
    return `${parts.day === '1' ? '1er' : parts.day} ${parts.month} ${parts.year}`;
  });
}
