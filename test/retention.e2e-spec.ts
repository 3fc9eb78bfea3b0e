import { Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { RetentionLifecycleService, RetentionStepKind } from '@relais/reporting';
import { ActionOrigin, ActionStatus, SituationAction } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { processEnvironment } from '@relais/config';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { RunningApi, startApi } from './support/api-harness';
import { UPDATE_ACTION } from './support/meeting-documents';
import { recordConsent, referPerson, submitAndAccept } from './support/referral-journey';

const CLOSE = `mutation ($id: ID!) { closeSituation(situationId: $id, reason: NO_LONGER_COMPLEX) { status } }`;
const SITUATION = `query ($id: ID!) { situation(situationId: $id) { id } }`;
const SITUATIONS = `query ($t: ID!) { situations(territoryId: $t, first: 100) { edges { node { id } } } }`;
const ARCHIVED = /* GraphQL */ `
  query ($t: ID!) {
    archivedSituations(territoryId: $t, first: 10) {
      edges {
        node {
          id
          caseCode
          retentionState
          closedAt
          archivedAt
          anonymisedAt
          anonymiseOn
          underLegalHold
          redactedFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
const PLAN = /* GraphQL */ `
  query ($t: ID!) {
    retentionPlan(territoryId: $t) {
      steps {
        kind
        situationId
        caseCode
        held
        events
        description
      }
    }
  }
`;
const POLICY = /* GraphQL */ `
  query ($t: ID!) {
    retentionPolicy(territoryId: $t) {
      activeMonths
      archiveMonths
      auditMonths
      usesDefaults
      periods {
        period
        months
        minMonths
        legalBasis
      }
      legalHolds {
        scope
        situationId
        reason
        placedByUserId
      }
    }
  }
`;
const UPDATE_POLICY = /* GraphQL */ `
  mutation ($input: UpdateRetentionPolicyInput!) {
    updateRetentionPolicy(input: $input) {
      auditMonths
      usesDefaults
    }
  }
`;
const HOLD = /* GraphQL */ `
  mutation ($input: PlaceLegalHoldInput!) {
    placeLegalHold(input: $input) {
      id
      scope
      situationId
    }
  }
`;
const VERIFY = `query ($t: ID!) { auditChainVerification(territoryId: $t) { valid checkedEvents problem } }`;

const MONTH = 31 * 86_400_000;

interface Account {
  email: string;
  password: string;
  client: GraphqlClient;
}

/**
 * Runs one territory at a time (`runTerritory`): the run database is shared with other suites,
 * whose data the moved clock must not age. The retention lifecycle with a moved clock: a situation built and closed through the api leaves
 * the active base two years after the last contact (archived: read-only, gone from every list and
 * every other reader, read by the coordination on request), is anonymised five years later
 * (identity and free texts gone from the tables, case code kept), unless a legal hold stops it;
 * audit events past twelve months are purged, except those under a legal hold, and the chain still
 * verifies. A second run does nothing; the dry run lists without changing anything.
 */
describe('the retention lifecycle', () => {
  let api: RunningApi;
  let territory: Territory;
  let bailleur: Organisation;
  const as = {} as Record<'coordinator' | 'officer' | 'admin' | 'auditor', Account>;
  let lifecycle: RetentionLifecycleService;
  let closed: { situationId: string; personId: string; caseCode: string; actionId: string };
  let heldOne: { situationId: string; personId: string; caseCode: string };

  const logInAll = async () => {
    for (const account of Object.values(as)) {
      account.client = (await logInClient(api.anonymous, account.email, account.password)).client;
    }
  };
  const account = async (
    organisation: Organisation,
    profession: Profession,
    roles: Role[],
  ): Promise<Account> => {
    const user = await api.factory.user({ territory, organisation, profession, roles });
    return { email: user.email, password: user.password, client: api.anonymous };
  };
  const refer = async (lastName: string) => {
    const referral = await referPerson(as.officer.client, {
      territoryId: territory.id,
      person: { firstName: 'Odette', lastName, birthDate: '1951-02-03', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: [],
        questionToCell: `Madame ${lastName} ne répond plus au bailleur.`,
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await recordConsent(as.officer.client, api, referral.id, { organisationIds: [bailleur.id] });
    const situationId = await submitAndAccept(as.officer.client, as.coordinator.client, referral.id);
    return { situationId, personId: referral.person.id, caseCode: referral.person.caseCode };
  };
  const count = async (sql: string, parameters: unknown[]) =>
    Number(((await api.dataSource.query(sql, parameters)) as { n: string }[])[0].n);
  const auditEvents = () =>
    count(`SELECT count(*) AS n FROM audit_events WHERE territory_id = $1`, [territory.id]);
  const verify = async () =>
    (
      await as.auditor.client.expectData<{
        auditChainVerification: { valid: boolean; checkedEvents: number; problem: string | null };
      }>(VERIFY, { t: territory.id })
    ).auditChainVerification;

  beforeAll(async () => {
    api = await startApi();
    lifecycle = api.app.get(RetentionLifecycleService);
    territory = await api.factory.territory();
    bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    as.coordinator = await account(clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    as.officer = await account(bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    as.admin = await account(clsm, Profession.ADMINISTRATIVE_STAFF, [Role.TERRITORY_ADMIN]);
    as.auditor = await account(clsm, Profession.ADMINISTRATIVE_STAFF, [Role.AUDITOR]);
    await logInAll();

    const first = await refer('Durand-Archive');
    const action = await api.dataSource.getRepository(SituationAction).save({
      territoryId: territory.id,
      personId: first.personId,
      situationId: first.situationId,
      description: 'Rendre visite à Madame Durand-Archive',
      ownerOrganisationId: bailleur.id,
      ownerUserId: null,
      dueOn: '2026-12-31',
      status: ActionStatus.TODO,
      origin: ActionOrigin.DECISION,
      originId: randomUUID(),
      outcome: null,
      createdAt: new Date(),
    });
    closed = { ...first, actionId: action.id };
    heldOne = await refer('Martin-Gel');
    for (const situationId of [closed.situationId, heldOne.situationId]) {
      await as.coordinator.client.expectData(CLOSE, { id: situationId });
    }
  });
  afterAll(() => api.close());

  it('states the defaults with their legal basis, refuses an audit log kept under six months, and keeps a legal hold', async () => {
    const { retentionPolicy } = await as.coordinator.client.expectData<{
      retentionPolicy: {
        activeMonths: number;
        archiveMonths: number;
        auditMonths: number;
        usesDefaults: boolean;
        periods: { period: string; months: number; minMonths: number; legalBasis: string }[];
      };
    }>(POLICY, { t: territory.id });
    expect(retentionPolicy).toMatchObject({
      activeMonths: 24,
      archiveMonths: 60,
      auditMonths: 12,
      usesDefaults: true,
    });
    expect(retentionPolicy.periods.find((period) => period.period === 'AUDIT')).toMatchObject({
      months: 12,
      minMonths: 6,
      legalBasis: expect.stringContaining('CNIL'),
    });

    const input = { territoryId: territory.id, activeMonths: 24, archiveMonths: 60, auditMonths: 5 };
    const tooShort = await as.admin.client.request(UPDATE_POLICY, { input });
    expect(tooShort.errors?.[0]).toMatchObject({
      message: 'Ces durées de conservation ne peuvent pas être enregistrées.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: expect.arrayContaining([
          {
            field: 'auditMonths',
            message: 'La conservation du journal d’audit ne peut pas être inférieure à 6 mois.',
          },
        ]),
      },
    });
    const byCoordinator = await as.coordinator.client.request(UPDATE_POLICY, {
      input: { ...input, auditMonths: 12 },
    });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The administrator keeps the defaults (no justification needed): audited like any change.
    const kept = await as.admin.client.expectData<{ updateRetentionPolicy: { usesDefaults: boolean } }>(
      UPDATE_POLICY,
      { input: { ...input, auditMonths: 12 } },
    );
    expect(kept.updateRetentionPolicy.usesDefaults).toBe(true);

    await as.coordinator.client.expectData(HOLD, {
      input: {
        territoryId: territory.id,
        scope: 'SITUATION',
        situationId: heldOne.situationId,
        reason: 'Procédure TJ n° 26/00042',
      },
    });
    const { retentionPolicy: withHold } = await as.admin.client.expectData<{
      retentionPolicy: { legalHolds: { scope: string; situationId: string }[] };
    }>(POLICY, { t: territory.id });
    expect(withHold.legalHolds).toEqual([
      expect.objectContaining({ scope: 'SITUATION', situationId: heldOne.situationId }),
    ]);
  });

  it('archives the closed situation two years after the last contact: read-only, gone for everyone but the coordinator on request; audit events past twelve months purged but those under the hold', async () => {
    expect(
      (await as.officer.client.expectData(SITUATION, { id: closed.situationId })).situation,
    ).toBeTruthy();
    const heldEvents = await count(
      `SELECT count(*) AS n FROM audit_events WHERE territory_id = $1 AND (person_id = $2 OR subject_id = $3)`,
      [territory.id, heldOne.personId, heldOne.situationId],
    );
    expect(heldEvents).toBeGreaterThan(0);
    // A month short of two years: nothing to archive yet, but every event is past twelve months —
    // purged, except those the legal hold keeps; the chain still verifies from the first one kept.
    api.clock.advance(23 * MONTH);
    await logInAll();
    const early = await lifecycle.runTerritory(territory.id, { dryRun: false });
    expect(early.steps.map((step) => step.kind)).toEqual([RetentionStepKind.PURGE_AUDIT_EVENTS]);
    const old = await count(
      `SELECT count(*) AS n FROM audit_events WHERE territory_id = $1 AND occurred_at < $2`,
      [territory.id, new Date(api.clock.now().getTime() - 12 * MONTH)],
    );
    expect(old).toBe(heldEvents);
    expect(await verify()).toMatchObject({ valid: true, problem: null });

    api.clock.advance(2 * MONTH);
    await logInAll();
    const before = await auditEvents();

    // The dry run lists, and changes nothing.
    const { retentionPlan } = await as.coordinator.client.expectData<{
      retentionPlan: {
        steps: {
          kind: string;
          caseCode: string | null;
          held: boolean;
          events: number;
          description: string;
        }[];
      };
    }>(PLAN, { t: territory.id });
    expect(retentionPlan.steps.map((step) => [step.kind, step.caseCode]).sort()).toEqual(
      [
        [RetentionStepKind.ARCHIVE_SITUATION, closed.caseCode],
        [RetentionStepKind.ARCHIVE_SITUATION, heldOne.caseCode],
      ].sort(),
    );
    expect(retentionPlan.steps.map((step) => step.description)).toContainEqual(
      expect.stringContaining(`Archiver la situation ${closed.caseCode} : close, dernier contact le`),
    );
    const dry = await lifecycle.runTerritory(territory.id, { dryRun: true });
    expect(dry.steps).toHaveLength(2);
    expect(await auditEvents()).toBe(before);
    expect(
      await count(`SELECT count(*) AS n FROM situations WHERE id = $1 AND retention_state = 'ACTIVE'`, [
        closed.situationId,
      ]),
    ).toBe(1);
    const officerPlan = await as.officer.client.request(PLAN, { t: territory.id });
    expect(officerPlan.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await lifecycle.runTerritory(territory.id, { dryRun: false });

    // Archived: the referrer no longer finds it, the coordinator's list leaves it out…
    const gone = await as.officer.client.request(SITUATION, { id: closed.situationId });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listed = await as.coordinator.client.expectData<{
      situations: { edges: { node: { id: string } }[] };
    }>(SITUATIONS, { t: territory.id });
    expect(listed.situations.edges).toEqual([]);
    const direct = await as.coordinator.client.request(SITUATION, { id: closed.situationId });
    expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // … and reads it on request, read-only.
    const { archivedSituations } = await as.coordinator.client.expectData<{
      archivedSituations: { edges: { node: Record<string, unknown> }[] };
    }>(ARCHIVED, { t: territory.id });
    expect(archivedSituations.edges.map(({ node }) => node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: closed.situationId,
          caseCode: closed.caseCode,
          retentionState: 'ARCHIVED',
          anonymisedAt: null,
          underLegalHold: false,
          redactedFields: [],
        }),
        expect.objectContaining({ id: heldOne.situationId, underLegalHold: true }),
      ]),
    );
    const refusedArchive = await as.officer.client.request(ARCHIVED, { t: territory.id });
    expect(refusedArchive.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const change = await as.coordinator.client.request(UPDATE_ACTION, {
      input: { actionId: closed.actionId, status: 'DONE' },
    });
    expect(change.errors?.[0]).toMatchObject({
      message: 'Cette situation est archivée : elle ne peut plus être modifiée.',
      extensions: { code: 'CONFLICT' },
    });
    const byOwner = await as.officer.client.request(UPDATE_ACTION, {
      input: { actionId: closed.actionId, status: 'DONE' },
    });
    expect(byOwner.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Every step is audited, with ids and periods only; the chain holds.
    const steps = (await api.dataSource.query(
      `SELECT action, details FROM audit_events WHERE territory_id = $1 AND action IN ('SITUATION_ARCHIVED', 'AUDIT_EVENTS_PURGED')`,
      [territory.id],
    )) as { action: string; details: object }[];
    expect(steps.map((step) => step.action).sort()).toEqual([
      'AUDIT_EVENTS_PURGED',
      'SITUATION_ARCHIVED',
      'SITUATION_ARCHIVED',
    ]);
    expect(JSON.stringify(steps)).not.toMatch(/Durand|Odette|Martin/);
    expect(await verify()).toMatchObject({ valid: true, problem: null });

    // Running again does nothing more.
    const after = await auditEvents();
    expect((await lifecycle.runTerritory(territory.id, { dryRun: false })).steps).toEqual([]);
    expect(await auditEvents()).toBe(after);
  });

  it('anonymises it five years after archiving — identity and free texts gone from the tables, case code kept — but not the one under a legal hold', async () => {
    api.clock.advance(61 * MONTH);
    await logInAll();
    // A hold on the territory's audit log: the archiving events, now past twelve months, stay.
    await as.admin.client.expectData(HOLD, {
      input: { territoryId: territory.id, scope: 'AUDIT_LOG', reason: 'Contrôle CNIL en cours' },
    });
    const pastPeriod = () =>
      count(`SELECT count(*) AS n FROM audit_events WHERE territory_id = $1 AND occurred_at < $2`, [
        territory.id,
        new Date(api.clock.now().getTime() - 12 * MONTH),
      ]);
    const oldBefore = await pastPeriod();
    const plan = await lifecycle.runTerritory(territory.id, { dryRun: true });
    expect(plan.steps.find((step) => step.kind === RetentionStepKind.PURGE_AUDIT_EVENTS)).toMatchObject({
      held: true,
      description: expect.stringContaining('Purge du journal d’audit suspendue'),
    });
    const anonymising = plan.steps.filter((step) => step.kind === RetentionStepKind.ANONYMISE_SITUATION);
    expect(anonymising).toHaveLength(2);
    expect(anonymising).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ situationId: closed.situationId, held: false }),
        expect.objectContaining({ situationId: heldOne.situationId, held: true }),
      ]),
    );
    await lifecycle.runTerritory(territory.id, { dryRun: false });
    expect(await pastPeriod()).toBe(oldBefore);

    const person = (await api.dataSource.query(
      `SELECT p.case_code, p.initials, s.retention_state,
              (SELECT count(*) FROM person_identities i WHERE i.person_id = p.id)::int AS identities,
              (SELECT string_agg(coalesce(r.question_to_cell, ''), '') FROM referrals r WHERE r.person_id = p.id) AS questions,
              (SELECT string_agg(a.description, '') FROM situation_actions a WHERE a.situation_id = s.id) AS actions
         FROM persons p JOIN situations s ON s.person_id = p.id WHERE s.id = $1`,
      [closed.situationId],
    )) as Record<string, unknown>[];
    expect(person).toEqual([
      {
        case_code: closed.caseCode,
        initials: '',
        retention_state: 'ANONYMISED',
        identities: 0,
        questions: '',
        actions: '',
      },
    ]);
    const held = (await api.dataSource.query(
      `SELECT s.retention_state, (SELECT count(*) FROM person_identities i WHERE i.person_id = s.person_id)::int AS identities
         FROM situations s WHERE s.id = $1`,
      [heldOne.situationId],
    )) as Record<string, unknown>[];
    expect(held).toEqual([{ retention_state: 'ARCHIVED', identities: 1 }]);

    const { archivedSituations } = await as.coordinator.client.expectData<{
      archivedSituations: { edges: { node: { id: string; retentionState: string; caseCode: string } }[] };
    }>(ARCHIVED, { t: territory.id });
    expect(archivedSituations.edges.find(({ node }) => node.id === closed.situationId)?.node).toMatchObject({
      retentionState: 'ANONYMISED',
      caseCode: closed.caseCode,
    });
    expect(await verify()).toMatchObject({ valid: true, problem: null });

    const after = await auditEvents();
    const again = await lifecycle.runTerritory(territory.id, { dryRun: false });
    expect(again.steps.filter((step) => !step.held)).toEqual([]);
    expect(await auditEvents()).toBe(after);

    // The purge's signed anchor vouches for the events it kept: one removed since breaks the chain.
    await api.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(
        `DELETE FROM audit_events WHERE id = (SELECT id FROM audit_events WHERE territory_id = $1 AND person_id = $2 ORDER BY sequence LIMIT 1)`,
        [territory.id, heldOne.personId],
      );
    });
    expect(await verify()).toMatchObject({ valid: false, problem: 'MISSING_EVENT' });
  });

  it('runs as an operator’s command: `npm run retention -- --dry-run` lists in French and changes nothing', async () => {
    const before = await auditEvents();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/retention.ts', '--dry-run'],
        {
          cwd: resolve(__dirname, '..'),
          env: { ...processEnvironment(), NODE_ENV: 'test' },
          timeout: 25_000,
        },
        (_error, out) => done({ code: child.exitCode, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Simulation : rien n’est modifié.');
    expect(stdout).toMatch(/territoire\(s\) ; \d+ situation\(s\) à archiver/);
    expect(await auditEvents()).toBe(before);
  }, 30_000);
});
