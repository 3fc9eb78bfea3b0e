/**
 * The housing officer's whole journey, from the referral written in the browser to the action the
 * cell entrusted to its organisation: the territory it happens in, what the coordinator and a nurse
 * do through the api meanwhile, and the officer's moves, with the mouse or with the keyboard alone.
 */
import { Role } from '@relais/access';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import type { Locator, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { tabTo } from '../support/browser';
import {
  ADD_ITEM,
  ADD_NOTE,
  AGENDA,
  MARK_HELD,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
} from '../support/meeting-documents';
import { START_PRE_REVIEW } from '../support/referral-documents';
import { acceptReferral, Member, memberOf, planMeeting } from '../support/referral-journey';
import {
  answerAdmissibility,
  answerAdmissibilityByKeyboard,
  ConsentChoices,
  fillConsent,
  fillPerson,
  fillReferralForm,
  giveConsentByKeyboard,
  next,
  onStep,
  press,
  stepHeading,
  typePerson,
  typeReferralForm,
} from './new-referral.steps';

const DAY = 24 * 60 * 60 * 1000;

/** Written by the nurse in the meeting, for health professionals only: never on the officer's pages. */
export const HEALTH_NOTE = 'Suivi au CMP interrompu, traitement à réévaluer avec son psychiatre';
export const DECISION = 'Le bailleur propose un plan d’apurement adapté à ses ressources';
export const ACTION = 'Proposer un plan d’apurement et le présenter à la personne';
export const OUTCOME = 'Plan d’apurement signé sur 24 mois, premier versement reçu.';

export interface Account {
  email: string;
  password: string;
}

/** A CLSM with its cell: the coordinator, a nurse of the CMP who sits in it, a CCAS. */
export interface JourneyTerritory {
  territory: Territory;
  cell: Cell;
  cmp: Organisation;
  coordinator: Member;
  nurse: Member;
}

export async function seedJourneyTerritory(api: RunningApi): Promise<JourneyTerritory> {
  const territory = await api.factory.territory({ name: 'CLSM du Parcours' });
  const cell = await api.factory.cell(territory);
  const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP du Parcours');
  await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS du Parcours');
  const clsm = await api.factory.organisation(
    territory,
    OrganisationKind.MUNICIPAL,
    'Coordination du Parcours',
  );
  const coordinator = await memberOf(
    api,
    territory,
    clsm,
    Profession.CLSM_COORDINATOR,
    [Role.COORDINATOR],
    cell,
  );
  const nurse = await memberOf(api, territory, cmp, Profession.PSYCHIATRIC_NURSE, [Role.CELL_MEMBER], cell);
  return { territory, cell, cmp, coordinator, nurse };
}

/** A landlord of the territory and one of its housing officers, who refers. */
export async function newLandlord(
  api: RunningApi,
  at: JourneyTerritory,
  name: string,
): Promise<{ organisation: Organisation; officer: Account }> {
  const organisation = await api.factory.organisation(at.territory, OrganisationKind.HOUSING, name);
  const officer = await api.factory.user({
    territory: at.territory,
    organisation,
    profession: Profession.HOUSING_OFFICER,
    roles: [Role.REFERRER],
  });
  return { organisation, officer };
}

/**
 * What the person agrees to: the cell, the CMP (its nurse will write about her health) and the
 * landlord itself, with her housing and health among what is shared.
 */
export function consentFor(at: JourneyTerritory, landlord: Organisation): ConsentChoices {
  return {
    partners: [at.cmp.name, landlord.name],
    categories: [/^Les informations pratiques/, /^Son logement/, /^Sa santé/],
    wishesToAttend: 'Non',
  };
}

export interface Scheduled {
  situationId: string;
  meetingId: string;
  itemId: string;
  startsAt: string;
}

/**
 * The coordinator opens the pre-review, accepts the referral, plans the cell's next meeting in two
 * days (a meeting is never planned in the past), puts the situation on its agenda with the landlord
 * invited, and publishes the agenda.
 */
export async function acceptAndSchedule(
  api: RunningApi,
  at: JourneyTerritory,
  referralId: string,
  landlord: Organisation,
): Promise<Scheduled> {
  const coordinator = at.coordinator.client;
  await coordinator.expectData(START_PRE_REVIEW, { id: referralId });
  const situationId = await acceptReferral(coordinator, referralId);
  const meetingId = await planMeeting(coordinator, at.cell.id, new Date(api.clock.now().getTime() + 2 * DAY));
  const { addAgendaItem } = await coordinator.expectData<{
    addAgendaItem: { items: { id: string; situationId: string }[] };
  }>(ADD_ITEM, { input: { meetingId, situationId, guestOrganisationIds: [landlord.id] } });
  const itemId = addAgendaItem.items.find((item) => item.situationId === situationId)!.id;
  await coordinator.expectData(PUBLISH_AGENDA, { m: meetingId });
  const { meetingAgenda } = await coordinator.expectData<{
    meetingAgenda: { meeting: { startsAt: string } };
  }>(AGENDA, { m: meetingId });
  return { situationId, meetingId, itemId, startsAt: meetingAgenda.meeting.startsAt };
}

/**
 * The meeting is held: the coordinator and the nurse are there, the situation is examined with a
 * decision entrusting the landlord with an action due in a month, the nurse writes a health note
 * on it, and the coordinator marks the meeting held and publishes its minutes. The api's clock
 * does not move: the officer's session in the browser stays alive.
 */
export async function holdMeeting(
  api: RunningApi,
  at: JourneyTerritory,
  scheduled: Scheduled,
  landlord: Organisation,
): Promise<void> {
  const coordinator = at.coordinator.client;
  const present = [at.coordinator.id, at.nurse.id];
  await coordinator.expectData(RECORD_ATTENDANCE, {
    input: {
      meetingId: scheduled.meetingId,
      entries: present.map((userId) => ({ userId, status: 'PRESENT' })),
    },
  });
  const dueOn = new Date(api.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
  await coordinator.expectData(RECORD_ITEM, {
    input: {
      itemId: scheduled.itemId,
      presentUserIds: present,
      personAttended: false,
      summary: 'Dette en hausse, contact rompu avec le bailleur.',
      decisions: [
        {
          text: DECISION,
          actions: [{ description: ACTION, ownerOrganisationId: landlord.id, dueOn }],
        },
      ],
    },
  });
  await at.nurse.client.expectData(ADD_NOTE, {
    input: { itemId: scheduled.itemId, category: 'HEALTH_SECRET', text: HEALTH_NOTE },
  });
  await coordinator.expectData(MARK_HELD, { m: scheduled.meetingId });
  await coordinator.expectData(PUBLISH_MINUTES, { m: scheduled.meetingId });
}

/** The day as the page writes it at Paris time: « mardi 22 décembre 2026 », « 1er » for the first. */
export function parisDay(moment: string): string {
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(moment));
  return day.replace(/^(\S+) 1 /, '$1 1er ');
}

/** How the officer moves through the pages: the mouse, or the keyboard alone. */
export interface Hands {
  readonly keyboardOnly: boolean;
  /**
   * Follows a link or presses a button. By keyboard: Tab to it (Shift+Tab when it comes before
   * the focus, as the navigation does for the page's content), then Enter.
   */
  activate(page: Page, target: Locator, options?: { backward?: boolean }): Promise<void>;
  /** Writes the referral through the five steps and sends it; ends on « Saisine transmise ». */
  writeReferral(page: Page, lastName: string, consent: ConsentChoices): Promise<void>;
  /** In the open « Mettre à jour l’action » dialog: chooses the status, writes the outcome, saves. */
  updateAction(dialog: Locator, status: string, outcome: string): Promise<void>;
}

/** Stops between two controls at most: Mes saisines and the consent step have many. */
const MAX_PRESSES = 80;

async function reachBackward(page: Page, target: Locator): Promise<void> {
  const focused = () => target.evaluate((element) => element === element.ownerDocument.activeElement);
  for (let presses = 0; presses <= MAX_PRESSES; presses += 1) {
    if (await focused()) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Après ${MAX_PRESSES} appuis sur Maj+Tab, le focus n'a pas atteint ${target.toString()}.`);
}

export const MOUSE: Hands = {
  keyboardOnly: false,
  activate: (_page, target) => target.click(),
  async writeReferral(page, lastName, consent) {
    await stepHeading(page, 1, 'La personne').waitFor();
    await fillPerson(page, { lastName });
    await next(page).click();
    await stepHeading(page, 2, 'La fiche de saisine').waitFor();
    await fillReferralForm(page);
    await next(page).click();
    await stepHeading(page, 3, 'Recevabilité').waitFor();
    await answerAdmissibility(page);
    await next(page).click();
    await stepHeading(page, 4, 'Le consentement').waitFor();
    await fillConsent(page, consent);
    await page.getByRole('button', { name: 'Enregistrer sa réponse' }).click();
    await page.getByText(/^Accord enregistré : recueilli le /).waitFor();
    await next(page).click();
    await stepHeading(page, 5, 'Vérifier et transmettre').waitFor();
    await page.getByRole('button', { name: 'Transmettre à la cellule' }).click();
  },
  async updateAction(dialog, status, outcome) {
    // A person clicks the choice's words (react-aria hides the native radio under them).
    await dialog
      .locator('label')
      .filter({ hasText: new RegExp(`^${status}`) })
      .click();
    await dialog.getByLabel(/^Résultat/).fill(outcome);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  },
};

export const KEYBOARD: Hands = {
  keyboardOnly: true,
  async activate(page, target, options = {}) {
    if (options.backward) await reachBackward(page, target);
    else await tabTo(page, target, MAX_PRESSES);
    await page.keyboard.press('Enter');
  },
  async writeReferral(page, lastName, consent) {
    await stepHeading(page, 1, 'La personne').waitFor();
    await typePerson(page, { lastName });
    await onStep(page, 2, 'La fiche de saisine');
    await typeReferralForm(page);
    await press(page, 'Suivant');
    await onStep(page, 3, 'Recevabilité');
    await answerAdmissibilityByKeyboard(page);
    await press(page, 'Suivant');
    await onStep(page, 4, 'Le consentement');
    await giveConsentByKeyboard(page, consent);
    await press(page, 'Suivant');
    await onStep(page, 5, 'Vérifier et transmettre');
    await press(page, 'Transmettre à la cellule');
  },
  async updateAction(dialog, status, outcome) {
    const page = dialog.page();
    // Tab enters the status group at the action's current status; the arrows move the choice.
    await tabTo(page, dialog.getByRole('radio', { checked: true }));
    const chosen = dialog.getByRole('radio', { name: new RegExp(`^${status}`) });
    for (let presses = 0; presses < 5 && !(await chosen.isChecked()); presses += 1) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await chosen.isChecked()).toBe(true);
    await tabTo(page, dialog.getByLabel(/^Résultat/));
    await page.keyboard.type(outcome);
    await tabTo(page, dialog.getByRole('button', { name: 'Enregistrer' }));
    await page.keyboard.press('Enter');
  },
};
