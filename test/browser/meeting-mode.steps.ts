/**
 * Meeting mode in the browser, with the keyboard alone: the meeting's territory and agenda set up
 * through the api, and the coordinator's moves on the projected page. A coordinator's journey
 * chains these steps.
 */
import { Role } from '@relais/access';
import { Cell, Organisation, OrganisationKind, Profession, Territory, User } from '@relais/identity';
import { logInClient } from '@relais/testing';
import type { Locator, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { tabTo } from '../support/browser';
import { plainly, typeAndChoose } from './directory-search.steps';
import { ADD_ITEM, AGENDA, PUBLISH_AGENDA } from '../support/meeting-documents';
import {
  Member,
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submitAndAccept,
} from '../support/referral-journey';

const DAY = 24 * 60 * 60 * 1000;

export interface Account {
  email: string;
  password: string;
}

export interface ProjectedItem {
  id: string;
  caseCode: string;
  /** The person's names: never on the page outside a reveal. */
  firstName: string;
  lastName: string;
}

/**
 * A CLSM whose cell meets: the coordinator (signs in in the browser), a CCAS social worker and a
 * CMP nurse sitting in the cell. Two situations on a published agenda: the first person's consent
 * names only the CCAS (a reveal is refused while the nurse is there), the second's names both.
 */
export interface MeetingModeScenario {
  territory: Territory;
  cell: Cell;
  ccas: Organisation;
  cmp: Organisation;
  coordinator: Member & Account & { name: string };
  socialWorker: Member & { name: string };
  nurse: Member & { name: string };
  /** A partner invited to the second item, and one of its professionals (not of the cell). */
  savs: Organisation;
  guest: Member & { name: string };
  meetingId: string;
  refused: ProjectedItem;
  allowed: ProjectedItem;
}

/** Gives a member the name the test reads on the page. */
export async function named(
  api: RunningApi,
  member: { id: string },
  firstName: string,
  lastName: string,
): Promise<string> {
  await api.dataSource.getRepository(User).update({ id: member.id }, { firstName, lastName });
  return `${firstName} ${lastName}`;
}

export async function seedMeetingModeScenario(
  api: RunningApi,
  suffix = 'Séance',
): Promise<MeetingModeScenario> {
  const territory = await api.factory.territory({ name: `CLSM ${suffix}` });
  const cell = await api.factory.cell(territory);
  const clsm = await api.factory.organisation(
    territory,
    OrganisationKind.MUNICIPAL,
    `Coordination ${suffix}`,
  );
  const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, `CCAS ${suffix}`);
  const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, `CMP ${suffix}`);
  const coordinatorUser = await api.factory.user({
    territory,
    organisation: clsm,
    profession: Profession.CLSM_COORDINATOR,
    roles: [Role.COORDINATOR],
    cell,
  });
  const { client } = await logInClient(api.anonymous, coordinatorUser.email, coordinatorUser.password);
  const coordinator = {
    client,
    id: coordinatorUser.id,
    email: coordinatorUser.email,
    password: coordinatorUser.password,
    name: await named(api, coordinatorUser, 'Claire', 'Coordonne'),
  };
  const socialWorkerMember = await memberOf(
    api,
    territory,
    ccas,
    Profession.SOCIAL_WORKER,
    [Role.CELL_MEMBER, Role.REFERRER],
    cell,
  );
  const socialWorker = {
    ...socialWorkerMember,
    name: await named(api, socialWorkerMember, 'Anne', 'Accueil'),
  };
  const nurseMember = await memberOf(
    api,
    territory,
    cmp,
    Profession.PSYCHIATRIC_NURSE,
    [Role.CELL_MEMBER],
    cell,
  );
  const nurse = { ...nurseMember, name: await named(api, nurseMember, 'Nina', 'Soignante') };
  // A partner invited to an item: its professionals are expected in the room with the cell.
  const savs = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION, `SAVS ${suffix}`);
  const guestMember = await memberOf(api, territory, savs, Profession.SPECIALISED_EDUCATOR, [Role.REFERRER]);
  const guest = { ...guestMember, name: await named(api, guestMember, 'Gaël', 'Invité') };

  const situationOf = async (firstName: string, lastName: string, organisationIds: string[]) => {
    const referral = await referPerson(socialWorker.client, {
      territoryId: territory.id,
      person: { firstName, lastName, birthDate: '1979-04-12', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: [],
        questionToCell: 'Comment renouer le contact ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await recordConsent(socialWorker.client, api, referral.id, { organisationIds });
    const situationId = await submitAndAccept(socialWorker.client, coordinator.client, referral.id);
    return { situationId, caseCode: referral.person.caseCode, firstName, lastName };
  };
  const [refusedSituation, allowedSituation] = await Promise.all([
    situationOf('Paul', 'Ravenel', [ccas.id]),
    situationOf('Lucie', 'Quintard', [ccas.id, cmp.id, savs.id]),
  ]);

  const meetingId = await planMeeting(
    coordinator.client,
    cell.id,
    new Date(api.clock.now().getTime() + 2 * DAY),
  );
  for (const [{ situationId }, guestOrganisationIds] of [
    [refusedSituation, []],
    [allowedSituation, [savs.id]],
  ] as const) {
    await coordinator.client.expectData(ADD_ITEM, {
      input: { meetingId, situationId, guestOrganisationIds },
    });
  }
  await coordinator.client.expectData(PUBLISH_AGENDA, { m: meetingId });
  const { meetingAgenda } = await coordinator.client.expectData<{
    meetingAgenda: { items: { id: string; caseCode: string }[] };
  }>(AGENDA, { m: meetingId });
  const itemOf = ({ caseCode, firstName, lastName }: typeof refusedSituation): ProjectedItem => ({
    id: meetingAgenda.items.find((item) => item.caseCode === caseCode)!.id,
    caseCode,
    firstName,
    lastName,
  });
  return {
    territory,
    cell,
    ccas,
    cmp,
    coordinator,
    socialWorker,
    nurse,
    savs,
    guest,
    meetingId,
    refused: itemOf(refusedSituation),
    allowed: itemOf(allowedSituation),
  };
}

/** The day as people type it (JJ/MM/AAAA), `days` after the api's today. */
export function typedDay(api: RunningApi, days: number): string {
  const day = new Date(api.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** The meeting's address typed in the browser: meeting mode opens at the attendance. */
export async function openMeetingMode(page: Page, meetingId: string): Promise<void> {
  await page.goto(`/seances/${meetingId}/en-seance`);
  await page.getByRole('heading', { level: 2, name: 'Présences' }).waitFor();
}

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === element.ownerDocument.activeElement);

/** Checks each person named (Espace on their box), then « Enregistrer les présences ». */
export async function recordAttendanceByKeyboard(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    if (!(await box.isChecked())) throw new Error(`${name} n'est pas coché·e.`);
  }
  await tabTo(page, page.getByRole('button', { name: /^Enregistrer (à nouveau )?les présences$/ }));
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Présences enregistrées' }).waitFor();
}

/** Page suivante outside any field: the next item (its case code as heading), or the meeting's end. */
export async function nextStepByKeyboard(page: Page, expectedHeading: string | RegExp): Promise<void> {
  await page.keyboard.press('PageDown');
  const heading = page.getByRole('heading', { level: 2, name: expectedHeading });
  await heading.waitFor();
  if (!(await isFocused(heading))) throw new Error('Le titre du nouveau point n’a pas le focus.');
}

/** « Qui est dans la salle ? » opened, then each named person toggled with Espace: two moves. */
export async function toggleInRoomByKeyboard(page: Page, names: readonly string[]): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Qui est dans la salle ?' });
  await tabTo(page, toggle);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
  for (const name of names) {
    await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`^${name}`) }));
    await page.keyboard.press('Space');
  }
}

