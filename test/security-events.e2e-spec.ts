import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Role } from '@relais/access';
import { AuditEvent, SECURITY_EVENT_KINDS, SECURITY_EVENTS_PER_SOURCE_PER_MINUTE } from '@relais/audit';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { RunningApi, startApi } from './support/api-harness';
import { GET_REFERRAL } from './support/referral-documents';
import { Member, memberOf, referPerson } from './support/referral-journey';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const AUDIT_EVENTS = /* GraphQL */ `
  query ($filter: AuditEventFilterInput!) {
    auditEvents(filter: $filter, first: 200) {
      edges {
        node {
          action
          actorUserId
          requestId
          subjectType
          subjectId
          details
        }
      }
    }
  }
`;
const TWICE = /* GraphQL */ `
  query ($id: ID!) {
    first: referral(referralId: $id) {
      id
    }
    second: referral(referralId: $id) {
      id
    }
  }
`;
const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`;
const CREATE_REFERRAL = /* GraphQL */ `
  mutation ($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
    }
  }
`;
const ACCESS_LOG = `query ($t: ID!, $s: ID!) { accessLog(territoryId: $t, subjectId: $s) { edges { node { action } } } }`;
const ORGANISATIONS = `query ($t: ID!) { organisations(territoryId: $t) { edges { node { id } } } }`;
const PUBLISH_CHARTER = /* GraphQL */ `
  mutation ($input: PublishCharterInput!) {
    publishCharter(input: $input) {
      id
    }
  }
