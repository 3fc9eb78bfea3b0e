/**
 * What a request costs through the real api over HTTP, with the plans of marked statements kept
 * per connection (`/* prepared:<name> *\/`, DATABASE_PREPARED_STATEMENTS=on) or planned again
 * every time (off). Two apis run side by side on the same database, one per setting, and are
 * loaded in turn, round by round (on then off, then off then on), so the machine's noise hits
 * both alike. Two reads of a coordinator: the agenda of a meeting with 40 items, and a page of 50
 * situations; each at 8 and at 32 requests in flight. Printed: requests per second, round trips
 * to Postgres per request (statements on the api's connection: each one is a round trip), and
 * the ratio on/off.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi, startApi } from '../test/support/api-harness';
import { AGENDA } from '../test/support/meeting-documents';
import { planMeeting, seedAgendaItem } from '../test/support/referral-journey';

const AGENDA_ITEMS = 40;
const PAGE = 50;
const CONCURRENCY = [8, 32];
const ROUNDS = 6;
const ROUND_MS = 2_000;
const WARM_UP_MS = 2_000;
const REPLAYS = 200;
const DAY = 24 * 60 * 60 * 1000;

const SITUATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!) {
    situations(territoryId: $t, first: $first) {
      edges {
        node {
          id
          person {
            caseCode
            pseudonym
          }
          status
          referrerKinds
          openActionCount
          nextActionDueOn
          nextStep
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

type Setting = 'on' | 'off';
interface Workload {
  name: string;
  body: string;
  check(data: Record<string, unknown>): boolean;
}

/** Statements per api connection, counted on TypeORM's query runner (what the api sends), and the marked ones. */
const statements = new Map<DataSource, { all: number; marked: number }>();
/** While set, the statements (text and parameters) the api of `capture.connection` sends. */
let capture: { connection: DataSource; statements: [string, unknown[]][] } | undefined;
function countStatements(): void {
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function counted(this: PostgresQueryRunner, ...args) {
    if (capture?.connection === this.connection) capture.statements.push([args[0], args[1] ?? []]);
    const count = statements.get(this.connection) ?? { all: 0, marked: 0 };
    count.all += 1;
    if (args[0].startsWith('/* prepared:')) count.marked += 1;
    statements.set(this.connection, count);
    return query.apply(this, args);
  } as typeof query;
}
const countOf = (connection: DataSource) => ({ all: 0, marked: 0, ...statements.get(connection) });

