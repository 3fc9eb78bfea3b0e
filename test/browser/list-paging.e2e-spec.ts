import { Role } from '@relais/access';
import { OrganisationKind, Profession, User } from '@relais/identity';
import { MailStatus, Notification, Reminder, ReminderKind, ReminderStatus } from '@relais/reminders';
import { logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  signInThroughPage,
  tabTo,
} from '../support/browser';
import { referPerson } from '../support/referral-journey';

/** More than a page of « Mes saisines » (50) and of notifications (50). */
const REFERRALS = 52;
const NOTICES = 53;

/**
 * « Afficher plus » under the lists read a page at a time: the first page as before, then the next
 * one with the keyboard alone, what it brought said politely, and the button gone at the end.
 */
describe('lists read a page at a time, in the browser', () => {
  // Fifty rows and more on a page, checked by axe: longer than a short page on a loaded machine.
  jest.setTimeout(90_000);
  const suite = browserSuite();
  let officer: User & { password: string };

  beforeAll(async () => {
    const api = suite.api;
    const territory = await api.factory.territory();
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    officer = await api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const { client } = await logInClient(api.anonymous, officer.email, officer.password);
    for (let index = 0; index < REFERRALS; index += 1) {
      await referPerson(client, {
        territoryId: territory.id,
        person: { firstName: 'Lise', lastName: `Liste ${index}`, protectionMeasure: 'NONE' },
        form: { difficultyAreas: [], servicesInvolved: [], requests: ['CELL_EXAMINATION'], urgency: 'LOW' },
      });
    }
    for (let index = 0; index < NOTICES; index += 1) {
      const createdAt = new Date(api.clock.now().getTime() - (index + 1) * 60_000);
      const subject = { subjectType: 'Meeting', subjectId: randomUUID() };
      const reminder = await api.dataSource.getRepository(Reminder).save({
        territoryId: territory.id,
        kind: ReminderKind.ACTION_DUE,
        ...subject,
        recipientUserId: officer.id,
        recipientOrganisationId: organisation.id,
        dueAt: createdAt,
        status: ReminderStatus.SENT,
        dedupeKey: `pages:${randomUUID()}`,
        createdAt,
      });
      await api.dataSource.getRepository(Notification).save({
        territoryId: territory.id,
        userId: officer.id,
        reminderId: reminder.id,
        kind: ReminderKind.ACTION_DUE,
        ...subject,
        caseCode: `L${String(index).padStart(2, '0')}-ABC`,
        aboutOn: '2030-01-01',
        createdAt,
        readAt: createdAt,
        mailStatus: MailStatus.NONE,
      });
    }
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function signedIn(page: Page): Promise<void> {
    suite.api.clock.advance(30_000);
    await signInThroughPage(page, suite.api, officer, { keyboardOnly: true });
    await page.getByRole('heading', { level: 1, name: 'Mes saisines' }).waitFor();
  }

  it('« Mes saisines » : 50 at first with the total in the filter, the rest with the keyboard', async () => {
    const page = await suite.newPage();
    await signedIn(page);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    expect(await page.getByRole('option', { name: `Toutes les saisines (${REFERRALS})` }).count()).toBe(1);
    expect(await page.getByRole('option', { name: 'Brouillon (50 affichées)' }).count()).toBe(1);

    // From the last row, the button is the next stop of the keyboard.
    const more = page.getByRole('button', { name: 'Afficher plus' });
    await rows.last().getByRole('link').first().focus();
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    await page.getByText('2 saisines de plus sont affichées. Toutes sont maintenant affichées.').waitFor();
    expect(await rows.count()).toBe(REFERRALS);
    expect(await more.count()).toBe(0);
    expect(await page.getByRole('option', { name: `Brouillon (${REFERRALS})` }).count()).toBe(1);
    // Each referral once: no page repeated another's rows.
    const codes = await rows.locator('th .case-code').allTextContents();
    expect(new Set(codes).size).toBe(REFERRALS);
    await expectNoAxeViolations(page);
  });

  it('notifications : the 50 latest, then the older ones, each once', async () => {
    const page = await suite.newPage();
    await signedIn(page);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /^Notifications/ })
      .click();
    const items = page.getByRole('list', { name: /^Notifications/ }).getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(50);
    const more = page.getByRole('button', { name: 'Afficher des notifications plus anciennes' });
    await items.last().getByRole('link').focus();
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    await page
      .getByText('3 notifications plus anciennes sont affichées. Toutes sont maintenant affichées.')
      .waitFor();
    expect(await items.count()).toBe(NOTICES);
    const titles = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(new Set(titles).size).toBe(NOTICES);
    expect(titles.at(-1)).toContain(`L${String(NOTICES - 1)}-ABC`);
    await expectNoAxeViolations(page);
  });
});
