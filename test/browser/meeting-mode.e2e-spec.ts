import { AuditEvent } from '@relais/audit';
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { AgendaItem, Attendance, Decision, ItemDisclosure, Meeting } from '@relais/meetings';
import { SituationAction } from '@relais/situations';
import type { Page } from 'playwright-core';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  signInThroughPage,
  tabTo,
} from '../support/browser';
import {
  confirmRevealByKeyboard,
  endMeetingByKeyboard,
  heapHolds,
  MeetingModeScenario,
  named,
  nextStepByKeyboard,
  openMeetingMode,
  openRevealByKeyboard,
  pageText,
  recordAttendanceByKeyboard,
  saveItemByKeyboard,
  seedMeetingModeScenario,
  toggleInRoomByKeyboard,
  typeDecisionByKeyboard,
  typedDay,
  typeNextReviewByKeyboard,
} from './meeting-mode.steps';
import { crowdDirectory } from '../support/crowded-directory';
import { memberOf } from '../support/referral-journey';
import { chooseInSearchByKeyboard, plainly } from './directory-search.steps';

const DECISION = 'Proposer une visite à domicile conjointe';
const ACTION = 'Organiser la visite avec la personne';

describe('meeting mode: the coordinator runs the meeting on the projector, with the keyboard alone', () => {
  const suite = browserSuite();
  let scenario: MeetingModeScenario;

  beforeAll(async () => {
    scenario = await seedMeetingModeScenario(suite.api);
    // More partners than a page of the directory, all before the meeting's: the action's partner is
    // found by typing part of its name, without its accent.
    await crowdDirectory(suite.api, scenario.territory);
  }, BROWSER_SETUP_TIMEOUT_MS);

  /** No name of the people examined in anything the page holds as text. */
  async function expectNoPersonName(page: Page): Promise<void> {
    const text = await pageText(page);
    for (const item of [scenario.refused, scenario.allowed]) {
      expect(text).not.toContain(item.lastName);
      expect(text.toLocaleLowerCase('fr')).not.toContain(item.lastName.toLocaleLowerCase('fr'));
      expect(text).not.toContain(`${item.firstName} `);
    }
  }

  it('records the room, a decision with its action and the next review, refuses then allows a reveal for its time, and ends the meeting', async () => {
    const { api } = suite;
    const { coordinator, socialWorker, nurse, refused, allowed, meetingId } = scenario;
    const page = await suite.newPage({ width: 1280, height: 900 });
    // The page's timers run on a clock the test may move forward: the reveal's two minutes pass at once.
    await page.clock.install();
    await signInThroughPage(page, api, coordinator, { keyboardOnly: true });
    await openMeetingMode(page, meetingId);
    expect(await page.title()).toBe('En séance — Relais');
    // Projected alone: no site header, no navigation, no one's name but the professionals'.
    expect(await page.locator('.site-header').count()).toBe(0);
    expect(await page.locator('main.projection').count()).toBe(1);
    expect(await pageText(page)).toContain('Page suivante');
    await expectNoPersonName(page);

    // « Plein écran » through the Fullscreen API, and back.
    await tabTo(page, page.getByRole('button', { name: 'Plein écran' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Quitter le plein écran' }).waitFor();
    expect(await page.evaluate(() => document.fullscreenElement?.tagName)).toBe('HTML');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Plein écran' }).waitFor();

    // The professionals of a partner invited to an item are listed with the cell, not ticked.
    const guestBox = page.getByRole('checkbox', { name: new RegExp(`^${scenario.guest.name}`) });
    expect(await page.locator('label', { has: guestBox }).textContent()).toContain(
      `SAVS Séance · invité à un point`,
    );
    expect(await guestBox.isChecked()).toBe(false);
    await recordAttendanceByKeyboard(page, [coordinator.name, socialWorker.name, nurse.name]);
    await screenshot(page, 'seance-presences');

    // Item 1: its code as heading, the time box, the room narrowed for it by two keys.
    await nextStepByKeyboard(page, new RegExp(refused.caseCode));
    expect(await pageText(page)).toContain('Point 1 sur 2');
    expect(await pageText(page)).toMatch(/Temps prévu : \d+ min/);
    await expectNoPersonName(page);
    await toggleInRoomByKeyboard(page, [nurse.name]);
    expect(await pageText(page)).toContain('2 personnes de 2 organisations pour ce point');
    expect(await pageText(page)).toContain('Tant que ce point n’est pas enregistré');

    // The reveal's confirmation names the room the api checks (the meeting's attendance): refused.
    let dialog = await openRevealByKeyboard(page);
    expect(await dialog.textContent()).toContain(`${scenario.cmp.name} : ${nurse.name}`);
    expect(await dialog.textContent()).toContain(`${scenario.ccas.name} : ${socialWorker.name}`);
    expect(await dialog.textContent()).not.toContain(coordinator.name);
    await screenshot(page, 'seance-devoiler-confirmation');
    await confirmRevealByKeyboard(page, dialog);
    const refusal = page.getByRole('alert').filter({ hasText: 'Identité non dévoilée' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `ne nomme pas cette organisation présente : ${scenario.cmp.name}`,
    );
    await expectNoPersonName(page);

    // A decision and its action typed fast; a past due day refused by the api on its field.
    await typeDecisionByKeyboard(page, DECISION, [
      {
        description: ACTION,
        organisation: scenario.ccas.name,
        person: socialWorker.name,
        dueOn: typedDay(api, -1),
      },
    ]);
    const secondLine = page.getByRole('textbox', { name: /^Action 2 : ce qu’il faut faire/ });
    expect(await secondLine.inputValue()).toBe('');
    await typeNextReviewByKeyboard(page, typedDay(api, 60));
    await saveItemByKeyboard(page);
    const dueOn = page.getByRole('textbox', { name: /^Échéance/ }).first();
    expect(await dueOn.getAttribute('aria-invalid')).toBe('true');
    expect(await pageText(page)).toContain("L'échéance doit être aujourd'hui ou plus tard.");
    await tabTo(page, dueOn, 40);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(typedDay(api, 30));
    await saveItemByKeyboard(page);
    await page.getByRole('heading', { name: 'Point enregistré' }).waitFor();
    expect(await pageText(page)).toContain('1 décision, 1 action ; 2 personnes dans la salle.');

    const decision = await api.dataSource
      .getRepository(Decision)
      .findOneByOrFail({ agendaItemId: refused.id });
    expect(decision.text).toBe(DECISION);
    const action = await api.dataSource
      .getRepository(SituationAction)
      .findOneByOrFail({ description: ACTION });
    expect(action).toMatchObject({
      ownerOrganisationId: scenario.ccas.id,
      ownerUserId: socialWorker.id,
      dueOn: new Date(api.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const recordedItem = await api.dataSource.getRepository(AgendaItem).findOneByOrFail({ id: refused.id });
    expect(recordedItem.nextReviewOn).toBe(
      new Date(api.clock.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
    );
    const heard = await api.dataSource.getRepository(ItemDisclosure).findBy({ agendaItemId: refused.id });
    expect(heard.map((row) => row.userId).sort()).toEqual([coordinator.id, socialWorker.id].sort());

    // The page reloaded mid-meeting: the attendance and the item saved are read back, not offered again.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Présences' }).waitFor();
    expect(await pageText(page)).toMatch(/Présences déjà enregistrées pour cette séance : 3 présents/);
    expect(await page.getByRole('checkbox', { name: new RegExp(`^${nurse.name}`) }).isChecked()).toBe(true);
    await nextStepByKeyboard(page, new RegExp(refused.caseCode));
    await page.getByRole('heading', { name: 'Point enregistré' }).waitFor();
    expect(await pageText(page)).toContain(`Décision 1 : ${DECISION}`);
    expect(await pageText(page)).toContain('1 décision, 1 action ; 2 personnes dans la salle.');
    expect(await pageText(page)).toContain('2 personnes de 2 organisations pour ce point');
    expect(await page.getByRole('button', { name: /^Enregistrer le point/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'seance-point-enregistre');

    // Item 2: everyone present is named by the consent. Axe wide, at 768 px, and the projector's view.
    await nextStepByKeyboard(page, new RegExp(allowed.caseCode));
    await expectNoPersonName(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'seance-point');
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectNoAxeViolations(page);
    await screenshot(page, 'seance-point');
    await page.setViewportSize({ width: 1920, height: 1080 });

    dialog = await openRevealByKeyboard(page);
    await confirmRevealByKeyboard(page, dialog);
    const revealed = page.getByText(`${allowed.firstName} ${allowed.lastName.toLocaleUpperCase('fr')}`);
    await revealed.waitFor();
    expect(await pageText(page)).toMatch(/Masquée dans (2 min 00 s|1 min 5\d s)/);
    await screenshot(page, 'seance-identite-devoilee');
    const [event, ...others] = await api.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'IDENTITY_REVEALED_IN_MEETING', subjectId: allowed.id });
    expect(others).toEqual([]);
    expect(event).toMatchObject({ actorUserId: coordinator.id, subjectType: 'AgendaItem' });
    expect(event.details).toMatchObject({
      meetingId,
      itemId: allowed.id,
      presentUserIds: [socialWorker.id, nurse.id].sort(),
      // The partner invited to the item is in the room the api judges, present or not.
      organisationIds: [scenario.ccas.id, scenario.cmp.id, scenario.savs.id].sort(),
    });

    // The api's two minutes pass: the identity leaves the screen, the reveal button has the focus.
    await page.clock.fastForward(121_000);
    await revealed.waitFor({ state: 'detached' });
    expect(await pageText(page)).toContain('Le temps d’affichage est écoulé');
    await expectNoPersonName(page);
    // Nor anywhere in the page's memory: no cache kept the identity.
    expect(await heapHolds(page, allowed.lastName)).toBe(false);

    // Revealed again, then « Masquer » at once; and once more, gone as soon as the item changes.
    dialog = await openRevealByKeyboard(page);
    await confirmRevealByKeyboard(page, dialog);
    await revealed.waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Masquer' }));
    await page.keyboard.press('Enter');
    await revealed.waitFor({ state: 'detached' });
    await expectNoPersonName(page);
    dialog = await openRevealByKeyboard(page);
    await confirmRevealByKeyboard(page, dialog);
    await revealed.waitFor();
    await nextStepByKeyboard(page, 'Fin de la séance');
    await expectNoPersonName(page);
    await page.keyboard.press('PageUp');
    await page.getByRole('heading', { level: 2, name: new RegExp(allowed.caseCode) }).waitFor();
    await expectNoPersonName(page);
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { level: 2, name: 'Fin de la séance' }).waitFor();

    // The end: the item left unrecorded is named; the meeting is held; the minutes are next.
    expect(await pageText(page)).toContain(
      `Un point n’est pas enregistré dans ce mode séance : ${allowed.caseCode}`,
    );
    await endMeetingByKeyboard(page);
    expect(await page.getByRole('link', { name: 'Rédiger le compte rendu' }).getAttribute('href')).toBe(
      `/seances/${meetingId}/compte-rendu`,
    );
    const meeting = await api.dataSource.getRepository(Meeting).findOneByOrFail({ id: meetingId });
    expect(meeting.status).toBe('HELD');
    await screenshot(page, 'seance-fin');
    await expectNoPersonName(page);
  }, 120_000);

  it('adds someone the list does not hold, found by typing part of their name, ticked and recorded present', async () => {
    const { api } = suite;
    const room = await seedMeetingModeScenario(api, 'Remplacement');
    // A nurse standing in for the cell's: neither a member of the cell nor of a partner invited to
    // an item; her partner is past the directory's first page, and named all the same.
    await crowdDirectory(api, room.territory);
    const cmp = await api.factory.organisation(room.territory, OrganisationKind.PSYCHIATRY, 'Équipe mobile');
    const standIn = await memberOf(api, room.territory, cmp, Profession.PSYCHIATRIC_NURSE, [Role.REFERRER]);
    const standInName = await named(api, standIn, 'Rémi', 'Suppléant');
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signInThroughPage(page, api, room.coordinator, { keyboardOnly: true });
    await openMeetingMode(page, room.meetingId);
    const standInBox = page.getByRole('checkbox', { name: new RegExp(`^${standInName}`) });
    // The list is on the page (the coordinator's own box), and she is not in it.
    await page.getByRole('checkbox', { name: new RegExp(`^${room.coordinator.name}`) }).waitFor();
    expect(await standInBox.count()).toBe(0);

    await chooseInSearchByKeyboard(
      page,
      page.getByRole('combobox', { name: 'Ajouter une personne présente' }),
      plainly('Supplé'),
      standInName,
      40,
    );
    await standInBox.waitFor();
    expect(await standInBox.isChecked()).toBe(true);
    // Her partner's name is asked for once she is added, and comes in place; she is said added, not
    // invited to an item.
    await page
      .locator('label', { has: standInBox, hasText: 'Équipe mobile · ajouté·e à la séance' })
      .waitFor();
    await expectNoAxeViolations(page);
    await recordAttendanceByKeyboard(page, [room.coordinator.name]);

    const recorded = await api.dataSource.getRepository(Attendance).findBy({ meetingId: room.meetingId });
    expect(recorded.find((row) => row.userId === standIn.id)).toMatchObject({
      status: 'PRESENT',
      organisationId: cmp.id,
    });
    // Read back after a reload: she is listed, ticked, without being searched for again.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Présences' }).waitFor();
    expect(await standInBox.isChecked()).toBe(true);
  }, 90_000);
});
