import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
} from '../support/browser';
import { HeldMeeting, HELD_MEETING_TEXTS, holdMeeting } from '../support/held-meeting';
import {
  addRestrictedNote,
  downloadDecisionLog,
  minutesItem,
  openMinutes,
  previewAs,
  publishMinutes,
  recordPersonAnswer,
} from './minutes.steps';
import { holdBackOperation } from './slow-network';
import { crowdDirectory } from '../support/crowded-directory';

const HEALTH_NOTE = 'Traitement interrompu depuis l’été, rendez-vous au CMP à reprendre.';

/**
 * A held meeting's minutes in the browser: the nurse adds a health note knowing who will read it; the
 * coordinator reads the draft, sees it as the landlord and as the CMP will (computed by the api for
 * them, within what the coordinator reads itself), publishes, notes the person's answer and downloads the decision log; the landlord then reads
 * its part and nothing about health.
 */
describe('the minutes of a held meeting', () => {
  const suite = browserSuite();
  let held: HeldMeeting;

  beforeAll(async () => {
    held = await holdMeeting(suite.api, 'Navigateur');
    // More partners than a page of the directory, all before the meeting's: named and found all the same.
    await crowdDirectory(suite.api, { id: held.territoryId });
  }, BROWSER_SETUP_TIMEOUT_MS);

  it('lets the nurse who was in the room add a health note, its readers stated before it is saved', async () => {
    const page = await suite.newPage();
    await openMinutes(page, suite.api, held.accounts.nurse, held.meetingId);
    await page.getByText('La coordination relit le brouillon').waitFor();
    const targets = page.getByRole('region', { name: 'Vos notes réservées' }).getByRole('listitem');
    // She had left the room for the second item: only the first is offered.
    expect(await targets.allTextContents()).toEqual([
      expect.stringContaining(`Point 1 — ${held.items.housing.caseCode}`),
    ]);
    const restriction = await addRestrictedNote(page, {
      position: 1,
      category: 'Secret médical',
      text: HEALTH_NOTE,
    });
    expect(restriction).toContain('Cette note sera « Secret médical »');
    expect(restriction).toContain('seulement par les professionnel·les de santé');
  });

  it('shows the coordinator the draft, previews it as the landlord and the CMP, publishes, notes the answer, downloads the log', async () => {
    const page = await suite.newPage();
    // The partners' names held back a moment, as on a slow network: the minutes wait for them rather
    // than show each action entrusted to a « Partenaire non répertorié » first.
    await holdBackOperation(page, 'OrganisationNames', 1_000);
    await openMinutes(page, suite.api, held.accounts.coordinator, held.meetingId);
    const housing = minutesItem(page.locator('main'), held.items.housing.caseCode).first();
    await housing.getByText(HELD_MEETING_TEXTS.housingSummary).waitFor();
    const draft = (await housing.textContent()) ?? '';
    expect(draft).toContain(HELD_MEETING_TEXTS.housingDecision);
    expect(draft).toContain(`Motif : ${HELD_MEETING_TEXTS.housingRationale}`);
    expect(draft).toContain(HELD_MEETING_TEXTS.landlordAction);
    expect(draft).toContain(held.organisations.bailleur.name);
    // The coordinator is no health professional: the nurse's note is not sent to it.
    expect(await page.content()).not.toContain(HEALTH_NOTE);

    const landlord = await previewAs(page, held.organisations.bailleur.name);
    const landlordText = (await landlord.textContent()) ?? '';
    expect(landlordText).toContain('Lu comme : Chargé·e de');
    expect(landlordText).toContain(HELD_MEETING_TEXTS.landlordAction);
    expect(landlordText).not.toContain(HEALTH_NOTE);
    expect(landlordText).not.toContain(HELD_MEETING_TEXTS.housingSummary);
    expect(landlordText).not.toContain(HELD_MEETING_TEXTS.cmpAction);
    expect(landlordText).not.toContain(HELD_MEETING_TEXTS.socialSummary);
    expect(landlordText).toContain(`Non transmis à ${held.organisations.bailleur.name}`);
    // The draft and, under it, the landlord's preview.
    await screenshot(page, 'compte-rendu-brouillon-et-apercu-bailleur');

    const cmp = await previewAs(page, held.organisations.cmp.name);
    const cmpText = (await cmp.textContent()) ?? '';
    // The nurse will read her note; the coordinator, no health professional, is not shown it.
    expect(cmpText).not.toContain(HEALTH_NOTE);
    expect(cmpText).toContain('Lu comme : Infirmier·ère en psychiatrie');
    expect(cmpText).toContain(HELD_MEETING_TEXTS.housingSummary);
    expect(cmpText).not.toContain(HELD_MEETING_TEXTS.socialSummary);
    // The draft and a preview on one page: both checked at once.
    await expectNoAxeViolations(page);

    const said = await publishMinutes(page);
    expect(said).toContain(`${held.organisations.bailleur.name} : 1 action à mener`);
    expect(said).toContain(HELD_MEETING_TEXTS.ccasAction);

    await recordPersonAnswer(page, { position: 1, informedOn: '01/01/2026', answer: 'D’accord en partie' });
    await minutesItem(page.locator('main'), held.items.housing.caseCode)
      .first()
      .getByText('D’accord en partie, informée le 1er janvier 2026')
      .waitFor();

    const log = await downloadDecisionLog(page);
    expect(log.name).toMatch(/^releve-de-decisions-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(log.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.setViewportSize({ width: 768, height: 1024 });
    await expectNoAxeViolations(page);
    await screenshot(page, 'compte-rendu-publie');
    // One sign-in for the coordinator's whole round (a sign-in costs seconds): more than Jest's 30 s
    // on a loaded machine.
  }, 50_000);

  it('gives the landlord its item and its action once published, nothing about health', async () => {
    const page = await suite.newPage({ width: 768 });
    await openMinutes(page, suite.api, held.accounts.landlord, held.meetingId);
    await page.getByText('Publié : chaque partenaire le lit pour sa part.').waitFor();
    const own = minutesItem(page, held.items.housing.caseCode);
    await own.getByText(HELD_MEETING_TEXTS.landlordAction).waitFor();
    const content = await page.content();
    for (const hidden of [
      HEALTH_NOTE,
      HELD_MEETING_TEXTS.housingSummary,
      HELD_MEETING_TEXTS.housingDecision,
      HELD_MEETING_TEXTS.cmpAction,
      HELD_MEETING_TEXTS.socialSummary,
      HELD_MEETING_TEXTS.ccasAction,
    ]) {
      expect(content).not.toContain(hidden);
    }
    // The other item is told by its case code only, with nothing for the landlord.
    expect(await minutesItem(page, held.items.social.caseCode).textContent()).toContain(
      'Aucune action pour vous sur ce point.',
    );
    expect(await page.getByRole('button', { name: /^Publier/ }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /^Voir comme/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'compte-rendu-bailleur');
  });
});
