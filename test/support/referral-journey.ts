/**
 * The steps of the referral journey that suites walk to reach the state they test: a logged-in
 * member, a referred person, a consent, submission, pre-review and acceptance, a meeting, and
 * agenda items seeded straight into the database. Each suite keeps its own scenario data and
 * passes it in; only the mechanics live here.
 */
import { DataCategory, Role } from '@relais/access';
import { Consent, ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '@relais/consent';
import { Cell, Organisation, Profession, Territory } from '@relais/identity';
import { AgendaItem, AgendaItemKind, ItemInvitation } from '@relais/meetings';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { DataSource } from 'typeorm';
import { RunningApi } from './api-harness';
import { PLAN_MEETING } from './meeting-documents';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  CREATE_REFERRAL,
  RECORD_CONSENT,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
} from './referral-documents';

/** Every data category, the scope most suites give a consent so that only the sharing matrix filters. */
export const EVERY_CATEGORY = ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'];

export interface Member {
  client: GraphqlClient;
  id: string;
}

/** A professional of `organisation`, logged in over the api as a partner would be. */
export async function memberOf(
  api: RunningApi,
  territory: Territory,
  organisation: Organisation,
  profession: Profession,
  roles: Role[],
  cell?: Cell,
): Promise<Member> {
  const user = await api.factory.user({ territory, organisation, profession, roles, cell });
  const { client } = await logInClient(api.anonymous, user.email, user.password);
  return { client, id: user.id };
}

export interface Referred {
  id: string;
  person: { id: string; caseCode: string };
}

/** The referral a referrer writes for a person; person and form are the suite's own. */
export async function referPerson(
  referrer: GraphqlClient,
  input: { territoryId: string; person: Record<string, unknown>; form: Record<string, unknown> },
): Promise<Referred> {
  const { createReferral } = await referrer.expectData<{ createReferral: Referred }>(CREATE_REFERRAL, {
    input,
  });
  return createReferral;
}

export interface ConsentScope {
  organisationIds: string[];
  purposes?: string[];
  dataCategories?: string[];
}

/**
 * A consent given in writing today, after the person was told everything, naming the cell: the
 * scope (who, for what, which categories) is what suites vary.
 */
export function consentInput(api: RunningApi, scope: ConsentScope) {
  return {
    status: 'GIVEN',
    method: 'WRITTEN',
    collectedOn: api.clock.now().toISOString().slice(0, 10),
    informationGiven: ALL_INFORMATION,
    wishesToAttend: false,
    purposes: scope.purposes ?? ['CELL_EXAMINATION'],
    organisationIds: scope.organisationIds,
    organisationKinds: [],
    includesCell: true,
    dataCategories: scope.dataCategories ?? EVERY_CATEGORY,
  };
}

/** Records the consent on the referral and returns its id (for a later withdrawal). */
export async function recordConsent(
  client: GraphqlClient,
  api: RunningApi,
  referralId: string,
  scope: ConsentScope,
): Promise<string> {
  const { recordConsent: consent } = await client.expectData<{ recordConsent: { id: string } }>(
    RECORD_CONSENT,
    { id: referralId, input: consentInput(api, scope) },
  );
  return consent.id;
}

/** Submits the referral with the conditions of a non-urgent case where common-law routes were tried. */
export async function submit(referrer: GraphqlClient, referralId: string): Promise<void> {
  await referrer.expectData(SUBMIT_REFERRAL, {
    input: { referralId, commonLawRoutesTried: true, notAnEmergency: true, imminentDanger: false },
  });
}

/** Submits the referral and has the coordinator open its pre-review. */
export async function submitForPreReview(
  referrer: GraphqlClient,
  coordinator: GraphqlClient,
  referralId: string,
): Promise<void> {
  await submit(referrer, referralId);
  await coordinator.expectData(START_PRE_REVIEW, { id: referralId });
}

/** The coordinator accepts the referral; returns the situation it opens. */
export async function acceptReferral(coordinator: GraphqlClient, referralId: string): Promise<string> {
  const { acceptReferral: accepted } = await coordinator.expectData<{
    acceptReferral: { situationId: string };
  }>(ACCEPT_REFERRAL, { input: { referralId } });
  return accepted.situationId;
}

/** Submission, pre-review and acceptance in one go; returns the situation opened. */
export async function submitAndAccept(
  referrer: GraphqlClient,
  coordinator: GraphqlClient,
  referralId: string,
): Promise<string> {
  await submitForPreReview(referrer, coordinator, referralId);
  return acceptReferral(coordinator, referralId);
}

/** A meeting of the cell at the town hall; returns its id. */
export async function planMeeting(
  coordinator: GraphqlClient,
  cellId: string,
  startsAt: Date,
): Promise<string> {
  const { planMeeting: meeting } = await coordinator.expectData<{ planMeeting: { id: string } }>(
    PLAN_MEETING,
    { input: { cellId, startsAt: startsAt.toISOString(), place: 'Mairie' } },
  );
  return meeting.id;
}

/**
 * One agenda item written straight through the owner's connection (faster than the journey, for
 * volume): a person, a consent in force to the guest, an accepted situation, the item and the
 * guest's invitation.
 */
export async function seedAgendaItem(
  owner: DataSource,
  at: { territoryId: string; meetingId: string; position: number; guestOrganisationId: string },
): Promise<void> {
  const { territoryId, meetingId, position, guestOrganisationId } = at;
  const person = await owner.getRepository(Person).save({
    territoryId,
    caseCode: newCaseCode(),
    initials: 'A. B.',
    ageBand: AgeBand.AGE_40_49,
    district: null,
  });
  await owner.getRepository(Consent).save({
    territoryId,
    personId: person.id,
    referralId: null,
    status: ConsentStatus.GIVEN,
    method: ConsentMethod.WRITTEN,
    witnessOrRepresentative: null,
    collectedByUserId: person.id,
    collectedByOrganisationId: guestOrganisationId,
    collectedOn: '2026-01-05',
    recordedAt: new Date(),
    informationGiven: Object.values(InformationItem),
    wishesToAttend: false,
    purposes: [ConsentPurpose.CELL_EXAMINATION],
    organisationIds: [guestOrganisationId],
    organisationKinds: [],
    includesCell: true,
    dataCategories: [DataCategory.LOGISTIC],
    expiresOn: '2099-01-01',
    supersededAt: null,
    withdrawnAt: null,
    withdrawnByUserId: null,
  });
  const situation = await owner.getRepository(Situation).save({
    territoryId,
    personId: person.id,
    status: SituationStatus.ACCEPTED,
    openedAt: new Date(),
    closedAt: null,
    closureReason: null,
    nextReviewOn: null,
  });
  const item = await owner.getRepository(AgendaItem).save({
    territoryId,
    meetingId,
    situationId: situation.id,
    position,
    kind: AgendaItemKind.NEW,
    minutes: 10,
    presenterOrganisationId: null,
    presenterUserId: null,
    reason: null,
    presentation: 1,
  });
  await owner.getRepository(ItemInvitation).save({
    territoryId,
    agendaItemId: item.id,
    meetingId,
    situationId: situation.id,
    organisationId: guestOrganisationId,
    lapsedAt: null,
  });
}
