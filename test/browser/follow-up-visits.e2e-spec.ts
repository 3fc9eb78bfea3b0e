import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserStorage,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
  signInThroughPage,
  tabTo,
} from '../support/browser';
import { apiToday, replacingTisf, trinomeFollowUp } from '../support/follow-up-fixtures';
import type { TrinomeAccount, TrinomeFollowUp } from '../support/follow-up-fixtures';
import {
  fillVisit,
  followUpSection,
  listedActs,
  myFollowUpLine,
  openFollowUp,
  openMyFollowUps,
  openVisitForm,
  saveVisit,
} from './follow-ups.steps';

const HEALTH_NOTE = 'Traitement arrêté depuis trois mois ; rendez-vous au CMP à caler.';
const TEAM_NOTE = 'Appel : la locataire accepte une visite mardi.';
const RESTRICTION = 'Cette note ne sera lisible que par les professionnels de santé de l’équipe';

/** « 3 décembre 2026 » for an AAAA-MM-JJ day, as the pages write it. */
const written = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T12:00:00Z`))
    .replace(/^1 /, '1er ');

/**
 * The trinôme on the move: the nurse records a home visit with a health-only note through the form,
 * keyboard alone at 768 px; the éducateur records a call, loses the connection, finds the visit kept
 * and « Réessayer » saves it, and a sign-out leaves nothing typed behind; the TISF reads both acts,
 * the nurse's without its note. « Mon suivi » lists the follow-up with its phase and planned end.
 */
describe('recording the visits of a trinôme follow-up', () => {
  const suite = browserSuite();
  let trinome: TrinomeFollowUp;
  let replacement: TrinomeAccount;
  const period = { fromOn: '', untilOn: '' };

  beforeAll(async () => {
    const { api } = suite;
    trinome = await trinomeFollowUp(api, {
      names: { association: 'Association Le Fil', cmp: 'CMP Lille-Sud' },
    });
    const inDays = (days: number) =>
      new Date(Date.parse(`${apiToday(api)}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    Object.assign(period, { fromOn: inDays(7), untilOn: inDays(20) });
    replacement = await replacingTisf(api, trinome, period);
  }, BROWSER_SETUP_TIMEOUT_MS);

  async function signIn(page: Page, account: TrinomeAccount, keyboardOnly = false): Promise<void> {
    // At most three sign-ins of one account per 30 s of the api's clock.
    suite.api.clock.advance(30_000);
    if (keyboardOnly) await signInThroughPage(page, suite.api, account, { keyboardOnly });
    else await openSignedIn(page, suite.api, account);
  }

  it('the nurse, keyboard alone at 768 px, lands on « Mon suivi » and records a home visit whose health-only note is said to be restricted before saving', async () => {
    const page = await suite.newPage({ width: 768, height: 1024 });
    await signIn(page, trinome.accounts.nurse, true);
    // A follow-up team member lands on their follow-ups.
    await page.getByRole('heading', { level: 1, name: 'Mon suivi' }).waitFor();
    expect(await page.title()).toBe('Mon suivi — Relais');
    const line = await myFollowUpLine(page, trinome.caseCode);
    const lineText = await line.textContent();
    expect(lineText).toContain('Orientation');
    expect(lineText).toContain(written(trinome.plannedEndOn));
    expect(lineText).toContain('Équipe complète');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mon-suivi');

    await openFollowUp(page, trinome.caseCode, { keyboardOnly: true });
    const team = await followUpSection(page, 'L’équipe').textContent();
    expect(team).toContain(trinome.accounts.educator.name);
    expect(team).toContain(trinome.accounts.tisf.name);
    expect(team).toContain(`${trinome.accounts.nurse.name} (vous)`);
    expect(await followUpSection(page, 'Les objectifs').textContent()).toContain(trinome.objectives[0]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'accompagnement-avant-visite');

    await openVisitForm(page, { keyboardOnly: true });
    expect(await page.title()).toBe(`Enregistrer une visite — ${trinome.caseCode} — Relais`);
    // At home, today, the nurse present: what a visit on the move usually is.
    expect(await page.getByRole('radio', { name: /^À domicile/ }).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Date/).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(
      await page.getByRole('checkbox', { name: new RegExp(`^${trinome.accounts.nurse.name}`) }).isChecked(),
    ).toBe(true);
    expect(await page.getByText(RESTRICTION).count()).toBe(0);
    await fillVisit(
      page,
      { alsoPresent: [trinome.accounts.tisf.name], duration: '45', note: HEALTH_NOTE, healthOnly: true },
      { keyboardOnly: true },
    );
    // Said before saving, next to the button.
    await page.getByText(RESTRICTION).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'visite-note-sante');
    await saveVisit(page, { keyboardOnly: true });

    const [act] = await listedActs(page, 1);
    expect(act).toContain('Visite à domicile');
    expect(act).toContain('45 min');
    expect(act).toContain(trinome.accounts.tisf.name);
    expect(act).toContain('Note réservée aux professionnels de santé');
    expect(act).toContain(HEALTH_NOTE);
    expect(await followUpSection(page, 'Les chiffres').textContent()).toContain('Aujourd’hui');
    await expectNoAxeViolations(page);
    await screenshot(page, 'accompagnement-apres-visite');
  }, 120_000);

  it('the éducateur records a call: a lost connection keeps it, « Réessayer » saves it; a sign-out leaves nothing typed behind', async () => {
    const page = await suite.newPage({ width: 1280 });
    await signIn(page, trinome.accounts.educator);
    await openFollowUp(page, trinome.caseCode);
    await openVisitForm(page);
    // Not a health professional: no health-only choice is offered.
    expect(await page.getByRole('checkbox', { name: /professionnels de santé/ }).count()).toBe(0);
    await fillVisit(page, { elsewhere: 'Appel téléphonique', duration: '20', note: TEAM_NOTE });

    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await page.getByRole('alert').filter({ hasText: 'La visite n’a pas pu être enregistrée' }).waitFor();
    await screenshot(page, 'visite-connexion-perdue');
    // Back to the follow-up (already read: the page shows without the network) and to the form again.
    await page.getByRole('link', { name: /^Retour à l’accompagnement/ }).click();
    await page.getByRole('link', { name: 'Reprendre la visite non enregistrée' }).click();
    await page.getByRole('heading', { level: 1, name: /^Enregistrer une visite/ }).waitFor();
    expect(await page.getByLabel(/^Note/).inputValue()).toBe(TEAM_NOTE);
    expect(await page.getByRole('radio', { name: 'Appel téléphonique' }).isChecked()).toBe(true);
    // Kept in the page's memory only.
    const storage = await browserStorage(page);
    expect([storage.localStorage, storage.sessionStorage, storage.indexedDb]).toEqual([[], [], []]);

    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /La visite du .* est enregistrée\./ })
      .waitFor();
    const [call] = await listedActs(page, 2);
    expect(call).toContain('Appel téléphonique');
    expect(call).toContain('hors du domicile');
    expect(call).toContain(TEAM_NOTE);

    // The next phase, confirmed first: one does not come back to a phase passed.
    await page.getByRole('button', { name: /^Passer à la phase « Évaluation »/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('On ne revient pas à une phase franchie');
    await dialog.getByRole('button', { name: 'Passer à la phase « Évaluation »', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'L’accompagnement est passé en phase « Évaluation ».' })
      .waitFor();
    await page.locator('p.lead').filter({ hasText: 'Phase « Évaluation »' }).waitFor();
    await page.getByRole('button', { name: /^Passer à la phase « Soutien »/ }).waitFor();

    // A visit begun, then a sign-out: the next session finds no trace of it.
    await openVisitForm(page);
    await page.getByLabel(/^Note/).fill('Brouillon à ne pas garder.');
    await page.getByRole('link', { name: /^Retour à l’accompagnement/ }).click();
    await page.getByRole('link', { name: 'Reprendre la visite non enregistrée' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await signIn(page, trinome.accounts.educator);
    await openFollowUp(page, trinome.caseCode);
    expect(await page.getByRole('link', { name: 'Reprendre la visite non enregistrée' }).count()).toBe(0);
    await openVisitForm(page);
    expect(await page.getByLabel(/^Note/).inputValue()).toBe('');
  }, 120_000);

  it('the TISF reads both acts, the nurse’s without its health-only note', async () => {
    const page = await suite.newPage({ width: 1280 });
    await signIn(page, trinome.accounts.tisf);
    await openMyFollowUps(page);
    await openFollowUp(page, trinome.caseCode);
    const acts = await listedActs(page, 2);
    expect(acts).toHaveLength(2);
    const visit = acts.find((act) => act.includes('Visite à domicile'));
    expect(visit).toContain(
      'Note réservée aux professionnels de santé de l’équipe : elle ne vous est pas transmise.',
    );
    expect(visit).not.toContain(HEALTH_NOTE);
    expect(acts.find((act) => act.includes('Appel téléphonique'))).toContain(TEAM_NOTE);
    expect(await page.content()).not.toContain(HEALTH_NOTE);
    await expectNoAxeViolations(page);
    await screenshot(page, 'accompagnement-vu-par-la-tisf');

    // An objective reached, said where it stands.
    const objectives = followUpSection(page, 'Les objectifs');
    await objectives.getByRole('button', { name: `Marquer atteint : ${trinome.objectives[0]}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `L’objectif « ${trinome.objectives[0]} » est maintenant « Atteint ».` })
      .waitFor();
    await objectives.getByRole('button', { name: `Remettre en cours : ${trinome.objectives[0]}` }).waitFor();
  }, 60_000);

  it('a TISF who will replace the team’s from next week finds the follow-up in « Mon suivi », the replacement dated', async () => {
    const page = await suite.newPage({ width: 768, height: 1024 });
    await signIn(page, replacement);
    await page.getByRole('heading', { level: 1, name: 'Mon suivi' }).waitFor();
    const line = await myFollowUpLine(page, trinome.caseCode);
    expect(await line.textContent()).toContain(
      `Remplacement du ${written(period.fromOn)} au ${written(period.untilOn)} (TISF)`,
    );
    // The phase the éducateur moved it to.
    expect(await line.textContent()).toContain('Évaluation');
    await screenshot(page, 'mon-suivi-remplacement');
  }, 60_000);

  it('a follow-up of 23 acts shows the 20 latest; « Voir les actes plus anciens », reached with the keyboard, brings the 3 older ones', async () => {
    const { api } = suite;
    const long = await trinomeFollowUp(api);
    const nurse = long.accounts.nurse;
    // One act a day, the latest yesterday.
    for (let day = 1; day <= 23; day += 1) {
      await api.dataSource.query(
        `INSERT INTO follow_up_acts (territory_id, follow_up_id, occurred_on, type, duration_minutes,
                                     present_user_ids, note, note_visibility, author_user_id, recorded_at)
         VALUES ($1, $2, CAST($3 AS date) - $4::int, 'PHONE', 15, '{}', $5, 'TEAM', $6, now())`,
        [long.territory.id, long.followUpId, apiToday(api), day, `Appel numéro ${day}`, nurse.id],
      );
    }
    const page = await suite.newPage({ width: 1280 });
    await signIn(page, nurse);
    await openFollowUp(page, long.caseCode);
    const section = page.getByRole('region', { name: 'Les actes' });
    const acts = section.getByRole('list', { name: 'Les actes' }).getByRole('listitem');
    await acts.first().waitFor();
    expect(await acts.count()).toBe(20);
    expect(await acts.first().textContent()).toContain('Appel numéro 1');
    expect(await acts.last().textContent()).toContain('Appel numéro 20');

    const more = section.getByRole('button', { name: 'Voir les actes plus anciens' });
    await screenshot(page, 'accompagnement-23-actes');
    await tabTo(page, more, 80);
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: '3 actes plus anciens sont affichés.' }).waitFor();
    expect(await acts.count()).toBe(23);
    expect(await acts.last().textContent()).toContain('Appel numéro 23');
    // Nothing is left to read: the button goes, and the words saying so take the focus.
    expect(await more.count()).toBe(0);
    expect(await section.getByRole('status').textContent()).toContain('Tous sont maintenant affichés.');
    await expectNoAxeViolations(page);
  }, 120_000);
});
