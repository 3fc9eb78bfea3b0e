/**
 * Preparing a cell meeting in the browser: the territory it happens in (situations Relais will
 * propose, one whose person never consented), and the coordinator's moves — planning a meeting,
 * inscribing proposals, ordering with the keyboard, timing, guests and presenter, publishing, the
 * PDF — and a guest partner's reading of the published agenda.
 */
import { DataCategory, Role } from '@relais/access';
import { Consent, ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '@relais/consent';
import { OrganisationKind, Profession } from '@relais/identity';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import type { Locator, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { crowdDirectory } from '../support/crowded-directory';
import { chooseInSearch } from './directory-search.steps';

const DAY = 24 * 60 * 60 * 1000;

export interface Account {
  email: string;
  password: string;
}

export interface SuggestedSituation {
  caseCode: string;
  /** The start of its pseudonym (initials), shown to the coordinator and the item's guests only. */
  initials: string;
}

export interface PreparationScenario {
  territoryId: string;
  coordinator: Account;
  /** A housing officer sitting in the cell, to be invited to one item. */
  landlord: Account;
  landlordOrganisation: string;
  /** The partner that presents a situation, and one of its people. */
  presenterOrganisation: string;
  presenterName: string;
  /** Accepted situations whose person consented to the cell's examination: proposed, and accepted. */
  consented: SuggestedSituation[];
  /** Accepted, proposed, but its person never consented: the api refuses to inscribe it. */
  unconsented: SuggestedSituation;
}

/**
 * A person and her accepted situation, written straight through the owner's connection (the
 * referral journey is not what is tested here); with a consent to the cell's examination or none.
 */
async function seedAcceptedSituation(
  api: RunningApi,
  at: { territoryId: string; organisationId: string; userId: string; initials: string; consented: boolean },
): Promise<SuggestedSituation> {
  const owner = api.dataSource;
  const person = await owner.getRepository(Person).save({
    territoryId: at.territoryId,
    caseCode: newCaseCode(),
    initials: at.initials,
    ageBand: AgeBand.AGE_40_49,
    district: 'Nord',
  });
  if (at.consented) {
    await owner.getRepository(Consent).save({
      territoryId: at.territoryId,
      personId: person.id,
      referralId: null,
      status: ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: at.userId,
      collectedByOrganisationId: at.organisationId,
      collectedOn: new Date(api.clock.now().getTime() - 20 * DAY).toISOString().slice(0, 10),
      recordedAt: api.clock.now(),
      informationGiven: Object.values(InformationItem),
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [at.organisationId],
      organisationKinds: [],
      includesCell: true,
      dataCategories: [DataCategory.LOGISTIC, DataCategory.HOUSING],
      expiresOn: '2099-01-01',
      supersededAt: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
    });
  }
  await owner.getRepository(Situation).save({
    territoryId: at.territoryId,
    personId: person.id,
    status: SituationStatus.ACCEPTED,
    openedAt: new Date(api.clock.now().getTime() - 10 * DAY),
    closedAt: null,
    closureReason: null,
    nextReviewOn: null,
  });
  return { caseCode: person.caseCode, initials: at.initials };
}

/** The territory of the test: its own, so that no other file's rows count. */
export async function seedPreparationScenario(api: RunningApi): Promise<PreparationScenario> {
  const { factory } = api;
  const territory = await factory.territory();
  const cell = await factory.cell(territory);
  const town = await factory.organisation(territory, OrganisationKind.MUNICIPAL, `Mairie ${territory.name}`);
  const landlord = await factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Sud Essai');
  const ccas = await factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Essai');
  // More partners than the directory's first page, sorted before them: the guest and the presenter
  // are found by typing their names, past the first hundred.
  await crowdDirectory(api, territory);
  const coordinator = await factory.user({
    territory,
    organisation: town,
    profession: Profession.CLSM_COORDINATOR,
    roles: [Role.COORDINATOR],
    cell,
  });
  const officer = await factory.user({
    territory,
    organisation: landlord,
    profession: Profession.HOUSING_OFFICER,
    roles: [Role.CELL_MEMBER, Role.REFERRER],
    cell,
  });
  const socialWorker = await factory.user({
    territory,
    organisation: ccas,
    profession: Profession.SOCIAL_WORKER,
    roles: [Role.CELL_MEMBER],
    cell,
  });
  const seed = (initials: string, consented: boolean) =>
    seedAcceptedSituation(api, {
      territoryId: territory.id,
      organisationId: ccas.id,
      userId: socialWorker.id,
      initials,
      consented,
    });
  const consented = [await seed('A. R.', true), await seed('B. S.', true), await seed('C. T.', true)];
  return {
    territoryId: territory.id,
    coordinator,
    landlord: officer,
    landlordOrganisation: landlord.name,
    presenterOrganisation: ccas.name,
    presenterName: `${socialWorker.firstName} ${socialWorker.lastName}`,
    consented,
    unconsented: await seed('D. U.', false),
  };
}

/** JJ/MM/AAAA of the day `days` after the api's today, as a coordinator types it. */
export function typedDay(api: RunningApi, days: number): string {
  const day = new Date(api.clock.now().getTime() + days * DAY);
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(day);
  return parts;
}

/** « Séances » through the header's navigation. */
export async function openMeetings(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Séances', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Séances' }).waitFor();
}

