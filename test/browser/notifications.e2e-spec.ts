import { Role } from '@relais/access';
import { addDays, parisDate } from '@relais/config';
import { OrganisationKind, Profession, User } from '@relais/identity';
import { MailStatus, Notification, Reminder, ReminderKind, ReminderStatus } from '@relais/reminders';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
} from '../support/browser';

const HOUR = 3_600_000;

describe('the notification centre, in the browser', () => {
  const suite = browserSuite();

  /**
   * A notice as the reminder dispatcher leaves it once its reminder fired (the reminder SENT, the
   * notification written with the case code): the page reads it back through the api.
   */
  async function notify(
    user: User,
    kind: ReminderKind,
    options: { caseCode?: string; aboutOn?: string; hoursAgo: number; read?: boolean },
  ): Promise<Notification> {
    const createdAt = new Date(suite.api.clock.now().getTime() - options.hoursAgo * HOUR);
    const subject = { subjectType: 'Meeting', subjectId: randomUUID() };
    const reminder = await suite.api.dataSource.getRepository(Reminder).save({
      territoryId: user.territoryId,
      kind,
      ...subject,
      personId: null,
      situationId: null,
      recipientUserId: user.id,
      recipientOrganisationId: user.organisationId,
      throughConsent: false,
      dueAt: createdAt,
      status: ReminderStatus.SENT,
      dedupeKey: `essai:${randomUUID()}`,
      occurrence: 1,
      createdAt,
      settledAt: createdAt,
      settledReason: null,
    });
    return suite.api.dataSource.getRepository(Notification).save({
      territoryId: user.territoryId,
      userId: user.id,
      reminderId: reminder.id,
      kind,
      ...subject,
      situationId: null,
      caseCode: options.caseCode ?? null,
      aboutOn: options.aboutOn ?? null,
      createdAt,
      readAt: options.read ? createdAt : null,
      mailStatus: MailStatus.NONE,
      mailedAt: null,
    });
  }

  /** A housing officer (referrer) with four notices: three unread, one read. */
  async function referrerWithNotices() {
    const territory = await suite.api.factory.territory();
    const organisation = await suite.api.factory.organisation(territory, OrganisationKind.HOUSING);
    const person = await suite.api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const today = parisDate(suite.api.clock.now());
    const notices = {
      actionDue: await notify(person, ReminderKind.ACTION_DUE, {
        caseCode: 'K7Q-4MZ',
        aboutOn: addDays(today, 7),
        hoursAgo: 1,
      }),
      agenda: await notify(person, ReminderKind.AGENDA_PUBLISHED, {
        aboutOn: addDays(today, 12),
        hoursAgo: 2,
      }),
      consent: await notify(person, ReminderKind.CONSENT_EXPIRING, {
        caseCode: 'P2R-8XT',
        aboutOn: addDays(today, 30),
        hoursAgo: 26,
      }),
      minutes: await notify(person, ReminderKind.MINUTES_PUBLISHED, {
        aboutOn: addDays(today, -3),
        hoursAgo: 72,
        read: true,
      }),
    };
    return { person, notices };
  }

  /** The header's link, named with its count (« Notifications 3 non lues »), or without one. */
  // The count is read after a comma: « Notifications, 3 non lues » (Chromium puts a space around
  // each of the flex link's parts).
  const headerLink = (page: Page, unread: number) =>
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', {
      name: unread === 0 ? /^Notifications$/ : new RegExp(`^Notifications\\s*,\\s*${unread} non lues?$`),
    });
  const items = (page: Page) => page.getByRole('list', { name: /^Notifications/ }).getByRole('listitem');

  it('lists, filters and marks read, and the header counts along (1280 px)', async () => {
    const page = await suite.newPage();
    const { person, notices } = await referrerWithNotices();
    await openSignedIn(page, suite.api, person);
    await headerLink(page, 3).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    expect(await page.title()).toBe('Notifications — Relais');

    await items(page).first().waitFor();
    expect(await items(page).count()).toBe(4);
    // Newest first; unread said in words, not only by the look.
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Action à échéance — situation K7Q-4MZ',
      expect.stringMatching(/^Ordre du jour publié — séance du /),
      'Accord bientôt échu — situation P2R-8XT',
      expect.stringMatching(/^Compte rendu publié — séance du /),
    ]);
    const states = await items(page).locator('.notification-state').allTextContents();
    expect(states).toEqual(['Non lue', 'Non lue', 'Non lue', 'Lue']);
    expect(await items(page).first().locator('time').textContent()).toMatch(
      /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2}$/u,
    );
    expect(await page.getByRole('status').first().textContent()).toBe('3 notifications non lues.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications');

    // Unread only, then one marked read: the list and the header's count follow.
    await page.getByText('Non lues seulement').click();
    await page.waitForFunction(() => document.querySelectorAll('.notification').length === 3);
    await page
      .getByRole('button', { name: `Marquer comme lue : ${await titleOf(page, notices.agenda.id)}` })
      .click();
    await headerLink(page, 2).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.notification').length === 2);
    expect(await page.getByRole('heading', { name: 'Notifications', level: 1 }).evaluate(isActive)).toBe(
      true,
    );
    await screenshot(page, 'notifications-non-lues');
    await page.getByText('Non lues seulement').click();
    await page.waitForFunction(() => document.querySelectorAll('.notification').length === 4);

    // A notice without a page of its own in the client is shown in full, with its date.
    await page.getByRole('link', { name: /^Compte rendu publié/ }).click();
    await page.getByRole('heading', { name: /^Compte rendu publié — séance du /, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/notifications/${notices.minutes.id}`);
    const main = await page.locator('main').textContent();
    expect(main).toContain('Le compte rendu de la séance du');
    expect(main).toMatch(/Reçue le \S+ \d{1,2}(er)? \S+ \d{4} à \d{1,2} h \d{2}/u);
    await expectNoAxeViolations(page);
    await screenshot(page, 'notification');
    await page.getByRole('link', { name: 'Revenir à toutes les notifications' }).click();

    // An action's notice opens the organisation's actions, and is read on the way.
    await page.getByRole('link', { name: 'Action à échéance — situation K7Q-4MZ' }).click();
    await page.waitForURL((url) => url.pathname === '/actions');
    await headerLink(page, 1).waitFor();

    await page.goto('/notifications');
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText('1 notification marquée comme lue.').waitFor();
    await headerLink(page, 0).waitFor();
    expect(await page.getByRole('button', { name: 'Tout marquer comme lu' }).count()).toBe(0);
    expect(await items(page).locator('.notification-state').allTextContents()).toEqual([
      'Lue',
      'Lue',
      'Lue',
      'Lue',
    ]);
  });

  it("opens an e-mail's link after signing in, marking the notice read; the list fits a tablet (768 px)", async () => {
    const page = await suite.newPage({ width: 768 });
    const { person, notices } = await referrerWithNotices();
    // The address a notification e-mail carries: PUBLIC_URL/notifications/<id>.
    await page.goto(`/notifications/${notices.consent.id}`);
    await page.getByRole('heading', { name: 'Connexion à Relais' }).waitFor();
    await signInThroughPage(page, suite.api, person);
    await page.getByRole('heading', { name: 'Accord bientôt échu — situation P2R-8XT', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/notifications/${notices.consent.id}`);
    expect(await page.locator('main dl').textContent()).toMatch(/^SituationP2R-8XTDate concernée/);
    await headerLink(page, 2).waitFor();
    await screenshot(page, 'notification');

    await page.getByRole('link', { name: 'Revenir à toutes les notifications' }).click();
    await items(page).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications');

    // Someone else's notice, or none: one answer.
    const stranger = await referrerWithNotices();
    await page.goto(`/notifications/${stranger.notices.actionDue.id}`);
    await page.getByRole('heading', { name: 'Notification introuvable', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'notification-introuvable');
  });

  it('saves the e-mail choice, explained in plain words', async () => {
    const page = await suite.newPage();
    const { person } = await referrerWithNotices();
    await openSignedIn(page, suite.api, person, '/notifications');
    await page.getByRole('link', { name: 'Choisir comment recevoir les e-mails' }).click();
    await page.getByRole('heading', { name: 'Notifications par e-mail', level: 1 }).waitFor();
    const immediate = page.getByRole('radio', { name: /^Un e-mail pour chaque notification/ });
    await immediate.waitFor();
    expect(await immediate.isChecked()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('vers 7 h');
    await expectNoAxeViolations(page);
    await screenshot(page, 'notifications-e-mail');

    await page.getByText('Un résumé par jour').click();
    await page.getByRole('button', { name: 'Enregistrer mon choix' }).click();
    await page.getByText('Votre choix est enregistré : un résumé par jour.').waitFor();

    await page.reload();
    const digest = page.getByRole('radio', { name: /^Un résumé par jour/ });
    await digest.waitFor();
    expect(await digest.isChecked()).toBe(true);
    await page.goto('/notifications');
    await page.getByText('Par e-mail : un résumé par jour.').waitFor();
  });
});

function isActive(element: Element): boolean {
  return element === element.ownerDocument.activeElement;
}

async function titleOf(page: Page, notificationId: string): Promise<string> {
  return (await page.locator(`#notification-${notificationId}`).textContent()) ?? '';
}
