import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { OrganisationKind, Profession, User } from '@relais/identity';
import { logInClient } from '@relais/testing';
import type { Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  signInThroughPage,
} from '../support/browser';
import { recordConsent, referPerson, submit, submitAndAccept } from '../support/referral-journey';
import { acceptReferral, expectAnonymousReferral, signInToInbox, startPreReview } from './inbox.steps';
import {
  confirmRevealByKeyboard,
  endMeetingByKeyboard,
  nextStepByKeyboard,
  openRevealByKeyboard,
  pageText,
  recordAttendanceByKeyboard,
  saveItemByKeyboard,
  toggleInRoomByKeyboard,
  typeDecisionByKeyboard,
  typedDay,
} from './meeting-mode.steps';
import {
  addSuggestion,
  agendaItem,
  openMeetings,
  planMeetingThroughPage,
  publishAgendaThroughPage,
  setItemSettings,
  writtenDay,
} from './meeting-preparation.steps';
import { minutesItem, openMinutes, previewAs, publishMinutes } from './minutes.steps';

const IN_DAYS = 7;
const DECISION = 'Visite conjointe du CCAS et du bailleur, plan d’apurement proposé';
const ACTION = 'Proposer un plan d’apurement à la personne';
const OTHER_DECISION = 'Poursuivre l’accompagnement budgétaire du CCAS';

const form = (difficultyAreas: string[]) => ({
  difficultyAreas,
  servicesInvolved: [],
  questionToCell: 'Comment renouer le contact avant toute procédure ?',
  urgency: 'MEDIUM',
  requests: ['CELL_EXAMINATION'],
});

async function named(
  api: RunningApi,
  user: User & { password: string },
  firstName: string,
  lastName: string,
) {
  await api.dataSource.getRepository(User).update({ id: user.id }, { firstName, lastName });
  return { ...user, firstName, lastName, name: `${firstName} ${lastName}` };
}

/**
 * The coordinator's month, in one browser: a landlord's referral arrives in « À traiter », is
 * accepted, inscribed on the next meeting's agenda with the landlord as its guest, examined in
 * meeting mode (the identity refused while the CMP is in the room, shown once it has left, and
 * audited), and its minutes published; the landlord then reads its own item and nothing else.
 */
