import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Membership, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { memberOf, recordConsent, referPerson, submitAndAccept } from './support/referral-journey';
import { SituationPages, withHistoryLists } from './support/referral-documents';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const SITUATION = /* GraphQL */ `
  query ($id: ID!) {
    situation(situationId: $id) {
      id
      status
      person {
        caseCode
        pseudonym
        redactedFields
      }
      identity {
        personId
        firstName
        lastName
        birthDate
        redactedFields
      }
      circle {
        organisationId
        basis
      }
      timeline(first: 100) {
        edges {
          node {
            kind
            category
            actorOrganisationId
            redactedFields
          }
        }
      }
      actions(first: 100) {
        edges {
          node {
            description
            redactedFields
          }
        }
      }
      redactedFields
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation ($input: GrantRoleInput!) {
    grantRole(input: $input) {
      roles
      status
    }
  }
`;
const REACTIVATE = /* GraphQL */ `
  mutation ($input: MembershipTargetInput!) {
    reactivateMembership(input: $input) {
      status
    }
  }
`;
const CREATE_USER = /* GraphQL */ `
  mutation ($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
      }
    }
  }
`;

interface SituationView {
  id: string;
  person: { caseCode: string; pseudonym: string; redactedFields: string[] };
  identity: { firstName: string | null; lastName: string | null; redactedFields: string[] } | null;
  circle: { organisationId: string; basis: string }[] | null;
  timeline: {
    kind: string;
    category: string;
    actorOrganisationId: string | null;
    redactedFields: string[];
  }[];
  redactedFields: string[];
}

/**
 * A situation passes the field gate: what each reader sees of it follows from the relations it
 * holds, read in the same SQL, and the sharing matrix — and an administrator, who reads no
 * situation, cannot hand itself a reading role.
 */
