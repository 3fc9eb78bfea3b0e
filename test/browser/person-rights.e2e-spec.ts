import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import {
  AgeBand,
  ClosureReason,
  newCaseCode,
  Person,
  Situation,
  SituationRetentionState,
  SituationStatus,
} from '@relais/situations';
import { logInClient } from '@relais/testing';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
} from '../support/browser';
import { memberOf, recordConsent, referPerson, submitAndAccept } from '../support/referral-journey';
import { downloadHandoffDocument } from './handoffs.steps';
import {
  answerError,
  fillAnswer,
  openAnswer,
  openPersonRights,
  recordRequest,
  recordRequestByKeyboard,
  requestLine,
} from './person-rights.steps';

const DAY = 86_400_000;
const REFUSAL = 'Sa situation est encore suivie par la cellule : nous conservons ses données.';

/**
 * « Droits de la personne »: the coordinator records the person's erasure request, is told in
 * French on the answer chosen why it cannot be satisfied while her situation is open, and refuses
 * it with that reason; records a rectification with the keyboard alone and answers it; downloads
 * what Relais holds on her as a PDF. Then « Situations archivées » from « Situations ».
 */
describe('the person’s rights and the archive, for the coordinator', () => {
  const suite = browserSuite();
  const scenario = { coordinator: { email: '', password: '' }, situationId: '', archivedCode: '' };

  beforeAll(async () => {
    const { api } = suite;
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat du Nord');
    const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS de Fives');
    scenario.coordinator = await api.factory.user({
      territory,
      organisation: ccas,
      profession: Profession.SOCIAL_WORKER,
      roles: [Role.COORDINATOR],
      cell,
    });
    const officer = await memberOf(api, territory, bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    const { client: coordination } = await logInClient(
      api.anonymous,
      scenario.coordinator.email,
      scenario.coordinator.password,
    );
    const referral = await referPerson(officer.client, {
      territoryId: territory.id,
      person: {
        firstName: 'Jeanne',
        lastName: 'Aubert',
        birthDate: '1958-06-01',
        district: 'Quartier Nord',
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: [],
        questionToCell: 'Comment éviter l’expulsion ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await recordConsent(officer.client, api, referral.id, { organisationIds: [bailleur.id] });
    scenario.situationId = await submitAndAccept(officer.client, coordination, referral.id);

    // A situation closed three years ago and archived a year ago: anonymised in four years.
    const now = api.clock.now().getTime();
    const [person] = await api.dataSource.getRepository(Person).save([
      {
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'R. B.',
        ageBand: AgeBand.AGE_50_59,
        district: 'Sud',
      },
    ]);
    scenario.archivedCode = person.caseCode;
    await api.dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.CLOSED,
      openedAt: new Date(now - 4 * 365 * DAY),
      closedAt: new Date(now - 3 * 365 * DAY),
      closureReason: ClosureReason.PLAN_COMPLETED_HANDED_TO_COMMON_LAW,
      nextReviewOn: null,
      retentionState: SituationRetentionState.ARCHIVED,
      archivedAt: new Date(now - 365 * DAY),
    });
  }, BROWSER_SETUP_TIMEOUT_MS);

  it('records and answers the person’s requests (erasure refused with the law’s reason), downloads her file, and lists the archive', async () => {
    const page = await suite.newPage();
    await openSignedIn(page, suite.api, scenario.coordinator);
    const section = await openPersonRights(page, scenario.situationId);
    await section.getByText('Aucune demande enregistrée.', { exact: false }).waitFor();

    // Erasure while her situation is open: the api's reason on the answer chosen, then a refusal.
    await recordRequest(page, section, 'Effacement', 'Elle ne veut plus que ses données soient gardées.');
    let dialog = await openAnswer(page, section, 'Effacement');
    await fillAnswer(dialog, 'Satisfaite', 'Données effacées.');
    expect(await answerError(dialog)).toMatch(
      /^L’effacement n’est pas possible aujourd’hui : une situation de la personne est encore suivie par la cellule\b.*refus motivé/,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'droits-effacement-refuse');
    await fillAnswer(dialog, 'Refusée', REFUSAL);
    await dialog.waitFor({ state: 'detached' });
    const erasure = requestLine(section, 'Effacement');
    await erasure.getByText('Refusée', { exact: true }).waitFor();
    expect(await erasure.textContent()).toContain(REFUSAL);

    // A rectification, recorded with the keyboard alone (Accès → Rectification), then answered.
    await recordRequestByKeyboard(
      page,
      section,
      { label: 'Rectification', presses: 1 },
      'Corriger son adresse.',
    );
    const rectification = requestLine(section, 'Rectification');
    expect(await rectification.textContent()).toMatch(/Reçue.*Réponse due le/);
    dialog = await openAnswer(page, section, 'Rectification');
    await fillAnswer(dialog, 'Satisfaite', 'Adresse corrigée le jour même.');
    await rectification.getByText('Satisfaite', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'droits-de-la-personne');

    // What Relais holds on her, as a PDF.
    const file = await downloadHandoffDocument(
      page,
      section.getByRole('link', { name: 'Tout ce que Relais détient sur la personne (PDF)' }),
    );
    expect(file).toEqual({
      contentType: expect.stringMatching(/^application\/pdf/),
      status: 200,
      filename: expect.stringMatching(/\.pdf$/),
      head: '%PDF-',
    });

    // The archive, from « Situations »: the archived situation and when it will be anonymised.
    await page.goto('/situations');
    await page.getByRole('link', { name: 'Situations archivées' }).click();
    await page.getByRole('heading', { level: 1, name: 'Situations archivées' }).waitFor();
    const row = page.locator('table tbody tr').filter({ hasText: scenario.archivedCode });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Archivée.*Anonymisation le/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'situations-archivees');
  }, 150_000);
});
