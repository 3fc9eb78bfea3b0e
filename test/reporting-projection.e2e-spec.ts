import { INestApplicationContext } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Role } from '@relais/access';
import { parisDate, processEnvironment } from '@relais/config';
import { OutboxConsumer, OutboxEvent } from '@relais/outbox';
import {
  PROJECTION_ENTITIES,
  ProjectionRebuilder,
  REPORTING_CONSUMER,
  ReportingConsumer,
  ReportingProjector,
} from '@relais/reporting';
import { EntityManager } from 'typeorm';
import { IsolatedDatabase, logInClient, provisionIsolatedDatabase, testConfig } from '@relais/testing';
import { createWorker } from '@relais/worker';
import { RunningApi, startApi } from './support/api-harness';
import { recordAct, trinomeFollowUp } from './support/follow-up-fixtures';
import { HELD_MEETING_TEXTS, holdMeeting } from './support/held-meeting';
import { PUBLISH_MINUTES } from './support/meeting-documents';
import { eventually } from './support/reminder-fixtures';

const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerHandoffInput!) {
    answerHandoff(input: $input) {
      id
    }
  }
`;
const CLOSE = /* GraphQL */ `
  mutation ($s: ID!) {
    closeSituation(situationId: $s, reason: NO_LONGER_COMPLEX) {
      id
    }
  }
