/**
 * What a housing officer's follow-up pages are tested on, built through the api as the people would
 * build it: the officer refers four people (one accepted and examined in a meeting that entrusted
 * two actions to the landlord and where a nurse wrote a health note, one redirected, one the cell
 * asked consent for, one left as a draft), and the accepted one is on the next meeting's agenda.
 * The same meeting examined a situation the CCAS referred and entrusted the landlord with an
 * action there too.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { SituationAction } from '@relais/situations';
import { logInClient } from '@relais/testing';
import { crowdDirectory } from '../support/crowded-directory';
import type { RunningApi } from '../support/api-harness';
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
import { REDIRECT_REFERRAL, REQUEST_CONSENT } from '../support/referral-documents';
import {
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submit,
  submitAndAccept,
} from '../support/referral-journey';

const DAY = 24 * 60 * 60 * 1000;

/** Written by the nurse, for health professionals only: it must never reach the landlord's pages. */
export const HEALTH_NOTE = 'Traitement retard interrompu depuis la fin de l’été, à reprendre au CMP';
export const REDIRECT_MESSAGE = 'La procédure d’expulsion relève de la CCAPEX, saisie par vos soins.';
export const CONSENT_REASON = 'Recueillir l’accord écrit de la personne avant l’examen';
export const ACTIONS = {
  /** Due in a month: « À faire ». */
  plan: 'Proposer un plan d’apurement de la dette',
  /** Made late by the scenario: « En retard ». */
  visit: 'Rencontrer la personne avec le CCAS',
  /** On the situation the CCAS referred, due in forty days: « À faire ». */
  schedule: 'Proposer un échéancier de la dette locative',
} as const;

export interface ReferralRef {
  id: string;
  caseCode: string;
}

interface Account {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export interface ReferrerScenario {
  /** The author of every referral. */
  officer: Account;
  /** A colleague in the same organisation: follows the referrals, does not read their content. */
  colleague: Account;
  organisationName: string;
  accepted: ReferralRef;
  redirected: ReferralRef;
  needsConsent: ReferralRef;
  draft: ReferralRef;
  /** The meeting whose published agenda lists the accepted referral's situation. */
  nextMeetingAt: string;
  /** The case code of the person the CCAS referred. */
  otherPartnersCaseCode: string;
  actionIds: Record<keyof typeof ACTIONS, string>;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function form(extra: Record<string, unknown> = {}) {
  return {
    difficultyAreas: ['HOUSING_DEBT', 'ISOLATION'],
    servicesInvolved: ['Service social départemental'],
    questionToCell: 'Comment renouer le contact avant la procédure ?',
    urgency: 'MEDIUM',
    requests: ['CELL_EXAMINATION'],
    housingContext: 'Loyers impayés depuis quatre mois.',
    ...extra,
  };
}

export async function seedReferrerScenario(api: RunningApi): Promise<ReferrerScenario> {
  const territory = await api.factory.territory();
  const cell = await api.factory.cell(territory);
  const organisationName = `Habitat Suivi ${Date.now()}`;
  const bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, organisationName);
  const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP du Suivi');
  const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS du Suivi');
  const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM du Suivi');
  // More partners than a page of the directory, sorted first: the consent's are past the first hundred.
  await crowdDirectory(api, territory);

  const officer = await api.factory.user({
    territory,
    organisation: bailleur,
    profession: Profession.HOUSING_OFFICER,
    roles: [Role.REFERRER],
  });
  const colleague = await api.factory.user({
    territory,
    organisation: bailleur,
    profession: Profession.HOUSING_OFFICER,
    roles: [Role.REFERRER],
  });
  const { client: landlord } = await logInClient(api.anonymous, officer.email, officer.password);
  const coordinator = await memberOf(
    api,
    territory,
    clsm,
    Profession.CLSM_COORDINATOR,
    [Role.COORDINATOR],
    cell,
  );
  const nurse = await memberOf(api, territory, cmp, Profession.PSYCHIATRIC_NURSE, [Role.CELL_MEMBER], cell);

  const refer = (lastName: string, extra: Record<string, unknown> = {}) =>
    referPerson(landlord, {
      territoryId: territory.id,
      person: { firstName: 'Lucie', lastName, birthDate: '1961-04-02', protectionMeasure: 'NONE' },
      form: form(extra),
    });

  // Accepted, examined, actions entrusted to the landlord, and on the next agenda.
  const accepted = await refer('Ferrand', { description: 'Ne répond plus aux courriers ni aux visites.' });
  await recordConsent(landlord, api, accepted.id, { organisationIds: [cmp.id, ccas.id, bailleur.id] });
  const situationId = await submitAndAccept(landlord, coordinator.client, accepted.id);

  // Referred by the CCAS, accepted: examined in the same meeting.
  const socialWorker = await memberOf(api, territory, ccas, Profession.SOCIAL_WORKER, [Role.REFERRER]);
  const ccasReferral = await referPerson(socialWorker.client, {
    territoryId: territory.id,
    person: { firstName: 'Marc', lastName: 'Lemoine', birthDate: '1970-09-12', protectionMeasure: 'NONE' },
    form: form(),
  });
  await recordConsent(socialWorker.client, api, ccasReferral.id, { organisationIds: [ccas.id] });
  const ccasSituationId = await submitAndAccept(socialWorker.client, coordinator.client, ccasReferral.id);

