import { DataCategory, Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { randomUUID } from 'node:crypto';
import { BROWSER_SETUP_TIMEOUT_MS, browserSuite, openSignedIn, tabTo } from '../support/browser';

/**
 * « Afficher plus » under a situation's history, in a territory of its own: the first twenty lines,
 * the most recent first, then the older ones with the keyboard alone, said in a polite status.
 */
describe('a long history read page by page', () => {
  const suite = browserSuite();
  const scenario = { coordinator: { email: '', password: '' }, situationId: '', caseCode: '' };

  beforeAll(async () => {
    const { api } = suite;
    const territory = await api.factory.territory();
    const clsm = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    scenario.coordinator = await api.factory.user({
      territory,
      organisation: clsm,
      profession: Profession.SOCIAL_WORKER,
      roles: [Role.COORDINATOR],
    });
    const person = await api.dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'G. H.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    scenario.caseCode = person.caseCode;
    const situation = await api.dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.ACCEPTED,
      openedAt: new Date('2026-01-05T09:00:00Z'),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    scenario.situationId = situation.id;
    // Twenty-five lines, a day apart: twenty on the first page, five after « Afficher plus ».
    for (let day = 1; day <= 25; day += 1) {
      await api.dataSource.query(
        `INSERT INTO situation_events (id, territory_id, situation_id, kind, category, details, occurred_at)
         VALUES ($1, $2, $3, 'SITUATION_OPENED', $4, '{}', $5)`,
        [
          randomUUID(),
          territory.id,
          situation.id,
          DataCategory.LOGISTIC,
          new Date(Date.UTC(2026, 0, day, 9)),
        ],
      );
    }
  }, BROWSER_SETUP_TIMEOUT_MS);

  it('shows twenty lines, then the older five with the keyboard, and says so', async () => {
    const page = await suite.newPage();
    await openSignedIn(page, suite.api, scenario.coordinator);
    await page.goto(`/situations/${scenario.situationId}`);
    const history = page.getByRole('region', { name: 'Historique' });
    const lines = history.getByRole('listitem');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(20);
    // The most recent first: 25 January before 24 January.
    expect(await lines.first().textContent()).toContain('25 janvier 2026');
    expect(await lines.nth(1).textContent()).toContain('24 janvier 2026');

    const more = history.getByRole('button', { name: 'Afficher plus de l’historique' });
    await tabTo(page, more, 80);
    await page.keyboard.press('Enter');
    await history
      .getByRole('status')
      .filter({ hasText: '5 lignes plus anciennes sont affichées.' })
      .waitFor();
    expect(await lines.count()).toBe(25);
    expect(await lines.last().textContent()).toMatch(/\b1(er)? janvier 2026/);
    // Nothing is left to read: the button goes, and the words saying so take the focus.
    expect(await more.count()).toBe(0);
    expect(await history.getByRole('status').textContent()).toContain('Toutes sont maintenant affichées.');
  });
});