`;
const ACCEPT_CHARTER = `mutation ($id: ID!) { acceptCharter(charterId: $id) { id } }`;

const PERSON = {
  firstName: 'Rosalie',
  lastName: 'Devinette',
  birthDate: '1968-09-14',
  protectionMeasure: 'NONE',
};
const FORM = {
  difficultyAreas: ['ISOLATION'],
  servicesInvolved: ['Bailleur'],
  questionToCell: 'Comment reprendre contact ?',
  urgency: 'MEDIUM',
  requests: ['FOLLOW_UP_ASSESSMENT'],
};

interface EventRow {
  action: string;
  actorUserId: string | null;
  requestId: string | null;
  subjectType: string;
  subjectId: string | null;
  details: string;
}

describe('security events: refusals recorded for the auditor', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  /** A referrer of another organisation than the REFERRER session's. */
  let otherReferrer: Member;
  let theirReferralId: string;

  const events = async (category?: 'SECURITY' | 'ACTIVITY', more: Record<string, unknown> = {}) =>
    (
      await sessions.AUDITOR.client.expectData<{ auditEvents: { edges: { node: EventRow }[] } }>(
        AUDIT_EVENTS,
        {
          filter: { territoryId: territory.id, ...(category ? { category } : {}), ...more },
        },
      )
    ).auditEvents.edges.map((edge) => edge.node);
  const securityLines = () =>
    api.logs.lines.filter((line) => line.includes('"securityEvent"')).map((line) => JSON.parse(line));

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    const otherOrganisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    otherReferrer = await memberOf(api, territory, otherOrganisation, Profession.HOUSING_OFFICER, [
      Role.REFERRER,
    ]);
    ({ id: theirReferralId } = await referPerson(otherReferrer.client, {
      territoryId: territory.id,
      person: PERSON,
      form: FORM,
    }));
  });
  afterAll(() => api.close());

  it('records a referral of another organisation asked for by id, and answers as for a missing one', async () => {
    const guessed = await sessions.REFERRER.client.request(GET_REFERRAL, { id: theirReferralId });
    const unknownId = randomUUID();
    const unknown = await sessions.REFERRER.client.request(GET_REFERRAL, { id: unknownId });

    // The caller learns nothing: same status, code and message as an id that does not exist.
    expect(guessed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(guessed.data?.referral ?? null).toBeNull();
    expect({ status: guessed.status, errors: guessed.errors }).toEqual({
      status: unknown.status,
      errors: unknown.errors,
    });

    const refused = (await events('SECURITY')).filter((event) => event.subjectId === theirReferralId);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      action: 'SECURITY_ACCESS_REFUSED',
      actorUserId: sessions.REFERRER.userId,
      requestId: guessed.headers.get('x-request-id'),
      subjectType: 'Referral',
    });
    expect(JSON.parse(refused[0].details)).toEqual({
      action: 'read',
      operation: 'referral',
      answer: 'NOT_FOUND',
    });
    // "Who saw this file" stays what it was: the refused attempt saw nothing, it is the auditor's.
    const accessLog = (
      await sessions.COORDINATOR.client.expectData<{ accessLog: { edges: { node: { action: string } }[] } }>(
        ACCESS_LOG,
        { t: territory.id, s: theirReferralId },
      )
    ).accessLog.edges.map((edge) => edge.node);
    expect(accessLog.length).toBeGreaterThan(0);
    expect(accessLog.some((event) => event.action.startsWith('SECURITY_'))).toBe(false);
    // A truly unknown id is a typo or a stale link, not a refusal: nothing is recorded.
    const owner = api.dataSource.getRepository(AuditEvent);
    expect(await owner.countBy({ subjectId: unknownId })).toBe(0);
    expect(await owner.countBy({ requestId: unknown.headers.get('x-request-id')! })).toBe(0);
  });

  it('records one event for a refused request, however many of its fields were refused', async () => {
    // Both fields are refused; the answer may stop at the first error (the fields are not nullable).
    const response = await sessions.REFERRER.client.request(TWICE, { id: theirReferralId });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const requestId = response.headers.get('x-request-id')!;
    expect(await api.dataSource.getRepository(AuditEvent).countBy({ requestId })).toBe(1);
  });

  it('records a refused mutation, in the caller’s own territory whatever territory it typed', async () => {
    // Refused by the operation's guard: an auditor does not manage partners.
    const byGuard = await sessions.AUDITOR.client.request(CREATE_ORGANISATION, {
      input: { territoryId: territory.id, name: 'Partenaire refusé', kind: 'ASSOCIATION' },
    });
    expect(byGuard.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Refused by the service: a referrer writes referrals in its own territories only.
    const elsewhere = await api.factory.territory();
    const byService = await sessions.REFERRER.client.request(CREATE_REFERRAL, {
      input: { territoryId: elsewhere.id, person: PERSON, form: FORM },
    });
    expect(byService.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const refused = (await events('SECURITY')).filter(
      (event) => event.action === 'SECURITY_MUTATION_REFUSED',
    );
    const guardEvent = refused.find((event) => event.requestId === byGuard.headers.get('x-request-id'));
    expect(guardEvent).toMatchObject({ actorUserId: sessions.AUDITOR.userId, subjectType: 'Organisation' });
    expect(JSON.parse(guardEvent!.details)).toMatchObject({
      operation: 'createOrganisation',
      answer: 'FORBIDDEN',
    });
    const serviceEvent = refused.find((event) => event.requestId === byService.headers.get('x-request-id'));
    expect(serviceEvent).toMatchObject({ actorUserId: sessions.REFERRER.userId, subjectType: 'Referral' });
    expect(JSON.parse(serviceEvent!.details)).toMatchObject({
      operation: 'createReferral',
      action: 'create',
    });
    // The other territory's chain got nothing from a caller who is not one of its members.
    expect(await api.dataSource.getRepository(AuditEvent).countBy({ territoryId: elsewhere.id })).toBe(0);
  });

  it('lists security events apart from the activity, and the activity without them', async () => {
    const security = await events('SECURITY');
    const activity = await events('ACTIVITY');
    const all = await events();
    expect(security.length).toBeGreaterThanOrEqual(4);
    expect(security.every((event) => (SECURITY_EVENT_KINDS as string[]).includes(event.action))).toBe(true);
    expect(activity.some((event) => event.subjectId === theirReferralId)).toBe(true);
    expect(activity.some((event) => event.action.startsWith('SECURITY_'))).toBe(false);
    expect(all).toHaveLength(security.length + activity.length);
    // The other filters still apply within a category.
    const ofOneActor = await events('SECURITY', { actorUserId: sessions.AUDITOR.userId });
    expect(ofOneActor.length).toBeGreaterThan(0);
    expect(ofOneActor.every((event) => event.actorUserId === sessions.AUDITOR.userId)).toBe(true);
  });

  it('records a refusal for a charter not accepted, in the territory of that membership', async () => {
    const { publishCharter } = await sessions.TERRITORY_ADMIN.client.expectData<{
      publishCharter: { id: string };
    }>(PUBLISH_CHARTER, {
      input: {
        territoryId: territory.id,
        kind: 'CONFIDENTIALITY',
        title: 'Charte de confidentialité',
        body: 'Ce qui est dit en cellule reste en cellule : secret partagé, strictement nécessaire.',
      },
    });
    const refused = await sessions.CELL_MEMBER.client.request(ORGANISATIONS, { t: territory.id });
    expect(refused.errors?.[0].extensions?.code).toBe('CHARTER_REQUIRED');

    // The auditor, gated too, accepts first; its own refusals before that are not needed here.
    await sessions.AUDITOR.client.expectData(ACCEPT_CHARTER, { id: publishCharter.id });
    const charterEvents = (await events('SECURITY')).filter(
      (event) => event.requestId === refused.headers.get('x-request-id'),
    );
    expect(charterEvents).toHaveLength(1);
    expect(charterEvents[0]).toMatchObject({
      action: 'SECURITY_CHARTER_REFUSED',
      actorUserId: sessions.CELL_MEMBER.userId,
      subjectType: 'Organisation',
    });
    expect(JSON.parse(charterEvents[0].details)).toMatchObject({
      operation: 'organisations',
      answer: 'CHARTER_REQUIRED',
    });
  });

  it('writes a log line for each refusal, with ids and names of things only', async () => {
    const lines = securityLines();
    const kinds = new Set(lines.map((line) => line.securityEvent));
    expect(kinds).toEqual(
      new Set(['SECURITY_ACCESS_REFUSED', 'SECURITY_MUTATION_REFUSED', 'SECURITY_CHARTER_REFUSED']),
    );
    const guessed = lines.find((line) => line.subjectId === theirReferralId);
    expect(guessed).toMatchObject({
      securityEvent: 'SECURITY_ACCESS_REFUSED',
      territoryId: territory.id,
      actorUserId: sessions.REFERRER.userId,
      subjectType: 'Referral',
      operation: 'referral',
    });
    // No name or address of anyone involved: the users', the person's, nor what was typed.
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    for (const secret of [
      ...Object.values(sessions).map((session) => session.email),
      'Camille',
      'Essai',
      PERSON.firstName,
      PERSON.lastName,
      'Partenaire refusé',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps an account refused in a loop to its budget in the chain, and logs every refusal', async () => {
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const prober = await memberOf(api, territory, organisation, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    // Whatever refuses it (the charter published above, or the rules), each try is a security event.
    const chained = () =>
      api.dataSource
        .getRepository(AuditEvent)
        .countBy({ actorUserId: prober.id, action: In([...SECURITY_EVENT_KINDS]) });
    const tries = SECURITY_EVENTS_PER_SOURCE_PER_MINUTE + 5;
    for (let attempt = 0; attempt < tries; attempt += 1) {
      const answer = await prober.client.request(GET_REFERRAL, { id: theirReferralId });
      expect(answer.data?.referral ?? null).toBeNull();
    }
    expect(await chained()).toBe(SECURITY_EVENTS_PER_SOURCE_PER_MINUTE);
    const lines = securityLines().filter((line) => line.actorUserId === prober.id);
    expect(lines).toHaveLength(tries);
    expect(lines.filter((line) => line.inAuditChain === false)).toHaveLength(5);

    // The next minute, the account's refusals reach the chain again.
    api.clock.advance(60_000);
    await prober.client.request(GET_REFERRAL, { id: theirReferralId });
    expect(await chained()).toBe(SECURITY_EVENTS_PER_SOURCE_PER_MINUTE + 1);
  });
});
