import type { Locator, Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  signInThroughPage,
} from '../support/browser';
import {
  ACTION,
  acceptAndSchedule,
  consentFor,
  Hands,
  HEALTH_NOTE,
  holdMeeting,
  JourneyTerritory,
  KEYBOARD,
  MOUSE,
  newLandlord,
  OUTCOME,
  parisDay,
  seedJourneyTerritory,
} from './referrer-journey.steps';

/** The whole journey: five steps of form, four pages, the api's work between them, axe on each. */
const JOURNEY_TIMEOUT_MS = 240_000;

describe('the housing officer’s journey, from a new referral to the action the cell entrusted to it', () => {
  const suite = browserSuite();
  let at: JourneyTerritory;

  beforeAll(async () => {
    at = await seedJourneyTerritory(suite.api);
  }, BROWSER_SETUP_TIMEOUT_MS);

  const mainHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
  const navigation = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name });
  const rowOf = (page: Page, caseCode: string): Locator =>
    page.locator('table tbody tr').filter({ has: page.getByRole('link', { name: caseCode, exact: true }) });

  /**
   * Each page the officer reaches: not a word of the nurse's health note, and WCAG 2.1 AA — checked
   * on the keyboard walk, which reaches the same pages (axe is a fifth of the browser's work).
   */
  async function look(page: Page, hands: Hands): Promise<void> {
    const html = await page.content();
    expect(html).not.toContain(HEALTH_NOTE);
    expect(html).not.toContain('Informations de santé');
    if (hands.keyboardOnly) await expectNoAxeViolations(page);
  }

  async function journey(hands: Hands, landlordName: string, lastName: string): Promise<void> {
    // A landlord of its own: one sign-in of its officer, and lists holding this journey's referral alone.
    const { organisation: landlord, officer } = await newLandlord(suite.api, at, landlordName);
    const page = await suite.newPage();

    // 1. Signed in through the page, the officer lands on « Mes saisines », empty.
    await signInThroughPage(page, suite.api, officer, { keyboardOnly: hands.keyboardOnly });
    await mainHeading(page, 'Mes saisines').waitFor();
    await look(page, hands);

    // 2. The referral, written through the five steps with the person's consent, and sent.
    await hands.activate(page, navigation(page, 'Nouvelle saisine'));
    await hands.writeReferral(page, lastName, consentFor(at, landlord));
    await mainHeading(page, 'Saisine transmise à la cellule').waitFor();
    const sent = (await page.getByText(/^Votre saisine /).textContent()) ?? '';
    const caseCode = /Votre saisine ([0-9A-Z]{3}-[0-9A-Z]{3})/.exec(sent)?.[1];
    expect(caseCode).toBeDefined();
    const referralId = /^\/saisines\/([0-9a-f-]{36})$/.exec(
      (await page.getByRole('link', { name: 'Voir la saisine dans Mes saisines' }).getAttribute('href')) ??
        '',
    )?.[1];
    expect(referralId).toBeDefined();
    await look(page, hands);

    // 3. In « Mes saisines »: sent.
    await hands.activate(page, navigation(page, 'Mes saisines'), { backward: true });
    await mainHeading(page, 'Mes saisines').waitFor();
    const row = rowOf(page, caseCode!);
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain('Envoyée');
    expect(await row.locator('td').nth(2).textContent()).not.toMatch(/\d/);
    await look(page, hands);

    // 4. The coordinator accepts it and puts it on the next meeting's agenda.
    const scheduled = await acceptAndSchedule(suite.api, at, referralId!, landlord);
    const meetingDay = parisDay(scheduled.startsAt);

    // 5. Accepted, with the meeting's day, in the list and on the referral's page.
    await page.reload();
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain('Acceptée');
    expect(await row.locator('td').first().textContent()).toContain('Situation : Inscrite à l’ordre du jour');
    expect(await row.locator('td').nth(2).textContent()).toContain(meetingDay);
    await look(page, hands);

    await hands.activate(page, row.getByRole('link', { name: caseCode!, exact: true }));
    await mainHeading(page, `Saisine ${caseCode}`).waitFor();
    const standing = page.getByRole('region', { name: 'Où en est la saisine' });
    await standing.getByText(meetingDay, { exact: false }).waitFor();
    expect(await standing.textContent()).toContain('La cellule a accepté la saisine le ');
    expect(await standing.textContent()).toContain('Inscrite à l’ordre du jour');
    const ours = page.getByRole('region', { name: 'Actions confiées à votre organisation' });
    expect(await ours.textContent()).toContain('Aucune action n’est confiée à votre organisation');
    await look(page, hands);

    // 6. The meeting is held: a decision, an action for the landlord, a nurse's health note; minutes out.
    await holdMeeting(suite.api, at, scheduled, landlord);

    // 7. The action reaches the referral's page; the meeting is past; the health note nowhere.
    await page.reload();
    await ours.getByText(ACTION).waitFor();
    expect(await ours.textContent()).toContain('À faire · pour le ');
    expect(await standing.textContent()).toContain('Actions en cours');
    expect(await standing.textContent()).toContain('Aucune séance prévue pour l’instant');
    await look(page, hands);

    await hands.activate(page, page.getByRole('link', { name: 'Retour à Mes saisines' }));
    await mainHeading(page, 'Mes saisines').waitFor();
    await row.waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe('1 à mener');
    expect(await row.locator('td').nth(4).textContent()).toContain('1 action à mener');
    await look(page, hands);

    // 8. In « Mes actions », the officer records it done, with its outcome.
    await hands.activate(page, row.getByRole('link', { name: /^Voir mes actions/ }));
    await mainHeading(page, 'Mes actions').waitFor();
    const toDo = page.getByRole('region', { name: /^À faire/ });
    const action = toDo.locator('table tbody tr').filter({ hasText: ACTION });
    await action.waitFor();
    expect(await action.textContent()).toContain(caseCode);
    await look(page, hands);

    await hands.activate(page, action.getByRole('button', { name: /^Mettre à jour/ }));
    const dialog = page.getByRole('dialog', { name: 'Mettre à jour l’action' });
    await dialog.waitFor();
    await look(page, hands);
    await hands.updateAction(dialog, 'Faite', OUTCOME);
    await page
      .getByRole('status')
      .filter({ hasText: `L’action pour ${caseCode}` })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Still so after a reload: finished, with its outcome.
    await page.reload();
    const done = page
      .getByRole('region', { name: /^Terminées/ })
      .locator('table tbody tr')
      .filter({ hasText: ACTION });
    await done.waitFor();
    expect(await done.textContent()).toContain('Faite');
    expect(await done.textContent()).toContain(`Résultat : ${OUTCOME}`);
    await look(page, hands);

    // 9. And on the referral's page.
    await hands.activate(page, done.getByRole('link', { name: caseCode!, exact: true }));
    await mainHeading(page, `Saisine ${caseCode}`).waitFor();
    await ours.getByText('Faite · pour le ').waitFor();
    await look(page, hands);
  }

  it(
    'with the mouse: writes and sends the referral, sees it accepted and scheduled, then its action, and records it done',
    () => journey(MOUSE, 'Habitat du Parcours', 'Roussel'),
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'with the keyboard alone: the same journey with Tab, Shift+Tab, the arrows, the space bar, Enter and typing',
    () => journey(KEYBOARD, 'Logis du Parcours', 'Perrin'),
    JOURNEY_TIMEOUT_MS,
  );
});