/** Opens the reveal's confirmation; resolves with the dialog (to read who it says is in the room). */
export async function openRevealByKeyboard(page: Page): Promise<Locator> {
  await tabTo(page, page.getByRole('button', { name: /^Dévoiler l’identité de la personne du point/ }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Dévoiler l’identité à la salle ?' });
  await dialog.waitFor();
  return dialog;
}

/** Confirms the open reveal with the keyboard; the page then shows the identity or the refusal. */
export async function confirmRevealByKeyboard(page: Page, dialog: Locator): Promise<void> {
  await tabTo(page, dialog.getByRole('button', { name: 'Dévoiler l’identité' }));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

export interface TypedAction {
  description: string;
  /** The partner's name: part of it typed (without capitals or accents) to find and choose it. */
  organisation: string;
  person?: string;
  /** JJ/MM/AAAA. */
  dueOn: string;
}

/**
 * Types the item's first decision and its action lines: the decision, Entrée to its first action,
 * then for each line what, partner, person, due day, and Entrée for the next line.
 */
export async function typeDecisionByKeyboard(
  page: Page,
  decision: string,
  actions: readonly TypedAction[],
): Promise<void> {
  await tabTo(page, page.getByRole('textbox', { name: /^Ce que la cellule décide/ }), 40);
  await page.keyboard.type(decision);
  await page.keyboard.press('Enter');
  for (const [index, action] of actions.entries()) {
    const description = page.getByRole('textbox', {
      name: new RegExp(`^Action ${index + 1} : ce qu’il faut faire`),
    });
    if (!(await isFocused(description))) throw new Error(`La ligne d'action ${index + 1} n'a pas le focus.`);
    await page.keyboard.type(action.description);
    await page.keyboard.press('Tab');
    await typeAndChoose(page, plainly(action.organisation), action.organisation);
    await page.keyboard.press('Tab');
    if (action.person) await typeAndChoose(page, plainly(action.person.split(' ')[0]!), action.person);
    await page.keyboard.press('Tab');
    await page.keyboard.type(action.dueOn);
    await page.keyboard.press('Enter');
  }
}

/** Types the next review day (JJ/MM/AAAA). */
export async function typeNextReviewByKeyboard(page: Page, day: string): Promise<void> {
  await tabTo(page, page.getByRole('textbox', { name: /^Prochain réexamen/ }), 40);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(day);
}

/** « Enregistrer le point »: resolves once the api answered (saved, or refused on a field). */
export async function saveItemByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: /^Enregistrer le point/ }), 40);
  await page.keyboard.press('Enter');
  await page
    .getByRole('heading', { name: 'Point enregistré' })
    .or(page.locator('.meeting-record .field-error, .meeting-record .notice-error'))
    .first()
    .waitFor();
}

/** At the end: « Terminer la séance »; resolves once it is held, with the link to the minutes. */
export async function endMeetingByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Terminer la séance' }));
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Rédiger le compte rendu' }).waitFor();
}

/** Everything the page shows or holds as text, dialogs included. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.textContent ?? '');
}

/**
 * Whether the page's JavaScript heap still holds `text` after a garbage collection: what is gone
 * from the screen must be gone from memory too (no cache keeps a revealed identity).
 */
export async function heapHolds(page: Page, text: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    let snapshot = '';
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => {
      snapshot += event.chunk;
    });
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return snapshot.includes(text);
  } finally {
    await cdp.detach();
  }
}
