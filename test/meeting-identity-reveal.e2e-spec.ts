import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { RunningApi, startApi } from './support/api-harness';
import { ADD_ITEM, AGENDA, PUBLISH_AGENDA, RECORD_ATTENDANCE } from './support/meeting-documents';
import { WITHDRAW_CONSENT } from './support/referral-documents';
import {
  Member,
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submitAndAccept,
} from './support/referral-journey';

const REVEAL = /* GraphQL */ `
  mutation ($input: RevealIdentityInput!) {
    revealIdentityInMeeting(input: $input) {
      itemId
      caseCode
      firstName
      lastName
      birthDate
      visibleUntil
      visibleSeconds
      redactedFields
    }
  }
`;

interface Reveal {
  itemId: string;
  caseCode: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  visibleUntil: string;
  visibleSeconds: number;
  redactedFields: string[];
}

const DAY = 24 * 60 * 60 * 1000;

describe('revealing a person’s identity to the room, for one agenda item', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  const org = {} as Record<'clsm' | 'ccas' | 'cmp' | 'bailleur', Organisation>;
  const as = {} as Record<'coordinator' | 'ccas' | 'nurse' | 'bailleur', Member>;
  /** Each person's agenda item, the consent recorded for her, and her case code. */
  const item = {} as Record<
    'everyoneNamed' | 'cmpNotNamed' | 'withdrawn' | 'bailleurNamed',
    { id: string; consentId: string }
  >;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM Dévoilement');
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Dévoilement');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Dévoilement');
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Dévoilement');
    as.coordinator = await memberOf(
      api,
      territory,
      org.clsm,
      Profession.CLSM_COORDINATOR,
      [Role.COORDINATOR],
      cell,
    );
    as.ccas = await memberOf(
      api,
      territory,
      org.ccas,
      Profession.SOCIAL_WORKER,
      [Role.CELL_MEMBER, Role.REFERRER],
      cell,
    );
    as.nurse = await memberOf(
      api,
      territory,
      org.cmp,
      Profession.PSYCHIATRIC_NURSE,
      [Role.CELL_MEMBER],
      cell,
    );
    as.bailleur = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);

    const situationOf = async (lastName: string, organisationIds: string[]) => {
      const referral = await referPerson(as.ccas.client, {
        territoryId: territory.id,
        person: { firstName: 'Lucie', lastName, birthDate: '1985-06-01', protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['ISOLATION'],
          servicesInvolved: [],
          questionToCell: 'Comment reprendre contact ?',
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION'],
        },
      });
      const consentId = await recordConsent(as.ccas.client, api, referral.id, { organisationIds });
      const situationId = await submitAndAccept(as.ccas.client, as.coordinator.client, referral.id);
      return { situationId, consentId, caseCode: referral.person.caseCode };
    };
    const everyoneNamed = await situationOf('Martin', [org.ccas.id, org.cmp.id]);
    const cmpNotNamed = await situationOf('Bernard', [org.ccas.id]);
    const withdrawn = await situationOf('Petit', [org.ccas.id, org.cmp.id]);
    const bailleurNamed = await situationOf('Roux', [org.ccas.id, org.cmp.id, org.bailleur.id]);

    meetingId = await planMeeting(
      as.coordinator.client,
      cell.id,
      new Date(api.clock.now().getTime() + 20 * DAY),
    );
    for (const { situationId } of [everyoneNamed, cmpNotNamed, withdrawn, bailleurNamed]) {
      await as.coordinator.client.expectData(ADD_ITEM, {
        input: { meetingId, situationId, guestOrganisationIds: [] },
      });
    }
    await as.coordinator.client.expectData(PUBLISH_AGENDA, { m: meetingId });
    const { meetingAgenda } = await as.coordinator.client.expectData<{
      meetingAgenda: { items: { id: string; caseCode: string }[] };
    }>(AGENDA, { m: meetingId });
    const itemOf = (situation: { caseCode: string; consentId: string }) => ({
      id: meetingAgenda.items.find((candidate) => candidate.caseCode === situation.caseCode)!.id,
      consentId: situation.consentId,
    });
    Object.assign(item, {
      everyoneNamed: itemOf(everyoneNamed),
      cmpNotNamed: itemOf(cmpNotNamed),
      withdrawn: itemOf(withdrawn),
      bailleurNamed: itemOf(bailleurNamed),
    });
  });
  afterAll(() => api.close());

  const reveal = (member: Member, itemId: string) =>
    member.client.request<{ revealIdentityInMeeting: Reveal | null }>(REVEAL, { input: { itemId } });
  const reveals = (itemId: string) =>
    api.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'IDENTITY_REVEALED_IN_MEETING', subjectId: itemId });

  it('refuses while nobody’s presence is recorded: the room is unknown', async () => {
    const refused = await reveal(as.coordinator, item.everyoneNamed.id);
    expect(refused.data?.revealIdentityInMeeting ?? null).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('présences');
  });

  it('reveals the identity, for a limited time, when the consent names everyone present, and audits it as a disclosure', async () => {
    await as.coordinator.client.expectData(RECORD_ATTENDANCE, {
      input: {
        meetingId,
        entries: [as.coordinator, as.ccas, as.nurse].map((member) => ({
          userId: member.id,
          status: 'PRESENT',
        })),
      },
    });
    const before = api.clock.now().getTime();
    const { revealIdentityInMeeting: shown } = await as.coordinator.client.expectData<{
      revealIdentityInMeeting: Reveal;
    }>(REVEAL, { input: { itemId: item.everyoneNamed.id } });
    expect(shown).toMatchObject({
      itemId: item.everyoneNamed.id,
      firstName: 'Lucie',
      lastName: 'Martin',
      birthDate: '1985-06-01',
      redactedFields: [],
    });
    // MEETING_REVEAL_SECONDS, 120 by default, from the api's clock.
    expect(Date.parse(shown.visibleUntil) - before).toBeGreaterThanOrEqual(120_000);
    expect(Date.parse(shown.visibleUntil) - before).toBeLessThan(125_000);
    // The screen counts these seconds from the answer, whatever its own clock says.
    expect(shown.visibleSeconds).toBe(120);

    const [event, ...others] = await reveals(item.everyoneNamed.id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      actorUserId: as.coordinator.id,
      subjectType: 'AgendaItem',
      dataCategories: ['IDENTITY'],
    });
    expect(event.personId).toEqual(expect.any(String));
    expect(event.details).toEqual({
      meetingId,
      itemId: item.everyoneNamed.id,
      presentUserIds: [as.ccas.id, as.nurse.id].sort(),
      organisationIds: [org.ccas.id, org.cmp.id].sort(),
      visibleUntil: shown.visibleUntil,
    });
    // Ids only: no name of the person in the audit trail.
    expect(JSON.stringify(event.details)).not.toContain('Martin');
  });

  it('refuses when an organisation present is not named by the consent, and says which one', async () => {
    const refused = await reveal(as.coordinator, item.cmpNotNamed.id);
    expect(refused.data?.revealIdentityInMeeting ?? null).toBeNull();
    const [error] = refused.errors ?? [];
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toContain('CMP Dévoilement');
    expect(error.message).not.toContain('Bernard');
    expect(error.extensions?.uncoveredOrganisations).toEqual([{ id: org.cmp.id, name: 'CMP Dévoilement' }]);
    expect(await reveals(item.cmpNotNamed.id)).toEqual([]);
    // The refused disclosure stays in the trail, by ids.
    const [refusal, ...others] = await api.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'IDENTITY_REVEAL_REFUSED', subjectId: item.cmpNotNamed.id });
    expect(others).toEqual([]);
    expect(refusal).toMatchObject({ actorUserId: as.coordinator.id, dataCategories: [] });
    expect(refusal.details).toEqual({
      meetingId,
      itemId: item.cmpNotNamed.id,
      reason: 'ORGANISATIONS_NOT_NAMED',
      presentUserIds: [as.ccas.id, as.nurse.id].sort(),
      organisationIds: [org.ccas.id, org.cmp.id].sort(),
      uncoveredOrganisationIds: [org.cmp.id],
    });
  });

  it('refuses once the person has withdrawn her consent', async () => {
    await as.ccas.client.expectData(WITHDRAW_CONSENT, { id: item.withdrawn.consentId });
    const refused = await reveal(as.coordinator, item.withdrawn.id);
    expect(refused.data?.revealIdentityInMeeting ?? null).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('consentement en vigueur');
    expect(await reveals(item.withdrawn.id)).toEqual([]);
    const refusals = await api.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'IDENTITY_REVEAL_REFUSED', subjectId: item.withdrawn.id });
    expect(refusals.map((refusal) => refusal.details.reason)).toEqual(['CONSENT_NOT_IN_FORCE']);
  });

  it('reveals nothing to a partner in the room who does not run the meeting, and records the refusal', async () => {
    for (const member of [as.ccas, as.nurse]) {
      const refused = await reveal(member, item.everyoneNamed.id);
      expect(refused.data?.revealIdentityInMeeting ?? null).toBeNull();
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused)).not.toContain('Martin');
    }
    const revealsByPartners = await api.dataSource.getRepository(AuditEvent).findBy([
      { action: 'IDENTITY_REVEALED_IN_MEETING', actorUserId: as.ccas.id },
      { action: 'IDENTITY_REVEALED_IN_MEETING', actorUserId: as.nurse.id },
    ]);
    expect(revealsByPartners).toEqual([]);
    const refusals = await api.dataSource
      .getRepository(AuditEvent)
      .findBy({ actorUserId: as.nurse.id, action: 'SECURITY_MUTATION_REFUSED' });
    expect(refusals.map((refusal) => refusal.details)).toEqual(
      expect.arrayContaining([expect.objectContaining({ operation: 'revealIdentityInMeeting' })]),
    );
  });

  it('refuses once a bailleur is in the room: named or not by the consent, the sharing matrix keeps identities from it', async () => {
    await as.coordinator.client.expectData(RECORD_ATTENDANCE, {
      input: { meetingId, entries: [{ userId: as.bailleur.id, status: 'PRESENT' }] },
    });
    const notNamed = await reveal(as.coordinator, item.everyoneNamed.id);
    expect(notNamed.errors?.[0].extensions?.uncoveredOrganisations).toEqual([
      { id: org.bailleur.id, name: 'Habitat Dévoilement' },
    ]);
    const named = await reveal(as.coordinator, item.bailleurNamed.id);
    expect(named.data?.revealIdentityInMeeting ?? null).toBeNull();
    const [error] = named.errors ?? [];
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toContain('matrice de partage');
    expect(error.extensions?.uncoveredOrganisations).toEqual([
      { id: org.bailleur.id, name: 'Habitat Dévoilement' },
    ]);
    expect(await reveals(item.bailleurNamed.id)).toEqual([]);
  });
});