describe('the coordinator’s journey, from an incoming referral to published minutes', () => {
  const suite = browserSuite();
  let scenario: Awaited<ReturnType<typeof seed>>;

  async function seed(api: RunningApi) {
    const { factory } = api;
    const territory = await factory.territory({ name: 'CLSM Parcours' });
    const cell = await factory.cell(territory);
    const town = await factory.organisation(territory, OrganisationKind.MUNICIPAL, 'Coordination Parcours');
    const landlord = await factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Parcours');
    const ccas = await factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Parcours');
    const cmp = await factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Parcours');
    const member = (organisation: typeof town, profession: Profession, roles: Role[]) =>
      factory.user({ territory, organisation, profession, roles, cell });
    const coordinator = await named(
      api,
      await member(town, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]),
      'Claire',
      'Coordonne',
    );
    const officer = await named(
      api,
      await member(landlord, Profession.HOUSING_OFFICER, [Role.REFERRER, Role.CELL_MEMBER]),
      'Bruno',
      'Bailleur',
    );
    const socialWorker = await named(
      api,
      await member(ccas, Profession.SOCIAL_WORKER, [Role.REFERRER, Role.CELL_MEMBER]),
      'Anne',
      'Accueil',
    );
    const nurse = await named(
      api,
      await member(cmp, Profession.PSYCHIATRIC_NURSE, [Role.CELL_MEMBER]),
      'Nina',
      'Soignante',
    );
    const clients = {
      coordinator: (await logInClient(api.anonymous, coordinator.email, coordinator.password)).client,
      officer: (await logInClient(api.anonymous, officer.email, officer.password)).client,
      socialWorker: (await logInClient(api.anonymous, socialWorker.email, socialWorker.password)).client,
    };

    // The landlord's referral, its person consenting to the landlord and the CCAS — not the CMP.
    const person = { firstName: 'Lucien', lastName: 'Marchetti' };
    const referral = await referPerson(clients.officer, {
      territoryId: territory.id,
      person: { ...person, birthDate: '1968-02-20', protectionMeasure: 'NONE' },
      form: form(['HOUSING_DEBT', 'ISOLATION']),
    });
    await recordConsent(clients.officer, api, referral.id, { organisationIds: [landlord.id, ccas.id] });
    await submit(clients.officer, referral.id);

    // A CCAS situation already accepted: on the same agenda, not the landlord's business.
    const other = await referPerson(clients.socialWorker, {
      territoryId: territory.id,
      person: { firstName: 'Odile', lastName: 'Verdier', birthDate: '1955-09-03', protectionMeasure: 'NONE' },
      form: form(['ISOLATION']),
    });
    await recordConsent(clients.socialWorker, api, other.id, { organisationIds: [ccas.id] });
    await submitAndAccept(clients.socialWorker, clients.coordinator, other.id);

    return {
      territoryId: territory.id,
      organisations: { landlord, ccas, cmp },
      coordinator,
      officer,
      socialWorker,
      nurse,
      person: { ...person, caseCode: referral.person.caseCode },
      other: { firstName: 'Odile', lastName: 'Verdier', caseCode: other.person.caseCode },
    };
  }

  beforeAll(async () => {
    scenario = await seed(suite.api);
  }, BROWSER_SETUP_TIMEOUT_MS);

  /** No examined person's name in anything the page holds as text. */
  async function expectNoPersonName(page: Page): Promise<void> {
    const text = await pageText(page);
    for (const person of [scenario.person, scenario.other]) expect(text).not.toContain(person.lastName);
  }

  let meetingId: string;

  it('takes the referral from « À traiter » to a published agenda, the landlord its item’s guest', async () => {
    const { api } = suite;
    const { person, other, organisations } = scenario;
    const page = await suite.newPage();
    await signInToInbox(page, api, scenario.coordinator);
    await expectAnonymousReferral(page, { caseCode: person.caseCode, name: person.lastName });
    await startPreReview(page, person.caseCode);
    await acceptReferral(page, { caseCode: person.caseCode });

    await openMeetings(page);
    await planMeetingThroughPage(page, { day: typedDay(api, IN_DAYS), time: '14:00', place: 'Mairie' });
    meetingId = /\/seances\/([^/]+)\//.exec(new URL(page.url()).pathname)![1]!;
    await addSuggestion(page, person.caseCode);
    await addSuggestion(page, other.caseCode);
    await setItemSettings(page, person.caseCode, { minutes: 20, guests: [organisations.landlord.name] });
    expect(await agendaItem(page, person.caseCode).textContent()).toContain(organisations.landlord.name);
    await publishAgendaThroughPage(page);
    await expectNoPersonName(page);
  }, 90_000);

  it('runs the meeting: the identity refused with the CMP in the room, shown once it left, and audited', async () => {
    const { api } = suite;
    const { person, other, organisations, coordinator, officer, socialWorker, nurse } = scenario;
    const page = await suite.newPage({ width: 1920, height: 1080 });
    await page.clock.install();
    api.clock.advance(30_000);
    await page.goto('/');
    await signInThroughPage(page, api, coordinator);
    await page.getByRole('heading', { level: 1, name: 'À traiter' }).waitFor();
    await openMeetings(page);
    await page
      .getByRole('link', { name: `Mener la séance du ${writtenDay(api, IN_DAYS)}` })
      .or(page.getByRole('link', { name: /^Mener la séance/ }))
      .first()
      .click();
    // The projected page is loaded on demand: on a loaded machine it may take longer than a click.
    await page.getByRole('heading', { level: 2, name: 'Présences' }).waitFor({ timeout: 30_000 });
    await recordAttendanceByKeyboard(page, [coordinator.name, officer.name, socialWorker.name, nurse.name]);

    // Item 1, the landlord's: the whole cell in the room — the CMP, which the consent does not name,
    // and the landlord, whom the territory's matrix never gives an identity.
    await nextStepByKeyboard(page, new RegExp(person.caseCode));
    await expectNoPersonName(page);
    let dialog = await openRevealByKeyboard(page);
    await confirmRevealByKeyboard(page, dialog);
    const refusal = page.getByRole('alert').filter({ hasText: 'Identité non dévoilée' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      new RegExp(`${organisations.cmp.name}|${organisations.landlord.name}`),
    );
    await expectNoPersonName(page);
    await typeDecisionByKeyboard(page, DECISION, [
      {
        description: ACTION,
        organisation: organisations.landlord.name,
        person: officer.name,
        dueOn: typedDay(api, 30),
      },
    ]);
    await saveItemByKeyboard(page);
    await page.getByRole('heading', { name: 'Point enregistré' }).waitFor();

    // Item 2, the CCAS's: the nurse and the landlord leave the room; once the room is recorded, the
    // consent names everyone in it and the identity is shown, audited with who was there.
    await nextStepByKeyboard(page, new RegExp(other.caseCode));
    await expectNoPersonName(page);
    await toggleInRoomByKeyboard(page, [nurse.name, officer.name]);
    await typeDecisionByKeyboard(page, OTHER_DECISION, []);
    await saveItemByKeyboard(page);
    await page.getByRole('heading', { name: 'Point enregistré' }).waitFor();
    dialog = await openRevealByKeyboard(page);
    expect(await dialog.textContent()).not.toContain(nurse.name);
    await confirmRevealByKeyboard(page, dialog);
    const revealed = page.getByText(`${other.firstName} ${other.lastName.toLocaleUpperCase('fr')}`);
    await revealed.waitFor();
    expect(await pageText(page)).not.toContain(person.lastName);
    await screenshot(page, 'parcours-identite-devoilee');
    const audit = api.dataSource.getRepository(AuditEvent);
    const events = await audit.findBy({
      action: 'IDENTITY_REVEALED_IN_MEETING',
      territoryId: scenario.territoryId,
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({
      meetingId,
      presentUserIds: [socialWorker.id],
      organisationIds: [organisations.ccas.id],
    });
    expect(
      await audit.countBy({ action: 'IDENTITY_REVEAL_REFUSED', territoryId: scenario.territoryId }),
    ).toBe(1);

    await nextStepByKeyboard(page, 'Fin de la séance');
    await endMeetingByKeyboard(page);
  }, 150_000);

  it('publishes the minutes after seeing them as the landlord will', async () => {
    const { api } = suite;
    const { person, other, organisations } = scenario;
    const page = await suite.newPage();
    await openMinutes(page, api, scenario.coordinator, meetingId);
    const preview = await previewAs(page, organisations.landlord.name);
    const previewed = (await preview.textContent()) ?? '';
    expect(previewed).toContain(ACTION);
    expect(previewed).not.toContain(OTHER_DECISION);
    await publishMinutes(page);
    await expectNoAxeViolations(page);
    await expectNoPersonName(page);
    expect(await minutesItem(page.locator('main'), other.caseCode).count()).toBeGreaterThan(0);
    expect(person.caseCode).not.toBe(other.caseCode);
  }, 60_000);

  it('shows the landlord its item’s action, and of the other item its code alone: no decision, no name', async () => {
    const { api } = suite;
    const { person, other } = scenario;
    const page = await suite.newPage({ width: 768 });
    await openMinutes(page, api, scenario.officer, meetingId);
    await minutesItem(page.locator('main'), person.caseCode).first().waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(ACTION);
    expect(main).not.toContain(OTHER_DECISION);
    expect(await minutesItem(page.locator('main'), person.caseCode).count()).toBe(1);
    await expectNoPersonName(page);
    expect(main).not.toContain(other.lastName);
    await expectNoAxeViolations(page);
    await screenshot(page, 'parcours-compte-rendu-bailleur');
  }, 60_000);
});
