import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { AgendaItem, Meeting, MeetingStatus } from '@relais/meetings';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
} from '../support/browser';
import { crowdDirectory } from '../support/crowded-directory';
import { seedAgendaItem } from '../support/referral-journey';
import {
  addSuggestion,
  agendaItem,
  agendaOrder,
  downloadAgendaPdf,
  fillPlanMeeting,
  moveItemByKeyboard,
  openAgendaOf,
  openMeetings,
  openPlannedAgenda,
  PreparationScenario,
  publishAgendaThroughPage,
  seedPreparationScenario,
  setItemSettings,
  suggestion,
  typedDay,
  writtenDay,
} from './meeting-preparation.steps';

/** The meeting is planned this many days after the api's today. */
const IN_DAYS = 21;

describe('preparing a cell meeting: planning, the agenda, publishing, and a guest partner reading it', () => {
  const suite = browserSuite();
  let scenario: PreparationScenario;
  let day: string;

  beforeAll(async () => {
    scenario = await seedPreparationScenario(suite.api);
    day = writtenDay(suite.api, IN_DAYS);
  }, BROWSER_SETUP_TIMEOUT_MS);

  it('lets the coordinator plan a meeting, build, order and time its agenda, publish it and download its PDF', async () => {
    const [first, second, third] = scenario.consented;
    const codes = [...scenario.consented, scenario.unconsented].map((situation) => situation.caseCode);
    const page = await suite.newPage();
    suite.api.clock.advance(30_000);
    await page.goto('/');
    await openSignedIn(page, suite.api, scenario.coordinator);
    await openMeetings(page);
    expect(await page.title()).toBe('Séances — Relais');
    await page.getByText('Aucune séance n’est prévue.').waitFor();

    // Planning: the api's refusal of a past day sits on the day's field, in French.
    await page.getByRole('link', { name: 'Prévoir une séance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prévoir une séance' }).waitFor();
    await fillPlanMeeting(page, { day: typedDay(suite.api, -1), place: 'Salle du conseil' });
    await page.getByText('La séance doit être à venir.').waitFor();
    expect(await page.getByLabel('Jour de la séance').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'prevoir-une-seance');
    await fillPlanMeeting(page, {
      day: typedDay(suite.api, IN_DAYS),
      time: '14 h 00',
      durationMinutes: 60,
      place: 'Salle du conseil, mairie',
    });
    await openPlannedAgenda(page);
    expect(await page.title()).toBe('Ordre du jour — Relais');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Ordre du jour de la séance du ${day}`,
    );

    // Relais's proposals, each with its reason in words; three inscribed.
    const proposed = suggestion(page, first.caseCode);
    expect(await proposed.textContent()).toContain('Saisine acceptée, jamais inscrite');
    expect(await proposed.textContent()).toMatch(
      /Saisine acceptée le \d+(er)? \S+ \d{4}, pas encore inscrite/,
    );
    for (const situation of scenario.consented) await addSuggestion(page, situation.caseCode);
    expect(await agendaOrder(page, codes)).toEqual([first.caseCode, second.caseCode, third.caseCode]);

    // The person who never consented: refused by the api, its reason beside the proposal.
    await suggestion(page, scenario.unconsented.caseCode)
      .getByRole('button', { name: /^Inscrire la situation/ })
      .click();
    await suggestion(page, scenario.unconsented.caseCode)
      .getByRole('alert')
      .filter({ hasText: /La personne n.a pas \(ou plus\) consenti à l.examen de sa situation/ })
      .waitFor();

    // Ordering with the keyboard: the third goes to the top, the focus following it.
    await moveItemByKeyboard(page, third.caseCode, 'up', 2);
    expect(await agendaOrder(page, codes)).toEqual([third.caseCode, first.caseCode, second.caseCode]);
    expect(
      await page
        .getByRole('button', { name: `Descendre le point ${third.caseCode}` })
        .evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);

    // Time-boxing beyond the meeting's hour: the warning, in words.
    expect(await page.locator('.time-budget').textContent()).toContain(
      'Temps prévu : 45 min sur 1 h, il reste 15 min.',
    );
    await setItemSettings(page, third.caseCode, { minutes: 40 });
    await page.getByText('Attention : le temps prévu dépasse la durée de la séance.').waitFor();
    expect(await page.locator('.time-budget').textContent()).toContain(
      '1 h 10 prévues pour une séance de 1 h, soit 10 min de trop',
    );

    // Guests and presenter for the first situation; axe at 768 px on the page with the settings open.
    await page.setViewportSize({ width: 768, height: 900 });
    await setItemSettings(
      page,
      first.caseCode,
      {
        guests: [scenario.landlordOrganisation],
        presenterOrganisation: scenario.presenterOrganisation,
        presenterName: scenario.presenterName,
      },
      async () => {
        await expectNoAxeViolations(page);
        await screenshot(page, 'ordre-du-jour-reglages');
      },
    );
    // Named by the api once saved: the names follow the ids the answer carries.
    await agendaItem(page, first.caseCode)
      .filter({ hasText: `Invités pour ce point${scenario.landlordOrganisation}` })
      .filter({ hasText: `${scenario.presenterName}, ${scenario.presenterOrganisation}` })
      .waitFor();
    const invited = await agendaItem(page, first.caseCode).textContent();
    expect(invited).toContain(`${scenario.presenterName}, ${scenario.presenterOrganisation}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'ordre-du-jour-en-preparation');

    const meeting = await suite.api.dataSource
      .getRepository(Meeting)
      .findOneByOrFail({ territoryId: scenario.territoryId });
    const saved = await suite.api.dataSource
      .getRepository(AgendaItem)
      .find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    expect(saved.map((item) => item.minutes)).toEqual([40, 15, 15]);
    expect(meeting.durationMinutes).toBe(60);

    await publishAgendaThroughPage(page);
    expect(
      (await suite.api.dataSource.getRepository(Meeting).findOneByOrFail({ id: meeting.id })).status,
    ).toBe(MeetingStatus.AGENDA_PUBLISHED);
    await page.getByRole('button', { name: 'Publier l’ordre du jour' }).waitFor({ state: 'detached' });

    const pdf = await downloadAgendaPdf(page);
    expect(pdf.name).toMatch(/^ordre-du-jour-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The list: the meeting to come, its agenda published, meeting mode offered.
    await page.setViewportSize({ width: 768, height: 900 });
    await openMeetings(page);
    const row = page.getByRole('region', { name: 'À venir' }).locator('tbody tr').filter({ hasText: day });
    expect(await row.textContent()).toContain('Ordre du jour publié');
    expect(await row.textContent()).toContain('Publié le');
    await row.getByRole('link', { name: `Mener la séance du ${day}` }).waitFor();
    expect(await row.getByRole('link', { name: `Mener la séance du ${day}` }).getAttribute('href')).toBe(
      `/seances/${meeting.id}/en-seance`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'seances');
  }, 50_000);

  it('shows a landlord invited to one item that item in detail, the others by their code only', async () => {
    const [first, second, third] = scenario.consented;
    const page = await suite.newPage({ width: 768 });
    suite.api.clock.advance(30_000);
    await page.goto('/');
    await openSignedIn(page, suite.api, scenario.landlord);
    await openMeetings(page);
    await openAgendaOf(page, day);

    const invited = agendaItem(page, first.caseCode);
    expect(await invited.textContent()).toContain(first.initials);
    expect(await invited.textContent()).not.toContain('n’est pas invitée');
    for (const other of [second, third]) {
      expect(await agendaItem(page, other.caseCode).textContent()).toContain(
        'Votre organisation n’est pas invitée à ce point.',
      );
      expect(await page.content()).not.toContain(other.initials);
    }
    expect(await page.getByRole('button', { name: /^Monter/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'ordre-du-jour-invite');
  }, 30_000);

  it('names the partners of a guest’s item though the territory counts more than a page of partners', async () => {
    const { api } = suite;
    // A territory of its own, its agenda written straight in the database: what is tested is the
    // guest's reading, whatever the coordinator's page offers to choose from.
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const landlord = await api.factory.organisation(
      territory,
      OrganisationKind.HOUSING,
      'Habitat Nord Essai',
    );
    const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Nord Essai');
    await crowdDirectory(api, territory);
    const guest = await api.factory.user({
      territory,
      organisation: landlord,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.CELL_MEMBER],
      cell,
    });
    const now = api.clock.now();
    const meeting = await api.dataSource.getRepository(Meeting).save({
      territoryId: territory.id,
      cellId: cell.id,
      startsAt: new Date(now.getTime() + IN_DAYS * 86_400_000),
      durationMinutes: 60,
      place: 'Mairie',
      videoLink: null,
      status: MeetingStatus.AGENDA_PUBLISHED,
      seriesId: null,
      agendaPublishedAt: now,
      cancelledAt: null,
    });
    await seedAgendaItem(api.dataSource, {
      territoryId: territory.id,
      meetingId: meeting.id,
      position: 1,
      guestOrganisationId: landlord.id,
    });
    await api.dataSource
      .getRepository(AgendaItem)
      .update({ meetingId: meeting.id }, { presenterOrganisationId: ccas.id });

    const page = await suite.newPage({ width: 1280 });
    api.clock.advance(30_000);
    await page.goto('/');
    await openSignedIn(page, api, guest);
    await openMeetings(page);
    await openAgendaOf(page, writtenDay(api, IN_DAYS));
    const item = page.locator('ol.agenda-items > li');
    expect(await item.textContent()).toContain(`Présenté par${ccas.name}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'ordre-du-jour-invite-annuaire-plein');
  });
});
