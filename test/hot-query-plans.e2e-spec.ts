import { processEnvironment } from '@relais/config';
import { IsolatedDatabase, provisionIsolatedDatabase } from '@relais/testing';
import { appendFileSync } from 'node:fs';
import { ScopedDatabase } from '@relais/database';
import { MailTransport, ReminderDispatcher, ReminderPolicies } from '@relais/reminders';
import { Client } from 'pg';
import { RunningApi, startApi } from './support/api-harness';
import { hotRequests, RecordedStatement, signIn, StatementRecorder } from './support/hot-requests';
import { generateNationalDataset, NationalDataset } from './support/national-dataset';

/**
 * Tables a whole-table read may touch: a handful of rows per territory, a few pages even for
 * thousands of territories, where reading the table is as cheap as reading an index (territories,
 * cells, charters, the per-territory settings and audit chain heads). Every other table grows with
 * the territory count and must be reached through an index.
 */
const SMALL_TABLES = new Set([
  'territories',
  'cells',
  'charters',
  'retention_policies',
  'reminder_policy_settings',
  'audit_chain_heads',
  'legal_holds',
  'notification_preferences',
]);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

/** Conditions an index scan reads by: its own, or its bitmap's. */
function indexConditions(node: PlanNode): string[] {
  if (node['Index Cond']) return [node['Index Cond']];
  return (node.Plans ?? []).flatMap(indexConditions);
}

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']);
/** Columns an index may lead with and still read many rows: a territory's, a partner's. */
const WIDE = new Set(['territory_id', 'organisation_id']);
/** Columns compared to one value (a list of values, `= ANY ('{…}')`, is read once, not per row). */
const equalities = (condition: string) =>
  [...condition.matchAll(/(\w+) = (?!ANY \(')/g)].map((match) => match[1]);

/** Each index's columns, in order (for the indexes of the plans read). */
type IndexColumns = Map<string, string[]>;

/** The columns an index condition constrains: the indexed column is the left side of each comparison. */
const constrained = (condition: string) =>
  new Set(
    [...condition.matchAll(/\(+"?([a-z_][a-z0-9_]*)"? (?:=|<>|<=|>=|<|>|@>|&&)/g)].map((match) => match[1]),
  );

/**
 * An index read by a territory or partner alone, a later column compared on every entry of it: the
 * condition skips a column (`subject_type` between territory and subject), so Postgres reads the
 * territory's whole part of the index to find one subject.
 */
function skippedColumn(node: PlanNode, indexes: IndexColumns): string | null {
  const columns = node['Index Name'] && node['Index Cond'] ? indexes.get(node['Index Name']) : undefined;
  if (!columns) return null;
  const used = constrained(node['Index Cond']!);
  const gap = columns.findIndex((column) => !used.has(column));
  if (gap < 0 || !columns.slice(0, gap).every((column) => WIDE.has(column))) return null;
  const after = columns.slice(gap + 1).filter((column) => used.has(column));
  return after.length
    ? `${node['Index Name']} lu par ${columns.slice(0, gap).join(', ') || 'rien'} sans ${columns[gap]}, ${after.join(', ')} comparé à chaque entrée`
    : null;
}

/**
 * What in a plan reads rows that grow with the territory count: a whole-table read, an index
 * read by territory or partner alone then filtered on one id it could have been read by (every
 * invitation of a partner to find one meeting's, every referral of a territory for each
 * situation), or compared on a later column of the index past one it has no value for, on a table
 * that is not small. A list of ids filtered out of one territory read is the planner's choice for
 * a bounded read, left to it.
 */
function wholeReads(node: PlanNode, indexes: IndexColumns): string[] {
  const table = node['Relation Name'];
  const found: string[] = [];
  if (table && !SMALL_TABLES.has(table)) {
    if (node['Node Type'] === 'Seq Scan') found.push(`${table} lu en entier`);
    else if (INDEX_SCANS.has(node['Node Type'])) {
      const filteredOnId = equalities(node.Filter ?? '').some(
        (column) => /(^|_)id$/.test(column) && !WIDE.has(column),
      );
      const readBy = indexConditions(node);
      const narrow = readBy.some((condition) => equalities(condition).some((column) => !WIDE.has(column)));
      if (filteredOnId && !narrow)
        found.push(`${table} lu par ${readBy.join(' / ')} puis filtré sur ${node.Filter}`);
    }
  }
  const skipped = skippedColumn(node, indexes);
  if (skipped) found.push(skipped);
  return [...found, ...(node.Plans ?? []).flatMap((plan) => wholeReads(plan, indexes))];
}

/**
 * The plans of what the api really sends for its hot reads, over 300 territories (few rows each,
 * analysed, so the planner chooses as it would over big tables): no statement reads a whole table
 * that grows with the territories. The SQL is recorded from real requests over HTTP, then explained
 * with its parameters as the application role, under the same row-level security settings.
 */
describe('hot queries use indexes at national scale', () => {
  let database: IsolatedDatabase;
  let api: RunningApi;
  let dataset: NationalDataset;
  let recorder: StatementRecorder;
  let indexes: IndexColumns;

  beforeAll(async () => {
    database = await provisionIsolatedDatabase();
    dataset = await generateNationalDataset(String(database.environment.DATABASE_OWNER_URL), {
      territories: 300,
      situations: 6_000,
      actions: 12_000,
      auditEvents: 15_000,
      // The large territory holds half the rows, as many as a big one of the national preset.
      largeTerritoryWeight: 150,
    });
    api = await startApi(database.environment);
    recorder = new StatementRecorder(api.appDataSource);
    const rows = (await api.dataSource.query(
      `SELECT index.relname AS name, array_agg(attribute.attname::text ORDER BY key.ordinal) AS columns
         FROM pg_index i
         JOIN pg_class index ON index.oid = i.indexrelid
         JOIN pg_namespace namespace ON namespace.oid = index.relnamespace AND namespace.nspname = 'public'
         CROSS JOIN unnest(i.indkey) WITH ORDINALITY AS key(attnum, ordinal)
         JOIN pg_attribute attribute ON attribute.attrelid = i.indrelid AND attribute.attnum = key.attnum
        GROUP BY index.relname`,
    )) as { name: string; columns: string[] }[];
    indexes = new Map(rows.map((row) => [row.name, row.columns]));
  }, 120_000);
  afterAll(async () => {
    recorder?.restore();
    await api?.close();
    await database?.drop();
  });

  /**
   * RELAIS_PLAN_DUMP=<file> writes every plan there (a JSON line each); RELAIS_PLAN_SQL_CHARS sets
   * how much of a failing statement is shown (300 characters).
   */
  const environment = processEnvironment();

  async function explain(statements: RecordedStatement[]): Promise<string[]> {
    const client = new Client({ connectionString: api.config.database.url });
    await client.connect();
    const problems: string[] = [];
    // A statement of the transaction that narrowed its scope itself (the dispatcher's), run again
    // before those that follow it.
    let narrowing: RecordedStatement | null = null;
    try {
      for (const statement of statements) {
        if (narrowing && narrowing.scope !== statement.scope) narrowing = null;
        // Named statements (`/* prepared:… */`) end up on generic plans: both must hold.
        const modes = statement.sql.startsWith('/* prepared:') ? ['auto', 'force_generic_plan'] : ['auto'];
        for (const mode of modes) {
          await client.query('BEGIN');
          try {
            await client.query(`SET LOCAL plan_cache_mode = ${mode}`);
            // Few rows per territory here: the planner is told to read tables whole only when no
            // index can serve, as it would choose over the tables of a national deployment.
            await client.query('SET LOCAL enable_seqscan = off');
            // As the api stated it, planner settings included.
            if (statement.scope) await client.query(statement.scopeSql!, statement.scope);
            if (narrowing) await client.query(narrowing.sql, narrowing.parameters);
            const [row] = (
              await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
                `EXPLAIN (FORMAT JSON) ${statement.sql}`,
                statement.parameters,
              )
            ).rows;
            if (environment.RELAIS_PLAN_DUMP)
              appendFileSync(
                environment.RELAIS_PLAN_DUMP,
                `${JSON.stringify({ mode, ...statement, plan: row['QUERY PLAN'][0].Plan })}\n`,
              );
            const scanned = wholeReads(row['QUERY PLAN'][0].Plan, indexes);
            if (scanned.length)
              problems.push(
                `${[...new Set(scanned)].join(', ')} (${mode}) : ${statement.sql.slice(0, Number(environment.RELAIS_PLAN_SQL_CHARS ?? 300))}`,
              );
          } finally {
            await client.query('ROLLBACK');
          }
        }
        if (/set_config\('app\.territory_ids'/.test(statement.sql)) narrowing = statement;
      }
    } finally {
      await client.end();
    }
    return problems;
  }

  it('reads no growing table whole, on sign-in and on every list and the agenda', async () => {
    const large = dataset.large;
    const login = await recorder.recorded(async () => ({
      coordinator: await signIn(api, large.id, large.accounts.coordinator),
      referrer: await signIn(api, large.id, large.accounts.referrer),
      practitioner: await signIn(api, large.id, large.accounts.practitioner),
    }));
    const requests = await hotRequests(api, large, login.result);
    const failures: string[] = (await explain(login.statements)).map((problem) => `connexion — ${problem}`);
    for (const request of requests) {
      const { result, statements } = await recorder.recorded(() =>
        request.client.request(request.query, request.variables),
      );
      expect({ request: request.name, errors: result.errors ?? [] }).toEqual({
        request: request.name,
        errors: [],
      });
      expect(statements.length).toBeGreaterThan(0);
      failures.push(...(await explain(statements)).map((problem) => `${request.name} — ${problem}`));
    }
    expect(failures).toEqual([]);
  });

  it('reads no growing table whole when the dispatcher fires reminders (their subjects re-read)', async () => {
    const [due] = (await api.dataSource.query(
      `SELECT array_agg(id) AS ids FROM reminders WHERE territory_id = $1 AND status = 'SCHEDULED' AND due_at <= now()`,
      [dataset.large.id],
    )) as { ids: string[] }[];
    // The worker's dispatcher, on the api's connection (the same role and pool settings).
    const dispatcher = new ReminderDispatcher(
      new ScopedDatabase(api.appDataSource),
      new MailTransport(api.config),
      new ReminderPolicies(),
      api.clock,
    );
    const { statements } = await recorder.recorded(() => dispatcher.fireBatch(due.ids));
    expect(statements.length).toBeGreaterThan(3);
    expect(await explain(statements)).toEqual([]);
  });
});
