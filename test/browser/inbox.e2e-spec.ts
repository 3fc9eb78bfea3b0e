import { ConsentException, DerogationStatus } from '@relais/consent';
import { Referral, ReferralStatus } from '@relais/referrals';
import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
} from '../support/browser';
import { DEROGATION_JUSTIFICATION, InboxScenario, LATE_ACTION, seedInboxScenario } from './inbox.scenario';
import {
  acceptReferral,
  approveDerogation,
  askForConsent,
  expectAnonymousReferral,
  inboxEntry,
  inboxSection,
  redirectReferral,
  signInToInbox,
  startPreReview,
} from './inbox.steps';

describe('the coordinator works through « À traiter »', () => {
  const suite = browserSuite();
  let scenario: InboxScenario;

  beforeAll(async () => {
    scenario = await seedInboxScenario(suite.api);
  }, BROWSER_SETUP_TIMEOUT_MS);

  const heading = async (page: Page, title: string) =>
    (await inboxSection(page, title).getByRole('heading', { level: 2 }).textContent())?.trim();

  it('lists what waits, anonymously, its partners named past the directory’s first hundred, and decides: accept a duplicate, redirect, ask consent, approve a derogation (1280 px, axe)', async () => {
    const current = await suite.newPage({ width: 1280 });
    await signInToInbox(current, suite.api, scenario.coordinator);
    expect(await current.title()).toBe('À traiter — Relais');

    await expectAnonymousReferral(current, scenario.anonymous);
    expect(await heading(current, 'Saisines à pré-examiner')).toBe('Saisines à pré-examiner (4)');
    expect(await heading(current, 'Dérogations à valider')).toBe('Dérogations à valider (1)');
    const late = inboxSection(current, 'Actions en retard');
    expect(await heading(current, 'Actions en retard')).toBe('Actions en retard (1)');
    expect(await late.textContent()).toContain(LATE_ACTION);
    expect(await late.textContent()).toContain(`${scenario.landlordName}`);
    expect(await late.textContent()).toContain('en retard depuis 3 jours');
    const handoffs = inboxSection(current, 'Passages de relais sans réponse');
    expect(await handoffs.textContent()).toContain(`vers ${scenario.cmpName}`);
    expect(await handoffs.textContent()).toContain('sans réponse depuis 5 jours');
    const reviews = inboxSection(current, 'Situations à réexaminer');
    expect(await heading(current, 'Situations à réexaminer')).toBe('Situations à réexaminer (1)');
    expect(await inboxEntry(reviews, scenario.reviewCaseCode).textContent()).toContain(
      'réexamen attendu depuis 2 jours',
    );
    // The duplicate in pre-review says so in the list already, by case code.
    expect(
      await inboxEntry(inboxSection(current, 'Saisines'), scenario.duplicate.caseCode).textContent(),
    ).toContain(`Doublon possible : ${scenario.duplicate.knownCaseCode}`);
    expect(await inboxSection(current, 'Dérogations').textContent()).toContain(DEROGATION_JUSTIFICATION);
    expect(await inboxSection(current, 'Dérogations').textContent()).toContain(
      `Partage avec : ${scenario.cmpName}`,
    );
    expect(await current.locator('main').textContent()).not.toContain('partenaire inconnu');
    await expectNoAxeViolations(current);
    await screenshot(current, 'a-traiter');

    const checkDialog = (name: string) => async () => {
      await expectNoAxeViolations(current);
      await screenshot(current, name);
    };
    await acceptReferral(current, scenario.duplicate, {
      samePerson: true,
      inDialog: checkDialog('a-traiter-accepter-doublon'),
    });
    await redirectReferral(current, scenario.toRedirect.caseCode, {
      target: 'Commission de coordination des actions de prévention des expulsions (CCAPEX)',
      message: 'La procédure d’expulsion relève de la CCAPEX.',
      checkMissing: true,
      inDialog: checkDialog('a-traiter-reorienter-sans-message'),
    });
    await askForConsent(current, scenario.toAskConsent.caseCode, 'L’accord ne nomme pas le CMP.');
    await approveDerogation(current, scenario.derogationGroundLabel);
    expect(await heading(current, 'Saisines à pré-examiner')).toBe('Saisines à pré-examiner (1)');
    expect(await inboxSection(current, 'Dérogations').textContent()).toContain(
      'Aucune dérogation au consentement n’attend de validation.',
    );

    const referrals = suite.api.dataSource.getRepository(Referral);
    const statusOf = async (id: string) => (await referrals.findOneByOrFail({ id })).status;
    expect(await statusOf(scenario.duplicate.id)).toBe(ReferralStatus.ACCEPTED);
    expect(await statusOf(scenario.toRedirect.id)).toBe(ReferralStatus.REDIRECTED);
    expect(await statusOf(scenario.toAskConsent.id)).toBe(ReferralStatus.NEEDS_CONSENT);
    expect(await statusOf(scenario.anonymous.id)).toBe(ReferralStatus.SUBMITTED);
    const derogations = await suite.api.dataSource
      .getRepository(ConsentException)
      .findBy({ territoryId: scenario.territoryId });
    expect(derogations.map((derogation) => derogation.status)).toEqual([DerogationStatus.APPROVED]);
    await screenshot(current, 'a-traiter-apres');
    // Four decisions, each through its dialog and checked in the database: more than one page's work.
  }, 60_000);

  it('opens a pre-review, then the referral’s page at 768 px, the identity only when asked for (axe)', async () => {
    const current = await suite.newPage({ width: 768 });
    await signInToInbox(current, suite.api, scenario.coordinator);
    const entry = await expectAnonymousReferral(current, scenario.anonymous);
    await expectNoAxeViolations(current);
    await screenshot(current, 'a-traiter');
    await startPreReview(current, scenario.anonymous.caseCode);
    await entry.getByRole('button', { name: /^Accepter/ }).waitFor();

    await entry.getByRole('link', { name: new RegExp(scenario.anonymous.caseCode) }).click();
    await current
      .getByRole('heading', { level: 1, name: `Saisine ${scenario.anonymous.caseCode}` })
      .waitFor();
    expect(await current.content()).not.toContain(scenario.anonymous.name);
    await current.getByRole('heading', { name: 'Ce que dit la saisine' }).waitFor();
    await expectNoAxeViolations(current);
    await screenshot(current, 'a-traiter-saisine');

    await current.getByRole('button', { name: 'Afficher l’identité de la personne' }).click();
    await current.getByText(scenario.anonymous.name).waitFor();
  });
});
