/**
 * A meeting of the cell that was held and whose minutes are still a draft, built through the api as
 * the people would: a landlord's referral (the landlord a guest of its item, in the room with the
 * coordinator, a CMP nurse and a CCAS social worker) and a CCAS referral (the nurse had left the
 * room), each with its decision and actions. Restricted notes and publication are left to the suite.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import type { RunningApi } from './api-harness';
import { ADD_ITEM, MARK_HELD, PUBLISH_AGENDA, RECORD_ATTENDANCE, RECORD_ITEM } from './meeting-documents';
import { planMeeting, recordConsent, referPerson, submitAndAccept } from './referral-journey';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What was said and decided, to look for (or not) in each reader's minutes. */
export const HELD_MEETING_TEXTS = {
  housingSummary: 'Isolement marqué, dette locative stable depuis deux mois.',
  housingDecision: 'Visite conjointe du CCAS et du CMP, plan d’apurement proposé par le bailleur',
  housingRationale: 'Renouer le contact avant toute procédure',
  landlordAction: 'Proposer un plan d’apurement',
  cmpAction: 'Proposer un rendez-vous au CMP',
  socialSummary: 'Accompagnement budgétaire engagé depuis l’été.',
  socialDecision: 'Poursuivre l’accompagnement budgétaire',
  ccasAction: 'Faire le bilan budgétaire',
} as const;

export type HeldMeetingRole = 'coordinator' | 'nurse' | 'socialWorker' | 'landlord';
export type HeldMeetingOrganisation = 'bailleur' | 'cmp' | 'ccas' | 'clsm';

export interface HeldMeetingAccount {
  id: string;
  email: string;
  password: string;
  client: GraphqlClient;
}

export interface HeldMeeting {
  territoryId: string;
  meetingId: string;
  organisations: Record<HeldMeetingOrganisation, { id: string; name: string }>;
  accounts: Record<HeldMeetingRole, HeldMeetingAccount>;
  /** The landlord's referral (item 1) and the CCAS's (item 2). */
  items: Record<'housing' | 'social', { id: string; caseCode: string }>;
}

function referralForm() {
  return {
    difficultyAreas: ['HOUSING_DEBT', 'ISOLATION'],
    servicesInvolved: [],
    questionToCell: 'Comment renouer le contact avant la procédure ?',
    urgency: 'MEDIUM',
    requests: ['CELL_EXAMINATION'],
  };
}

export async function holdMeeting(api: RunningApi, label = 'Séance'): Promise<HeldMeeting> {
  const territory = await api.factory.territory();
  const cell = await api.factory.cell(territory);
  const unique = Date.now().toString(36);
  const organisation = async (kind: OrganisationKind, name: string) => {
    const created = await api.factory.organisation(territory, kind, `${name} ${label} ${unique}`);
    return { entity: created, ref: { id: created.id, name: created.name } };
  };
  const bailleur = await organisation(OrganisationKind.HOUSING, 'Habitat');
  const cmp = await organisation(OrganisationKind.PSYCHIATRY, 'CMP');
  const ccas = await organisation(OrganisationKind.SOCIAL, 'CCAS');
  const clsm = await organisation(OrganisationKind.MUNICIPAL, 'CLSM');

  const account = async (
    of: { entity: Parameters<typeof api.factory.user>[0]['organisation'] },
    profession: Profession,
    roles: Role[],
    inCell: boolean,
  ): Promise<HeldMeetingAccount> => {
    const user = await api.factory.user({
      territory,
      organisation: of.entity,
      profession,
      roles,
      cell: inCell ? cell : undefined,
    });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    return { id: user.id, email: user.email, password: user.password, client };
  };
  const coordinator = await account(clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], true);
  const nurse = await account(cmp, Profession.PSYCHIATRIC_NURSE, [Role.CELL_MEMBER], true);
  const socialWorker = await account(ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER], true);
  const landlord = await account(bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER], false);

  // The landlord refers a tenant who consents to the CCAS and the CMP receiving everything.
  const housing = await referPerson(landlord.client, {
    territoryId: territory.id,
    person: { firstName: 'Lucie', lastName: 'Ferrand', birthDate: '1961-04-02', protectionMeasure: 'NONE' },
    form: referralForm(),
  });
  await recordConsent(landlord.client, api, housing.id, { organisationIds: [ccas.ref.id, cmp.ref.id] });
  const housingSituation = await submitAndAccept(landlord.client, coordinator.client, housing.id);
  const social = await referPerson(socialWorker.client, {
    territoryId: territory.id,
    person: { firstName: 'Marc', lastName: 'Lemoine', birthDate: '1970-09-12', protectionMeasure: 'NONE' },
    form: referralForm(),
  });
  await recordConsent(socialWorker.client, api, social.id, { organisationIds: [ccas.ref.id, cmp.ref.id] });
  const socialSituation = await submitAndAccept(socialWorker.client, coordinator.client, social.id);

  const meetingId = await planMeeting(
    coordinator.client,
    cell.id,
    new Date(api.clock.now().getTime() + 2 * DAY),
  );
  await coordinator.client.expectData(ADD_ITEM, {
    input: { meetingId, situationId: housingSituation, guestOrganisationIds: [bailleur.ref.id] },
  });
  const { addAgendaItem } = await coordinator.client.expectData<{
    addAgendaItem: { items: { id: string; situationId: string }[] };
  }>(ADD_ITEM, { input: { meetingId, situationId: socialSituation, guestOrganisationIds: [] } });
  const itemOf = (situationId: string) =>
    addAgendaItem.items.find((item) => item.situationId === situationId)!.id;
  await coordinator.client.expectData(PUBLISH_AGENDA, { m: meetingId });
  await coordinator.client.expectData(RECORD_ATTENDANCE, {
    input: {
      meetingId,
      entries: [coordinator, nurse, socialWorker, landlord].map(({ id }) => ({
        userId: id,
        status: 'PRESENT',
      })),
    },
  });
  const dueOn = isoDay(new Date(api.clock.now().getTime() + 30 * DAY));
  const texts = HELD_MEETING_TEXTS;
  await coordinator.client.expectData(RECORD_ITEM, {
    input: {
      itemId: itemOf(housingSituation),
      presentUserIds: [coordinator.id, nurse.id, socialWorker.id, landlord.id],
      personAttended: false,
      summary: texts.housingSummary,
      decisions: [
        {
          text: texts.housingDecision,
          rationale: texts.housingRationale,
          actions: [
            { description: texts.landlordAction, ownerOrganisationId: bailleur.ref.id, dueOn },
            { description: texts.cmpAction, ownerOrganisationId: cmp.ref.id, dueOn },
          ],
        },
      ],
    },
  });
  await coordinator.client.expectData(RECORD_ITEM, {
    input: {
      itemId: itemOf(socialSituation),
      presentUserIds: [coordinator.id, socialWorker.id],
      personAttended: true,
      summary: texts.socialSummary,
      decisions: [
        {
          text: texts.socialDecision,
          actions: [{ description: texts.ccasAction, ownerOrganisationId: ccas.ref.id, dueOn }],
        },
      ],
    },
  });
  await coordinator.client.expectData(MARK_HELD, { m: meetingId });

  return {
    territoryId: territory.id,
    meetingId,
    organisations: { bailleur: bailleur.ref, cmp: cmp.ref, ccas: ccas.ref, clsm: clsm.ref },
    accounts: { coordinator, nurse, socialWorker, landlord },
    items: {
      housing: { id: itemOf(housingSituation), caseCode: housing.person.caseCode },
      social: { id: itemOf(socialSituation), caseCode: social.person.caseCode },
    },
  };
}
