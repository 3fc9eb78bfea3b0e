import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@relais/access';
import { addDays, parisDate } from '@relais/config';
import { PUBLIC_ERROR_CODES } from '@relais/graphql';
import { Territory } from '@relais/identity';
import { GraphqlClient, GraphqlResponse, IsolatedDatabase, provisionIsolatedDatabase } from '@relais/testing';
import { DataSource } from 'typeorm';
import { RunningApi, startApi } from './support/api-harness';
import { BadCall, badCalls, mutationsOf } from './support/bad-input';
import { sessionsByRole } from './support/role-sessions';

/**
 * Every mutation of the served schema (a new one is swept as soon as it exists) gets, in each of
 * its texts, ids, days, moments and whole numbers, values GraphQL accepts but Relais must refuse: a
 * NUL byte, a control character, an over-long text, 30 February, a 13th month, the year 9999, a
 * moment without its time zone, an absurd number. Each call is made by a role the mutation lets
 * through its guard, and must answer BAD_USER_INPUT naming the field, in French, never a 500, and
 * write nothing.
 */

// Written on every request by design, not by the mutation: the session's last activity, and the
// audit chain (security events are recorded in their own transaction).
const TABLES_LEFT_OUT = new Set(['sessions', 'audit_events', 'audit_chain_heads']);

const ENGLISH =
  /\b(the|must|should|expected|got|invalid|value|is not|cannot|unknown|field|argument|variable|type|did you mean)\b/i;
const FRENCH = /[éèêàùçôîâ’]|\b(le|la|les|de|des|du|un|une|est|au|aux|doit|pas|et|ou|entre|plus|moins)\b/i;

function notFrench(message: string | undefined): boolean {
  return !message || ENGLISH.test(message) || !FRENCH.test(message);
}

/** One fingerprint per table: a change of any row (insert, update, delete) changes it. */
async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const kept = tables.map(({ table_name }) => table_name).filter((name) => !TABLES_LEFT_OUT.has(name));
  const rows: { name: string; digest: string }[] = await dataSource.query(
    kept
      .map(
        (name) =>
          `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map(({ name, digest }) => [name, digest]));
}

/** The reported field is the place itself, or the list holding it. */
function namesPlace(reported: string, place: string): boolean {
  let candidate = place;
  while (candidate) {
    if (reported === candidate) return true;
    const shorter = candidate.replace(/\.\d+$/, '');
    if (shorter === candidate) return false;
    candidate = shorter;
  }
  return false;
}

function problemWith(call: BadCall, response: GraphqlResponse): string | undefined {
  const [error] = response.errors ?? [];
  const code = error?.extensions?.code;
  if (response.status >= 500) return `statut HTTP ${response.status}`;
  if (!error) return 'acceptée';
  if (!PUBLIC_ERROR_CODES.includes(code as (typeof PUBLIC_ERROR_CODES)[number]))
    return `code inconnu ${code}`;
  if (code !== 'BAD_USER_INPUT') return `${code} : ${error.message}`;
  const fields = error.extensions?.fields ?? [];
  // A rule on each item of a list names the list; arguments are validated concurrently, so a lone
  // argument's refusal may be answered by another argument's (still BAD_USER_INPUT, in French).
  const named = fields.some(({ field }) => call.fields.some((expected) => namesPlace(field, expected)));
  if (!named && !call.loneArgument) {
    return `le champ n'est pas nommé (${fields.map(({ field }) => field).join(', ') || 'aucun'})`;
  }
  const english = [error.message, ...fields.map(({ message }) => message)].find(notFrench);
  return english === undefined ? undefined : `message qui n'est pas en français : « ${english} »`;
}

describe('bad input sweep over every mutation', () => {
  // The "nothing written" check sums every table: other suites running at the same time must not
  // write to the database it looks at.
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let territory: Territory;
  let callers: [string, GraphqlClient][];

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    api = await startApi(isolated.environment);
    territory = await api.factory.territory();
    const sessions = await sessionsByRole(api, territory);
    const order = [
      Role.COORDINATOR,
      Role.TERRITORY_ADMIN,
      Role.REFERRER,
      Role.FOLLOWUP_PRACTITIONER,
      Role.CELL_MEMBER,
      Role.AUDITOR,
    ];
    callers = [
      ...order.map((role) => [role, sessions[role].client] as [string, GraphqlClient]),
      ['anonyme', api.anonymous],
    ];
  });
  afterAll(async () => {
    await api?.close();
    await isolated?.drop();
  });

  it('refuses every bad value as BAD_USER_INPUT in French, naming the field, and writes nothing', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const now = api.clock.now();
    const base = {
      territoryId: territory.id,
      day: addDays(parisDate(now), 10),
      moment: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
    };
    const failures: string[] = [];
    let swept = 0;
    for (const mutation of mutationsOf(schema)) {
      const calls = badCalls(mutation, base);
      if (calls.length === 0) continue;
      const before = await fingerprint(api.dataSource);
      const caller = await callerFor(calls[0]);
      if (!caller) {
        failures.push(`${mutation.name} : aucun rôle n'y a accès`);
        continue;
      }
      for (let start = 0; start < calls.length; start += 8) {
        const batch = calls.slice(start, start + 8);
        const responses = await Promise.all(batch.map((call) => caller.request(call.query, call.variables)));
        batch.forEach((call, index) => {
          const problem = problemWith(call, responses[index]);
          if (problem) failures.push(`${mutation.name} (${call.kind}) : ${problem}`);
        });
      }
      swept += calls.length;
      const after = await fingerprint(api.dataSource);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) failures.push(`${mutation.name} : tables modifiées ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(swept).toBeGreaterThan(100);
  }, 120_000);

  it('stores what it accepts composed (NFC) and trimmed', async () => {
    const [, admin] = callers.find(([role]) => role === Role.TERRITORY_ADMIN) as [string, GraphqlClient];
    const { createOrganisation } = await admin.expectData<{ createOrganisation: { id: string } }>(
      'mutation ($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      // « é » typed as e + combining acute accent, with spaces around.
      { i: { territoryId: territory.id, name: '  CCAS de Cre\u0301teil  ', kind: 'SOCIAL' } },
    );
    const [row] = await api.dataSource.query('SELECT name FROM organisations WHERE id = $1', [
      createOrganisation.id,
    ]);
    expect(row.name).toBe('CCAS de Cr\u00e9teil');
  });

  /** The first role the mutation's guard lets through (its answer is then about the input). */
  async function callerFor(call: BadCall): Promise<GraphqlClient | undefined> {
    for (const [, client] of callers) {
      const response = await client.request(call.query, call.variables);
      const code = response.errors?.[0]?.extensions?.code;
      if (!['FORBIDDEN', 'UNAUTHENTICATED', 'CHARTER_REQUIRED'].includes(code as string)) return client;
    }
    return undefined;
  }
});