/** One request, checked. */
async function ask(url: string, token: string, workload: Workload): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: workload.body,
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length || !body.data || !workload.check(body.data)) {
    throw new Error(`${workload.name} : réponse inattendue ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** `concurrency` loops sending the same request for `durationMs`; the requests answered. */
async function load(url: string, token: string, workload: Workload, concurrency: number, durationMs: number) {
  const end = Date.now() + durationMs;
  let answered = 0;
  const loop = async () => {
    while (Date.now() < end) {
      await ask(url, token, workload);
      answered += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { answered, seconds: (performance.now() - started) / 1000 };
}

async function seedSituations(api: RunningApi, territoryId: string, organisationId: string) {
  const people = await api.dataSource.getRepository(Person).save(
    Array.from({ length: PAGE + 10 }, () => ({
      territoryId,
      caseCode: newCaseCode(),
      initials: 'A. B.',
      ageBand: AgeBand.AGE_40_49,
      district: 'Nord',
    })),
  );
  const situations = await api.dataSource.getRepository(Situation).save(
    people.map((person, index) => ({
      territoryId,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      closedAt: null,
      closureReason: null,
      nextReviewOn: '2027-01-15',
    })),
  );
  await api.dataSource.getRepository(SituationAction).save(
    situations.map((situation) => ({
      territoryId,
      personId: situation.personId,
      situationId: situation.id,
      description: 'Action',
      ownerOrganisationId: organisationId,
      ownerUserId: null,
      dueOn: '2027-02-01',
      status: ActionStatus.TODO,
      origin: ActionOrigin.DECISION,
      originId: randomUUID(),
      outcome: null,
      createdAt: new Date(),
    })),
  );
}

/**
 * One request's exact statements sent again on one connection of the application's role, every
 * one unnamed (planned each time) or every one named (planned once): what marking all of them
 * would save on the database's side. COMMIT becomes ROLLBACK, so nothing the request wrote stays.
 */
async function replay(url: string, request: [string, unknown[]][]): Promise<Record<Setting, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const sent = request.map(([text, values]) => [text.replace(/^COMMIT$/, 'ROLLBACK'), values] as const);
  const once = async (named: boolean) => {
    const started = performance.now();
    for (const [index, [text, values]] of sent.entries()) {
      const control = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/.test(text);
      await (named && !control
        ? client.query({ name: `replay-${index}`, text, values })
        : client.query(text, values));
    }
    return performance.now() - started;
  };
  const timings: Record<Setting, number[]> = { on: [], off: [] };
  try {
    for (let round = 0; round < 20 + REPLAYS; round += 1) {
      for (const setting of (round % 2 ? ['off', 'on'] : ['on', 'off']) as Setting[]) {
        const milliseconds = await once(setting === 'on');
        if (round >= 20) timings[setting].push(milliseconds);
      }
    }
  } finally {
    await client.end();
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return { on: median(timings.on), off: median(timings.off) };
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  countStatements();
  const apis: Record<Setting, RunningApi> = {
    on: await startApi({ DATABASE_PREPARED_STATEMENTS: 'on', LOG_ACCESS_SAMPLE_RATE: '0' }),
    off: await startApi({ DATABASE_PREPARED_STATEMENTS: 'off', LOG_ACCESS_SAMPLE_RATE: '0' }),
  };
  try {
    const api = apis.on;
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const guest = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const coordinator = await api.factory.user({
      territory,
      organisation: town,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    const { client, session } = await logInClient(api.anonymous, coordinator.email, coordinator.password);
    const meetingId = await planMeeting(client, cell.id, new Date(api.clock.now().getTime() + 30 * DAY));
    for (let position = 1; position <= AGENDA_ITEMS; position += 1) {
      await seedAgendaItem(api.dataSource, {
        territoryId: territory.id,
        meetingId,
        position,
        guestOrganisationId: guest.id,
      });
    }
    await seedSituations(api, territory.id, town.id);
    await api.dataSource.query('ANALYZE');

    const workloads: Workload[] = [
      {
        name: `ordre du jour (${AGENDA_ITEMS} points)`,
        body: JSON.stringify({ query: AGENDA, variables: { m: meetingId } }),
        check: (data) => (data.meetingAgenda as { items: unknown[] }).items.length === AGENDA_ITEMS,
      },
      {
        name: `situations (page de ${PAGE})`,
        body: JSON.stringify({ query: SITUATIONS, variables: { t: territory.id, first: PAGE } }),
        check: (data) => (data.situations as { edges: unknown[] }).edges.length === PAGE,
      },
    ];

    process.stdout.write(
      `Deux apis dans ce processus, même base ; ${ROUNDS} tours de ${ROUND_MS} ms par réglage, alternés ; ` +
        `requêtes/s et allers-retours Postgres par requête :\n`,
    );
    for (const workload of workloads) {
      for (const concurrency of CONCURRENCY) {
        const totals: Record<Setting, { answered: number; seconds: number; all: number; marked: number }> = {
          on: { answered: 0, seconds: 0, all: 0, marked: 0 },
          off: { answered: 0, seconds: 0, all: 0, marked: 0 },
        };
        // Warm-up: connections opened, plans prepared, documents compiled, on both.
        for (const setting of ['on', 'off'] as const) {
          await load(apis[setting].url, session.accessToken, workload, concurrency, WARM_UP_MS);
        }
        for (let round = 0; round < ROUNDS; round += 1) {
          const order: Setting[] = round % 2 ? ['off', 'on'] : ['on', 'off'];
          for (const setting of order) {
            const connection = apis[setting].appDataSource;
            const before = countOf(connection);
            const { answered, seconds } = await load(
              apis[setting].url,
              session.accessToken,
              workload,
              concurrency,
              ROUND_MS,
            );
            totals[setting].answered += answered;
            totals[setting].seconds += seconds;
            const after = countOf(connection);
            totals[setting].all += after.all - before.all;
            totals[setting].marked += after.marked - before.marked;
          }
        }
        const rate = (setting: Setting) => totals[setting].answered / totals[setting].seconds;
        const trips = (setting: Setting) => totals[setting].all / totals[setting].answered;
        const marked = totals.on.marked / totals.on.answered;
        process.stdout.write(
          `  ${workload.name.padEnd(28)} ${String(concurrency).padStart(2)} en vol : ` +
            `plans gardés ${rate('on').toFixed(0).padStart(5)} req/s, ${trips('on').toFixed(1)} a/r ; ` +
            `replanifiés ${rate('off').toFixed(0).padStart(5)} req/s, ${trips('off').toFixed(1)} a/r ; ` +
            `×${(rate('on') / rate('off')).toFixed(2)} (${marked.toFixed(1)} a/r marqués par requête)\n`,
        );
      }
    }
    process.stdout.write(
      `Les instructions d’une requête rejouées sur une connexion (${REPLAYS} fois, alternées), ` +
        `toutes nommées ou toutes anonymes, médiane en ms :\n`,
    );
    for (const workload of workloads) {
      capture = { connection: apis.on.appDataSource, statements: [] };
      await ask(apis.on.url, session.accessToken, workload);
      const request = capture.statements;
      capture = undefined;
      const { on, off } = await replay(apis.on.config.database.url, request);
      process.stdout.write(
        `  ${workload.name.padEnd(28)} ${request.length} instructions : nommées ${on.toFixed(2)} ; ` +
          `anonymes ${off.toFixed(2)} ; ×${(off / on).toFixed(2)} plus rapide nommées\n`,
      );
    }
  } finally {
    await apis.on.close();
    await apis.off.close();
    await infrastructure.stop();
  }
}