export interface MeetingForm {
  day: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  videoLink?: string;
}

/** Fills « Prévoir une séance » (one meeting) and sends it; the page's answer is left to the caller. */
export async function fillPlanMeeting(page: Page, form: MeetingForm): Promise<void> {
  await page.getByLabel('Jour de la séance').fill(form.day);
  if (form.time) await page.getByLabel('Heure de début').fill(form.time);
  if (form.durationMinutes) await page.getByLabel('Durée, en minutes').fill(String(form.durationMinutes));
  if (form.place) await page.getByLabel(/^Lieu/).fill(form.place);
  if (form.videoLink) await page.getByLabel(/^Lien de visioconférence/).fill(form.videoLink);
  await page.getByRole('button', { name: 'Prévoir la séance' }).click();
}

/** From « Séances »: plans one meeting and opens its agenda. */
export async function planMeetingThroughPage(page: Page, form: MeetingForm): Promise<void> {
  await page.getByRole('link', { name: 'Prévoir une séance' }).click();
  await page.getByRole('heading', { level: 1, name: 'Prévoir une séance' }).waitFor();
  await fillPlanMeeting(page, form);
  await openPlannedAgenda(page);
}

/** After planning: follows the confirmation's link to the new meeting's agenda. */
export async function openPlannedAgenda(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Préparer l’ordre du jour du/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Ordre du jour de la séance du/ }).waitFor();
}

/** The proposal of Relais for a case code, in « Propositions de Relais ». */
export function suggestion(page: Page, caseCode: string): Locator {
  return page
    .getByRole('region', { name: 'Propositions de Relais' })
    .getByRole('listitem')
    .filter({ hasText: caseCode });
}

/** Inscribes a proposal and waits for the item on the agenda. */
export async function addSuggestion(page: Page, caseCode: string): Promise<void> {
  // The page reads the agenda and the proposals again after each inscription: on a loaded machine a
  // click meeting that re-reading could be lost, so the page is let settle first.
  await page.waitForLoadState('networkidle');
  await suggestion(page, caseCode)
    .getByRole('button', { name: `Inscrire la situation ${caseCode} à l’ordre du jour` })
    .click();
  // The api may refuse (its reason shows beside the proposal): say so rather than wait in vain.
  const refusal = suggestion(page, caseCode).locator('.notice-error');
  await agendaItem(page, caseCode).or(refusal).first().waitFor();
  if (await refusal.count()) throw new Error(`Inscription refusée : ${await refusal.textContent()}`);
}

/** An item of the agenda, by its case code. */
export function agendaItem(page: Page, caseCode: string): Locator {
  return page.locator('ol.agenda-items > li').filter({ hasText: caseCode });
}

/** The case codes of the agenda, in their order. */
export async function agendaOrder(page: Page, caseCodes: readonly string[]): Promise<string[]> {
  const texts = await page.locator('ol.agenda-items > li').allTextContents();
  return texts.map((text) => caseCodes.find((code) => text.includes(code)) ?? '?');
}