`;
const END = /* GraphQL */ `
  mutation ($f: ID!) {
    endFollowUp(followUpId: $f) {
      id
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($id: ID!) {
    withdrawConsent(consentId: $id) {
      id
    }
  }
`;
const CREATE_USER = /* GraphQL */ `
  mutation ($i: CreateUserInput!) {
    createUser(input: $i) {
      user {
        id
      }
    }
  }
`;

type Row = Record<string, unknown>;

/** Applies an event, says so, then keeps its transaction open until released. */
class HeldProjector extends ReportingProjector {
  readonly applied: Promise<void>;
  private markApplied!: () => void;

  constructor(private readonly release: Promise<void>) {
    super();
    this.applied = new Promise((resolve) => (this.markApplied = resolve));
  }

  override async project(manager: EntityManager, stored: OutboxEvent): Promise<boolean> {
    const applied = await super.project(manager, stored);
    this.markApplied();
    await this.release;
    return applied;
  }
}

/** A `date` column as written: the driver reads it as local midnight. */
const day = (value: Date) =>
  `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;

/**
 * The activity report's projection, kept by the worker from the outbox as people work through the
 * api: what it holds, that a redelivered event changes nothing, that a rebuild from the outbox
 * history gives the same rows, and that no row holds a person's identity or anything written.
 */
describe('reporting projection', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    const fast = { OUTBOX_POLL_MS: '100', RECONCILE_EVERY_MS: '500' };
    api = await startApi({ ...isolated.environment, ...fast });
    worker = await createWorker(testConfig({ ...isolated.environment, ...fast, LOG_LEVEL: 'silent' }), {
      clock: api.clock,
    });
    await worker.init();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await isolated?.drop();
  });

  const tables = () => PROJECTION_ENTITIES.map((entity) => api.dataSource.getMetadata(entity).tableName);

  /** Every projection row of the territory, table by table, in key order. */
  async function projection(territoryId: string): Promise<Record<string, Row[]>> {
    const snapshot: Record<string, Row[]> = {};
    for (const table of tables()) {
      const rows = (await api.dataSource.query(
        `SELECT * FROM ${table} WHERE territory_id = $1 ORDER BY 1, 2, 3`,
        [territoryId],
      )) as Row[];
      snapshot[table] = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => [column, value instanceof Date ? day(value) : value]),
        ),
      );
    }
    return snapshot;
  }

  /** Waits until the worker has projected every event of the territory. */
  async function projected(territoryId: string): Promise<Record<string, Row[]>> {
    await eventually(
      async () =>
        (
          (await api.dataSource.query(
            `SELECT count(*)::int AS left FROM outbox_events e WHERE e.territory_id = $1
                AND NOT EXISTS (SELECT 1 FROM outbox_consumptions c WHERE c.event_id = e.id AND c.consumer = $2)`,
            [territoryId, REPORTING_CONSUMER],
          )) as { left: number }[]
        )[0].left,
      (left) => left === 0,
      60_000,
    );
    return projection(territoryId);
  }

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  /** Text that names or describes a person or a situation: none may reach the projection. */
  function assertNoIdentityNorText(snapshot: Record<string, Row[]>, forbidden: string[]): void {
    const values = Object.values(snapshot).flatMap((rows) => rows.flatMap((row) => Object.values(row)));
    for (const value of values.flatMap((value) => (Array.isArray(value) ? value : [value]))) {
      if (typeof value !== 'string') continue;
      // Ids, codes and days only.
      expect(value).toMatch(/^([0-9a-f-]{36}|[A-Z][A-Z0-9_]*(:\d+)?|\d{4}-\d{2}-\d{2})$/);
      // A random id may hold any four digits (a birth year among them): it names no one.
      if (UUID.test(value)) continue;
      for (const text of forbidden) expect(value).not.toContain(text);
    }
  }

  it('counts a held meeting: referrals by kind, examinations, actions, attendance by partner kind, closures', async () => {
    const held = await holdMeeting(api, 'Projection');
    const { coordinator } = held.accounts;
    await coordinator.client.expectData(PUBLISH_MINUTES, { m: held.meetingId });
    const [social] = (await api.dataSource.query(`SELECT situation_id FROM agenda_items WHERE id = $1`, [
      held.items.social.id,
    ])) as { situation_id: string }[];
    await coordinator.client.expectData(CLOSE, { s: social.situation_id });
    const admin = await api.factory.user({
      territory: { id: held.territoryId } as never,
      roles: [Role.TERRITORY_ADMIN],
    });
    const { client: adminClient } = await logInClient(api.anonymous, admin.email, admin.password);
    await adminClient.expectData(CREATE_USER, {
      i: {
        territoryId: held.territoryId,
        organisationId: held.organisations.cmp.id,
        email: `projection-${Date.now()}@essai.relais.test`,
        firstName: 'Agathe',
        lastName: 'Projection',
        profession: 'PSYCHIATRIC_NURSE',
        roles: ['CELL_MEMBER'],
      },
    });

    const rows = await projected(held.territoryId);
    const [meeting] = rows.report_meetings as { planned_on: string; held_on: string; items: number }[];
    expect(meeting.held_on).toBe(meeting.planned_on);
    expect(meeting.items).toBe(2);
    const referrals = rows.report_referrals as Row[];
    expect(referrals.map((row) => row.referrer_kind).sort()).toEqual(['HOUSING', 'SOCIAL']);
    for (const referral of referrals) {
      expect(referral).toMatchObject({
        difficulty_areas: ['HOUSING_DEBT', 'ISOLATION'],
        urgency: 'MEDIUM',
        urgent: false,
        admissibility: 'ADMISSIBLE',
        outcome: 'ACCEPTED',
        status: 'ACCEPTED',
        first_examined_on: meeting.planned_on,
        examinations: 1,
      });
      expect(referral.submitted_on).toBe(parisDate(api.clock.now()));
    }
    expect(rows.report_examinations).toHaveLength(2);
    expect((rows.report_actions as Row[]).map((row) => [row.owner_kind, row.status]).sort()).toEqual([
      ['HOUSING', 'TODO'],
      ['PSYCHIATRY', 'TODO'],
      ['SOCIAL', 'TODO'],
    ]);
    // The four partners were invited (the landlord to its item) and in the room.
    expect(
      (rows.report_meeting_attendance as Row[]).map((row) => [
        row.organisation_kind,
        row.invited,
        row.present,
      ]),
    ).toEqual([
      ['HOUSING', 1, 1],
      ['MUNICIPAL', 1, 1],
      ['PSYCHIATRY', 1, 1],
      ['SOCIAL', 1, 1],
    ]);
    expect((rows.report_consents as Row[]).map((row) => row.status)).toEqual(['GIVEN', 'GIVEN']);
    const closed = (rows.report_situations as Row[]).find((row) => row.situation_id === social.situation_id);
    expect(closed).toMatchObject({
      closure_reason: 'NO_LONGER_COMPLEX',
      closed_on: parisDate(api.clock.now()),
    });
    expect(rows.report_situations.every((row) => row.opened_on)).toBe(true);
    expect(rows.report_memberships).toEqual([
      expect.objectContaining({
        organisation_kind: 'PSYCHIATRY',
        roles: ['CELL_MEMBER'],
        active_until: null,
      }),
    ]);

    assertNoIdentityNorText(rows, [
      'Ferrand',
      'Lucie',
      'Lemoine',
      '1961',
      'Agathe',
      ...Object.values(HELD_MEETING_TEXTS),
    ]);

    // Delivered again (a job retried after a crash): the consumption row makes it a no-op.
    const [examined] = await api.dataSource.getRepository(OutboxEvent).find({
      where: { territoryId: held.territoryId, type: 'meeting.item_examined' },
    });
    const again = await worker.get(ReportingConsumer, { strict: false }).handle(examined.id);
    expect(again).toEqual({ handled: false, reason: 'ALREADY_HANDLED' });
    expect(await projection(held.territoryId)).toEqual(rows);

    // Rebuilt from the outbox history alone, the projection is the same.
    const rebuilt = await worker.get(ProjectionRebuilder, { strict: false }).rebuild(held.territoryId);
    expect(rebuilt.events).toBeGreaterThan(10);
    expect(await projection(held.territoryId)).toEqual(rows);
  }, 180_000);

  it('counts a trinôme follow-up: acts at home, the hand-off to the CMP, its end', async () => {
    const f = await trinomeFollowUp(api);
    await recordAct(api, f, f.accounts.educator, { type: 'HOME_VISIT', note: 'Logement encombré' });
    await recordAct(api, f, f.accounts.nurse, { type: 'PHONE' });
    const { proposeHandoff } = await f.accounts.educator.client.expectData<{
      proposeHandoff: { id: string };
    }>(PROPOSE, {
      input: {
        situationId: f.situationId,
        followUpId: f.followUpId,
        receivingOrganisationId: f.organisations.cmp.id,
        cmpFollowUpStatus: 'APPOINTMENT_SET',
        evictionProcedureState: 'SUMMONS',
        rightsOpened: [],
        personAgreed: true,
        residualRisks: 'Risque de rupture de soins',
      },
    });
    await f.accounts.nurse.client.expectData(ANSWER, {
      input: { handoffId: proposeHandoff.id, accept: true },
    });
    await f.accounts.coordinator.client.expectData(END, { f: f.followUpId });
    const [consent] = (await api.dataSource.query(`SELECT id FROM consents WHERE referral_id = $1`, [
      f.referralId,
    ])) as { id: string }[];
    await f.accounts.bailleur.client.expectData(WITHDRAW, { id: consent.id });

    const rows = await projected(f.territory.id);
    const today = parisDate(api.clock.now());
    expect(rows.report_follow_ups).toEqual([
      expect.objectContaining({
        follow_up_id: f.followUpId,
        situation_id: f.situationId,
        kind: 'ASSESSMENT',
        acts: 2,
        acts_at_home: 1,
        renewals: 0,
        ended_on: today,
        housed_at_end: true,
      }),
    ]);
    expect(rows.report_handoffs).toEqual([
      expect.objectContaining({
        follow_up_id: f.followUpId,
        status: 'ACCEPTED',
        receiver_kind: 'PSYCHIATRY',
        cmp_follow_up: 'APPOINTMENT_SET',
        eviction_state: 'SUMMONS',
        proposed_on: today,
        answered_on: today,
      }),
    ]);
    expect(rows.report_situations).toEqual([
      expect.objectContaining({ situation_id: f.situationId, last_contact_on: today }),
    ]);
    expect(rows.report_consents).toEqual([
      expect.objectContaining({ consent_id: consent.id, status: 'WITHDRAWN', withdrawn_on: today }),
    ]);
    assertNoIdentityNorText(rows, ['Yves', 'Relais', '1966', 'Logement encombré', 'Risque']);

    // Rebuilt by the operator's command, the projection is the same.
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/reporting-rebuild.ts', f.territory.id],
        {
          cwd: resolve(__dirname, '..'),
          env: { ...processEnvironment(), ...isolated.environment, NODE_ENV: 'test' },
          timeout: 40_000,
        },
        (_error, out) => done({ code: child.exitCode, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/projection reconstruite à partir de \d+ événement\(s\)/);
    expect(await projection(f.territory.id)).toEqual(rows);
  }, 180_000);

  it('counts an examination and the acceptance of its referral handled at the same moment', async () => {
    const territory = await api.factory.territory({ name: 'Projection concurrente' });
    const situationId = randomUUID();
    const examinedOn = parisDate(api.clock.now());
    // Stamped as published in a far future: the running worker's relay and reconciler leave them be.
    const event = async (type: string, subjectType: string, payload: Row) => {
      const [row] = (await api.dataSource.query(
        `INSERT INTO outbox_events (territory_id, type, subject_type, subject_id, payload, occurred_at, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, '2999-01-01') RETURNING id`,
        [territory.id, type, subjectType, randomUUID(), JSON.stringify(payload), api.clock.now()],
      )) as { id: string }[];
      return row.id;
    };
    const accepted = await event('referral.accepted', 'Referral', {
      personId: randomUUID(),
      status: 'ACCEPTED',
      situationId,
      opened: true,
    });
    const examined = await event('meeting.item_examined', 'Meeting', {
      agendaItemId: randomUUID(),
      situationId,
      itemKind: 'NEW',
      presentation: 1,
      examinedOn,
    });

    let release!: () => void;
    const held = new HeldProjector(new Promise((resolve) => (release = resolve)));
    const outbox = worker.get(OutboxConsumer, { strict: false });
    const examining = new ReportingConsumer(outbox, held).handle(examined);
    await held.applied;
    // The examination is written, not committed: the acceptance waits for it rather than miss it.
    const accepting = worker.get(ReportingConsumer, { strict: false }).handle(accepted);
    const first = await Promise.race([
      accepting.then(() => 'acceptance'),
      new Promise((resolve) => setTimeout(() => resolve('examination'), 500)),
    ]);
    release();
    expect(await examining).toEqual({ handled: true, result: true });
    expect(await accepting).toEqual({ handled: true, result: true });

    const [referral] = (await api.dataSource.query(
      `SELECT examinations, first_examined_on::text AS first_examined_on FROM report_referrals
        WHERE territory_id = $1`,
      [territory.id],
    )) as { examinations: number; first_examined_on: string }[];
    expect(referral).toEqual({ examinations: 1, first_examined_on: examinedOn });
    expect(first).toBe('examination');
  }, 60_000);
});