  const examined = await planMeeting(
    coordinator.client,
    cell.id,
    new Date(api.clock.now().getTime() + 2 * DAY),
  );
  const { addAgendaItem } = await coordinator.client.expectData<{
    addAgendaItem: { items: { id: string }[] };
  }>(ADD_ITEM, { input: { meetingId: examined, situationId, guestOrganisationIds: [bailleur.id] } });
  const itemId = addAgendaItem.items[0]!.id;
  const { addAgendaItem: withCcas } = await coordinator.client.expectData<{
    addAgendaItem: { items: { id: string; situationId: string }[] };
  }>(ADD_ITEM, { input: { meetingId: examined, situationId: ccasSituationId, guestOrganisationIds: [] } });
  const ccasItemId = withCcas.items.find((item) => item.situationId === ccasSituationId)!.id;
  await coordinator.client.expectData(PUBLISH_AGENDA, { m: examined });
  await coordinator.client.expectData(RECORD_ATTENDANCE, {
    input: {
      meetingId: examined,
      entries: [
        { userId: coordinator.id, status: 'PRESENT' },
        { userId: nurse.id, status: 'PRESENT' },
      ],
    },
  });
  const dueOn = isoDay(new Date(api.clock.now().getTime() + 30 * DAY));
  await coordinator.client.expectData(RECORD_ITEM, {
    input: {
      itemId,
      presentUserIds: [coordinator.id, nurse.id],
      personAttended: false,
      summary: 'Dette stable, contact à renouer.',
      decisions: [
        {
          text: 'Le bailleur propose un plan d’apurement et rencontre la personne avec le CCAS',
          actions: [
            { description: ACTIONS.plan, ownerOrganisationId: bailleur.id, dueOn },
            { description: ACTIONS.visit, ownerOrganisationId: bailleur.id, dueOn },
          ],
        },
      ],
    },
  });
  await coordinator.client.expectData(RECORD_ITEM, {
    input: {
      itemId: ccasItemId,
      presentUserIds: [coordinator.id, nurse.id],
      personAttended: false,
      decisions: [
        {
          text: 'Le bailleur propose un échéancier',
          actions: [
            {
              description: ACTIONS.schedule,
              ownerOrganisationId: bailleur.id,
              dueOn: isoDay(new Date(api.clock.now().getTime() + 40 * DAY)),
            },
          ],
        },
      ],
    },
  });
  await nurse.client.expectData(ADD_NOTE, {
    input: { itemId, category: 'HEALTH_SECRET', text: HEALTH_NOTE },
  });
  await coordinator.client.expectData(MARK_HELD, { m: examined });
  await coordinator.client.expectData(PUBLISH_MINUTES, { m: examined });

  // Time passed: the visit is now five days late (the api refuses a past due date, so the row is moved).
  const actions = await api.dataSource.getRepository(SituationAction).findBy({ situationId });
  const [schedule] = await api.dataSource
    .getRepository(SituationAction)
    .findBy({ situationId: ccasSituationId, description: ACTIONS.schedule });
  const actionIds = {
    plan: actions.find((action) => action.description === ACTIONS.plan)!.id,
    visit: actions.find((action) => action.description === ACTIONS.visit)!.id,
    schedule: schedule!.id,
  };
  await api.dataSource
    .getRepository(SituationAction)
    .update({ id: actionIds.visit }, { dueOn: isoDay(new Date(Date.now() - 5 * DAY)) });

  const next = await planMeeting(coordinator.client, cell.id, new Date(api.clock.now().getTime() + 21 * DAY));
  await coordinator.client.expectData(ADD_ITEM, {
    input: { meetingId: next, situationId, kind: 'REVIEW', guestOrganisationIds: [bailleur.id] },
  });
  await coordinator.client.expectData(PUBLISH_AGENDA, { m: next });
  const { meetingAgenda } = await coordinator.client.expectData<{
    meetingAgenda: { meeting: { startsAt: string } };
  }>(AGENDA, { m: next });

  // Redirected to the CCAPEX, with the cell's message.
  const redirected = await refer('Garnier');
  await submit(landlord, redirected.id);
  await coordinator.client.expectData(REDIRECT_REFERRAL, {
    input: { referralId: redirected.id, target: 'CCAPEX', message: REDIRECT_MESSAGE },
  });

  // Sent without the person's consent: the cell asks for it.
  const needsConsent = await refer('Hamon');
  await submit(landlord, needsConsent.id);
  await coordinator.client.expectData(REQUEST_CONSENT, {
    input: { referralId: needsConsent.id, reason: CONSENT_REASON },
  });

  const draft = await refer('Joly');

  const ref = (referral: { id: string; person: { caseCode: string } }) => ({
    id: referral.id,
    caseCode: referral.person.caseCode,
  });
  const account = (user: Account) => ({
    email: user.email,
    password: user.password,
    firstName: user.firstName,
    lastName: user.lastName,
  });
  return {
    officer: account(officer),
    colleague: account(colleague),
    organisationName,
    accepted: ref(accepted),
    redirected: ref(redirected),
    needsConsent: ref(needsConsent),
    draft: ref(draft),
    nextMeetingAt: meetingAgenda.meeting.startsAt,
    otherPartnersCaseCode: ccasReferral.person.caseCode,
    actionIds,
  };
}
