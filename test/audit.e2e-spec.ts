import { Role } from '@relais/access';
import { AuditChainVerifier, AuditEvent } from '@relais/audit';
import { Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`;
const AUDIT_EVENTS = /* GraphQL */ `
  query ($filter: AuditEventFilterInput!) {
    auditEvents(filter: $filter, first: 50) {
      edges {
        node {
          id
          territoryId
          sequence
          chained
          occurredAt
          action
          actorUserId
          actorName
          requestId
          subjectType
          subjectId
          personId
          dataCategories
          details
          redactedFields
        }
      }
    }
  }
`;
const ACCESS_LOG = /* GraphQL */ `
  query ($t: ID!, $s: ID!) {
    accessLog(territoryId: $t, subjectId: $s) {
      edges {
        node {
          id
          action
          subjectId
        }
      }
    }
  }
`;
const VERIFY = /* GraphQL */ `
  query ($t: ID!) {
    auditChainVerification(territoryId: $t) {
      valid
      checkedEvents
      firstBrokenSequence
      firstBrokenEventId
      problem
    }
  }
`;

interface AuditEventRow {
  id: string;
  territoryId: string;
  sequence: string;
  chained: boolean;
  occurredAt: string;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  requestId: string | null;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  dataCategories: string[];
  details: string;
  redactedFields: string[];
}
interface ChainReport {
  valid: boolean;
  checkedEvents: number;
  firstBrokenSequence: string | null;
  firstBrokenEventId: string | null;
  problem: string | null;
}

const uniqueName = (prefix: string) => `${prefix} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

describe('audit log', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let admin: RoleSession;
  let auditor: RoleSession;

  const createOrganisation = (client: GraphqlClient, territoryId: string, name = uniqueName('Partenaire')) =>
    client.request<{ createOrganisation: { id: string } }>(CREATE_ORGANISATION, {
      input: { territoryId, name, kind: 'ASSOCIATION' },
    });

  const eventsOf = (territoryId: string) =>
    api.dataSource.getRepository(AuditEvent).find({ where: { territoryId }, order: { sequence: 'ASC' } });

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    admin = sessions.TERRITORY_ADMIN;
    auditor = sessions.AUDITOR;
  });
  afterAll(() => api.close());

  describe('recording and reading', () => {
    const name = uniqueName('Maison des Solidarités');
    let organisationId: string;

    beforeAll(async () => {
      const created = await createOrganisation(admin.client, territory.id, name);
      expect(created.errors).toBeUndefined();
      organisationId = created.data!.createOrganisation.id;
    });

    it('records who created a partner, with ids only: the name is not copied into the log', async () => {
      const events = await api.dataSource
        .getRepository(AuditEvent)
        .findBy({ territoryId: territory.id, action: 'ORGANISATION_CREATED', subjectId: organisationId });
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        actorUserId: admin.userId,
        subjectType: 'Organisation',
        subjectId: organisationId,
      });
      expect(event.details).toEqual({ kind: 'ASSOCIATION' });
      expect(JSON.stringify(event.details)).not.toContain(name);
      expect(event.requestId).toBeTruthy();
    });

    it('lets the auditor read the event', async () => {
      const data = await auditor.client.expectData<{ auditEvents: { edges: { node: AuditEventRow }[] } }>(
        AUDIT_EVENTS,
        { filter: { territoryId: territory.id } },
      );
      const event = data.auditEvents.edges
        .map((edge) => edge.node)
        .find((row) => row.subjectId === organisationId);
      const stored = await api.dataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ territoryId: territory.id, subjectId: organisationId });
      // The line whole: every field the schema declares, nothing masked, and nothing of the chain's hashes.
      expect(event).toEqual({
        id: stored.id,
        territoryId: territory.id,
        sequence: stored.sequence,
        chained: true,
        occurredAt: stored.occurredAt.toISOString(),
        action: 'ORGANISATION_CREATED',
        actorUserId: admin.userId,
        actorName: expect.stringMatching(/\S/),
        requestId: stored.requestId,
        subjectType: 'Organisation',
        subjectId: organisationId,
        personId: null,
        dataCategories: [],
        details: JSON.stringify({ kind: 'ASSOCIATION' }),
        redactedFields: [],
      });
    });

    it('refuses the log to the territory administrator', async () => {
      const response = await admin.client.request(AUDIT_EVENTS, { filter: { territoryId: territory.id } });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data).toBeFalsy();
    });

    it('answers "who touched this" to the coordinator, and refuses it to a referrer', async () => {
      const log = await sessions.COORDINATOR.client.expectData<{
        accessLog: { edges: { node: { action: string; subjectId: string } }[] };
      }>(ACCESS_LOG, { t: territory.id, s: organisationId });
      expect(log.accessLog.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({ action: 'ORGANISATION_CREATED', subjectId: organisationId }),
      ]);
      const refused = await sessions.REFERRER.client.request(ACCESS_LOG, {
        t: territory.id,
        s: organisationId,
      });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('keeps one statement per reader\'s rules for "who touched this": each request reads its own territory and file', async () => {
    const other = await api.factory.territory();
    const others = await sessionsByRole(api, other);
    const created = await createOrganisation(others.TERRITORY_ADMIN.client, other.id);
    const otherOrganisationId = created.data!.createOrganisation.id;
    type Log = { accessLog: { edges: { node: { action: string; subjectId: string } }[] } };
    const ownLog = await createOrganisation(admin.client, territory.id);
    const ownOrganisationId = ownLog.data!.createOrganisation.id;

    // The coordinator's statement, built on her first page, then sent for another file.
    for (const subjectId of [ownOrganisationId, otherOrganisationId]) {
      const log = await sessions.COORDINATOR.client.expectData<Log>(ACCESS_LOG, {
        t: territory.id,
        s: subjectId,
      });
      expect(log.accessLog.edges.map((edge) => edge.node.subjectId)).toEqual(
        subjectId === ownOrganisationId ? [ownOrganisationId] : [],
      );
    }
    // Another territory's file is not hers, whatever her statement was built with: nothing is read.
    const elsewhere = await sessions.COORDINATOR.client.expectData<Log>(ACCESS_LOG, {
      t: other.id,
      s: otherOrganisationId,
    });
    expect(elsewhere.accessLog.edges).toEqual([]);
    // That territory's coordinator reads it.
    const theirs = await others.COORDINATOR.client.expectData<Log>(ACCESS_LOG, {
      t: other.id,
      s: otherOrganisationId,
    });
    expect(theirs.accessLog.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ action: 'ORGANISATION_CREATED', subjectId: otherOrganisationId }),
    ]);
  });

  describe('an auditor reads, and changes nothing', () => {
    const calls: [string, () => { query: string; variables: Record<string, unknown> }][] = [
      [
        'createOrganisation',
        () => ({
          query: CREATE_ORGANISATION,
          variables: { input: { territoryId: territory.id, name: uniqueName('Audit'), kind: 'OTHER' } },
        }),
      ],
      [
        'createUser',
        () => ({
          query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
          variables: {
            i: {
              territoryId: territory.id,
              organisationId: sessions.CELL_MEMBER.organisationId,
              email: `audit-${Date.now()}@essai.relais.test`,
              firstName: 'Audit',
              lastName: 'Essai',
              profession: 'OTHER',
              roles: ['CELL_MEMBER'],
            },
          },
        }),
      ],
      [
        'grantRole',
        () => ({
          query: 'mutation ($i: GrantRoleInput!) { grantRole(input: $i) { id } }',
          variables: {
            i: { territoryId: territory.id, userId: sessions.CELL_MEMBER.userId, role: 'AUDITOR' },
          },
        }),
      ],
      [
        'revokeRole',
        () => ({
          query: 'mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { id } }',
          variables: {
            i: { territoryId: territory.id, userId: sessions.CELL_MEMBER.userId, role: 'CELL_MEMBER' },
          },
        }),
      ],
      [
        'suspendMembership',
        () => ({
          query: 'mutation ($i: MembershipTargetInput!) { suspendMembership(input: $i) { id } }',
          variables: { i: { territoryId: territory.id, userId: sessions.CELL_MEMBER.userId } },
        }),
      ],
      [
        'reactivateMembership',
        () => ({
          query: 'mutation ($i: MembershipTargetInput!) { reactivateMembership(input: $i) { id } }',
          variables: { i: { territoryId: territory.id, userId: sessions.CELL_MEMBER.userId } },
        }),
      ],
      [
        'publishCharter',
        () => ({
          query: 'mutation ($i: PublishCharterInput!) { publishCharter(input: $i) { id } }',
          variables: {
            i: {
              territoryId: territory.id,
              kind: 'RULES',
              title: 'Règlement intérieur',
              body: 'Les membres de la cellule respectent le secret partagé.',
            },
          },
        }),
      ],
    ];

    it.each(calls)('%s is FORBIDDEN to the auditor and changes nothing', async (name, call) => {
      const before = (await eventsOf(territory.id)).length;
      const { query, variables } = call();
      const response = await auditor.client.request(query, variables);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // The only trace is the refusal itself, as a security event.
      const added = (await eventsOf(territory.id)).slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ action: 'SECURITY_MUTATION_REFUSED', actorUserId: auditor.userId });
      expect(added[0].details).toMatchObject({ operation: name, answer: 'FORBIDDEN' });
    });
  });

  describe('the chain', () => {
    it('verifies as intact over GraphQL, for the auditor only', async () => {
      await createOrganisation(admin.client, territory.id);
      const data = await auditor.client.expectData<{ auditChainVerification: ChainReport }>(VERIFY, {
        t: territory.id,
      });
      expect(data.auditChainVerification).toMatchObject({
        valid: true,
        firstBrokenSequence: null,
        problem: null,
      });
      expect(data.auditChainVerification.checkedEvents).toBeGreaterThanOrEqual(2);
      const refused = await admin.client.request(VERIFY, { t: territory.id });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('stays whole, without gaps, under concurrent writers', async () => {
      const busy = await api.factory.territory();
      const busyAdmin = await api.factory.user({ territory: busy, roles: [Role.TERRITORY_ADMIN] });
      const { client } = await logInClient(api.anonymous, busyAdmin.email, busyAdmin.password);
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          createOrganisation(client, busy.id, uniqueName(`Lot ${index}`)),
        ),
      );
      for (const response of responses) expect(response.errors).toBeUndefined();

      const events = await eventsOf(busy.id);
      expect(events.map((event) => Number(event.sequence))).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
      expect(await api.app.get(AuditChainVerifier).verify(api.dataSource.manager, busy.id)).toMatchObject({
        valid: true,
        checkedEvents: 10,
      });
    });

    it('reports the first altered event after tampering past the trigger', async () => {
      // A chain of several events: the alteration sits in the middle of it.
      await createOrganisation(admin.client, territory.id);
      const events = await eventsOf(territory.id);
      expect(events.length).toBeGreaterThanOrEqual(3);
      const victim = events[1];

      // Only a superuser can silence the append-only trigger; the chain still tells.
      await api.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL session_replication_role = replica');
        await manager.query(`UPDATE audit_events SET details = '{"x":1}' WHERE id = $1`, [victim.id]);
      });

      const report = await api.app.get(AuditChainVerifier).verify(api.dataSource.manager, territory.id);
      expect(report).toMatchObject({
        valid: false,
        checkedEvents: Number(victim.sequence) - 1,
        firstBroken: { sequence: victim.sequence, eventId: victim.id, problem: 'HASH_MISMATCH' },
      });

      const data = await auditor.client.expectData<{ auditChainVerification: ChainReport }>(VERIFY, {
        t: territory.id,
      });
      expect(data.auditChainVerification).toEqual({
        valid: false,
        checkedEvents: Number(victim.sequence) - 1,
        firstBrokenSequence: victim.sequence,
        firstBrokenEventId: victim.id,
        problem: 'HASH_MISMATCH',
      });
    });
  });
});