describe('field gate on situations', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let situationId: string;
  let personId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    // Referrer: a bailleur (not listed in R1110-2); cell member: a CCAS social worker; follow-up
    // practitioner: a CMP nurse; coordinator: the CLSM coordinator; administrator as in the demo.
    sessions = await sessionsByRole(api, territory);
    const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    const referrer = (await memberOf(api, territory, cmp, Profession.PSYCHIATRIST, [Role.REFERRER])).client;
    const referral = await referPerson(referrer, {
      territoryId: territory.id,
      person: {
        firstName: 'Lucie',
        lastName: 'Portail',
        birthDate: '1975-09-21',
        district: 'Centre',
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: ['CMP'],
        questionToCell: 'Maintenir le logement',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
        description: 'Isolement, impayés.',
        housingContext: 'Impayés depuis deux mois.',
      },
    });
    personId = referral.person.id;
    await recordConsent(referrer, api, referral.id, {
      // The bailleur is named with every category: the sharing matrix still keeps it outside.
      organisationIds: [
        sessions.REFERRER.organisationId,
        sessions.CELL_MEMBER.organisationId,
        sessions.FOLLOWUP_PRACTITIONER.organisationId,
      ],
    });
    situationId = await submitAndAccept(referrer, sessions.COORDINATOR.client, referral.id);
    // The bailleur joins the circle the way a partner does (the consent names it).
    await api.dataSource.query(
      `INSERT INTO situation_circle_members (territory_id, situation_id, organisation_id, basis, added_at)
       VALUES ($1, $2, $3, 'CONSENT', now()) ON CONFLICT DO NOTHING`,
      [territory.id, situationId, sessions.REFERRER.organisationId],
    );
  });
  afterAll(() => api.close());

  const read = async (client: GraphqlClient): Promise<SituationView> => {
    const { situation } = await client.expectData<{ situation: SituationPages<SituationView> }>(SITUATION, {
      id: situationId,
    });
    return withHistoryLists(situation);
  };
  const identityReads = (userId: string) =>
    api.dataSource.getRepository(AuditEvent).findBy({
      territoryId: territory.id,
      actorUserId: userId,
      action: 'PERSON_DATA_READ',
      personId,
      subjectType: 'Situation',
    });

  it('shows a bailleur of the circle logistics and housing only: no identity, no circle, no actors', async () => {
    const seen = await read(sessions.REFERRER.client);
    expect(seen.person.caseCode).toEqual(expect.any(String));
    expect(seen.identity).toBeNull();
    expect(seen.circle).toBeNull();
    expect(seen.redactedFields).toEqual(expect.arrayContaining(['circle', 'identity']));
    expect(seen.timeline.length).toBeGreaterThan(0);
    for (const line of seen.timeline) {
      expect(['LOGISTIC', 'HOUSING']).toContain(line.category);
      expect(line.actorOrganisationId).toBeNull();
      expect(line.redactedFields).toContain('actorOrganisationId');
    }
    const audited = await identityReads(sessions.REFERRER.userId);
    expect(audited.flatMap((event) => event.dataCategories)).toEqual([]);
  });

  it('shows the coordinator the identity and the circle, and audits the identity read', async () => {
    const seen = await read(sessions.COORDINATOR.client);
    expect(seen.identity).toMatchObject({ firstName: 'Lucie', lastName: 'Portail', redactedFields: [] });
    expect(seen.circle).toEqual(
      expect.arrayContaining([{ organisationId: sessions.REFERRER.organisationId, basis: 'CONSENT' }]),
    );
    expect(seen.redactedFields).toEqual([]);
    expect(seen.timeline.some((line) => line.actorOrganisationId !== null)).toBe(true);
    const audited = await identityReads(sessions.COORDINATOR.userId);
    expect(audited).toHaveLength(1);
    expect(audited[0].subjectId).toBe(situationId);
    expect(audited[0].dataCategories).toEqual(expect.arrayContaining(['IDENTITY', 'SOCIAL_CONFIDENTIAL']));
  });

  it('shows the partners the consent names, within their profession, the identity', async () => {
    for (const role of [Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER]) {
      const seen = await read(sessions[role].client);
      expect({ role, identity: seen.identity?.lastName }).toEqual({ role, identity: 'Portail' });
      expect(seen.circle).not.toBeNull();
    }
  });

  describe('an administrator cannot give itself a reading role', () => {
    const admin = () => sessions.TERRITORY_ADMIN;

    it('refuses the administrator granting itself the coordinator role, which would open situations', async () => {
      const response = await admin().client.request(GRANT, {
        input: { territoryId: territory.id, userId: admin().userId, role: 'COORDINATOR' },
      });
      expect(response.errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN', reason: 'OWN_ROLE_GRANT' },
        message: expect.stringContaining('vous attribuer'),
      });
      const membership = await api.dataSource
        .getRepository(Membership)
        .findOneByOrFail({ territoryId: territory.id, userId: admin().userId });
      expect(membership.roles).toEqual([Role.TERRITORY_ADMIN]);
      // It still reads no situation.
      const situation = await admin().client.request(SITUATION, { id: situationId });
      expect(situation.data).toBeNull();
      expect(situation.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses every other mutation that gives roles to its own account', async () => {
      const reactivated = await admin().client.request(REACTIVATE, {
        input: { territoryId: territory.id, userId: admin().userId },
      });
      expect(reactivated.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'OWN_ROLE_GRANT',
      });
      const created = await admin().client.request(CREATE_USER, {
        input: {
          territoryId: territory.id,
          organisationId: sessions.TERRITORY_ADMIN.organisationId,
          email: admin().email.toUpperCase(),
          firstName: 'Camille',
          lastName: 'Double',
          profession: 'CLSM_COORDINATOR',
          roles: ['COORDINATOR'],
        },
      });
      expect(created.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ROLE_GRANT' });
    });

    it('still lets another administrator grant the role to a third account, which then reads', async () => {
      const other = await api.factory.user({
        territory,
        profession: Profession.ADMINISTRATIVE_STAFF,
        roles: [Role.TERRITORY_ADMIN],
      });
      const otherAdmin = (await logInClient(api.anonymous, other.email, other.password)).client;
      const third = await api.factory.user({
        territory,
        profession: Profession.CLSM_COORDINATOR,
        roles: [Role.CELL_MEMBER],
      });
      const granted = await otherAdmin.expectData<{ grantRole: { roles: string[] } }>(GRANT, {
        input: { territoryId: territory.id, userId: third.id, role: 'COORDINATOR' },
      });
      expect(granted.grantRole.roles).toEqual(['CELL_MEMBER', 'COORDINATOR']);
      const thirdClient = (await logInClient(api.anonymous, third.email, third.password)).client;
      expect((await read(thirdClient)).identity?.lastName).toBe('Portail');
    });
  });
});