/**
 * Moves an item with the keyboard: the focus on its « Monter » or « Descendre », Enter `times`
 * times, each time waiting for the move to be announced (the focus stays on the moved item's
 * button, or goes to its other one at an end).
 */
export async function moveItemByKeyboard(
  page: Page,
  caseCode: string,
  direction: 'up' | 'down',
  times = 1,
): Promise<void> {
  const name = `${direction === 'up' ? 'Monter' : 'Descendre'} le point ${caseCode}`;
  await page.getByRole('button', { name }).focus();
  for (let press = 0; press < times; press += 1) {
    const texts = await page.locator('ol.agenda-items > li').allTextContents();
    const position = texts.findIndex((text) => text.includes(caseCode)) + 1;
    const expected = direction === 'up' ? position - 1 : position + 1;
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Point ${caseCode} déplacé en position ${expected} sur` })
      .waitFor();
    // The focus is back on one of the moved item's buttons before the next key press.
    await page.locator('button:focus', { hasText: caseCode }).waitFor();
  }
}

export interface ItemSettings {
  minutes?: number;
  /** Partner names to invite, found by name (the others stay as they are). */
  guests?: string[];
  presenterOrganisation?: string;
  presenterName?: string;
}

/**
 * Opens an item's settings, sets them and saves; waits for the form to close. `beforeSaving` runs
 * with the form filled and open (an axe check, a screenshot).
 */
export async function setItemSettings(
  page: Page,
  caseCode: string,
  settings: ItemSettings,
  beforeSaving?: () => Promise<void>,
): Promise<void> {
  const item = agendaItem(page, caseCode);
  await item.getByRole('button', { name: `Régler le point ${caseCode}` }).click();
  const form = item.getByRole('form', { name: `Réglages du point ${caseCode}` });
  await form.waitFor();
  if (settings.minutes !== undefined)
    await form.getByLabel('Temps prévu, en minutes').fill(String(settings.minutes));
  for (const guest of settings.guests ?? []) {
    await chooseInSearch(page, form.getByRole('combobox', { name: /^Inviter un partenaire/ }), guest, guest);
    await form.getByRole('checkbox', { name: guest, checked: true }).waitFor();
  }
  if (settings.presenterOrganisation) {
    const partner = form.getByRole('combobox', { name: /^Partenaire qui présente/ });
    await chooseInSearch(page, partner, settings.presenterOrganisation, settings.presenterOrganisation);
  }
  if (settings.presenterName) {
    const person = form.getByRole('combobox', { name: /^Personne qui présente/ });
    await chooseInSearch(page, person, settings.presenterName.split(' ')[0]!, settings.presenterName);
  }
  await beforeSaving?.();
  await form.getByRole('button', { name: 'Enregistrer le point' }).click();
  await form.waitFor({ state: 'detached' });
  // The partners just chosen are named by the api once the item is saved.
  await item.filter({ hasNotText: 'chargement…' }).waitFor();
}

/** « Publier l’ordre du jour », confirmed in its dialog; waits for the page to say it is published. */
export async function publishAgendaThroughPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publier l’ordre du jour' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier l’ordre du jour ?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('L’ordre du jour est publié').waitFor();
}

/** Follows « Télécharger l’ordre du jour (PDF) » and returns the file the browser saved. */
export async function downloadAgendaPdf(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger l’ordre du jour (PDF)' }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** From « Séances »: the agenda of the meeting of `day` (« mardi 22 décembre 2026 »). */
export async function openAgendaOf(page: Page, day: string): Promise<void> {
  await page
    .getByRole('link', {
      name: new RegExp(`^(Préparer l’ordre du jour|Ordre du jour) de la séance du ${day}$`),
    })
    .click();
  await page.getByRole('heading', { level: 1, name: `Ordre du jour de la séance du ${day}` }).waitFor();
}

/** « mardi 22 décembre 2026 » for the day `days` after the api's today, as the pages write it. */
export function writtenDay(api: RunningApi, days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
      .formatToParts(new Date(api.clock.now().getTime() + days * DAY))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day === '1' ? '1er' : parts.day} ${parts.month} ${parts.year}`;
}
