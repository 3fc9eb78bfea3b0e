import { Role } from '@relais/access';
import { applyScope } from '@relais/database';
import { Membership, Territory } from '@relais/identity';
import { logInClient } from '@relais/testing';
import { QueryFailedError } from 'typeorm';
import { RunningApi, startApi } from './support/api-harness';

const ORGANISATIONS = `query ($t: ID!) { organisations(territoryId: $t) { edges { node { id territoryId } } } }`;
const MEMBERS = `query ($t: ID!) { territoryMembers(territoryId: $t) { edges { node { user { id } membership { territoryId } } } } }`;
const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`;

/** The Postgres error code behind a failed query (42501: insufficient privilege or policy). */
function sqlState(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string } | undefined)?.code
    : undefined;
}

async function failure(work: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await work;
  } catch (error) {
    return { code: sqlState(error), message: (error as Error).message };
  }
  throw new Error('La requête aurait dû échouer.');
}

describe('row-level security', () => {
  let api: RunningApi;
  let territoryA: Territory;
  let territoryB: Territory;
  let organisationsOfB: string[];
  let usersOfB: string[];
  /** Created in B, member of A too: seen from A through that membership. */
  let travellerId: string;

  beforeAll(async () => {
    api = await startApi();
    territoryA = await api.factory.territory();
    territoryB = await api.factory.territory();
    await api.factory.user({ territory: territoryA, roles: [Role.CELL_MEMBER] });
    await api.factory.user({ territory: territoryA, roles: [Role.COORDINATOR] });
    const inB = await Promise.all([
      api.factory.user({ territory: territoryB, roles: [Role.CELL_MEMBER] }),
      api.factory.user({ territory: territoryB, roles: [Role.TERRITORY_ADMIN] }),
    ]);
    const traveller = await api.factory.user({ territory: territoryB, roles: [Role.REFERRER] });
    await api.dataSource.getRepository(Membership).insert({
      territoryId: territoryA.id,
      userId: traveller.id,
      roles: [Role.REFERRER],
    });
    travellerId = traveller.id;
    usersOfB = inB.map((user) => user.id);
    organisationsOfB = (
      (await api.dataSource.query(`SELECT id FROM organisations WHERE territory_id = $1`, [
        territoryB.id,
      ])) as { id: string }[]
    ).map((row) => row.id);
  });
  afterAll(() => api.close());

  describe('through GraphQL', () => {
    it('never shows an administrator of A a row of B, whatever territory they name', async () => {
      const admin = await api.factory.user({ territory: territoryA, roles: [Role.TERRITORY_ADMIN] });
      const { client } = await logInClient(api.anonymous, admin.email, admin.password);

      const organisations = await client.request<{ organisations: { edges: unknown[] } }>(ORGANISATIONS, {
        t: territoryB.id,
      });
      if (organisations.errors) {
        expect(organisations.errors[0].extensions?.code).toBe('FORBIDDEN');
      } else {
        expect(organisations.data?.organisations.edges).toEqual([]);
      }

      const members = await client.request<{
        territoryMembers: { edges: unknown[] };
      }>(MEMBERS, { t: territoryB.id });
      if (members.errors) {
        expect(members.errors[0].extensions?.code).toBe('FORBIDDEN');
      } else {
        expect(members.data?.territoryMembers.edges).toEqual([]);
      }

      const bodies = JSON.stringify([organisations, members]);
      for (const id of [...organisationsOfB, ...usersOfB, territoryB.id]) expect(bodies).not.toContain(id);

      // The same person, on their own territory, sees its rows: the empty answers above are not a fault.
      const own = await client.expectData<{ organisations: { edges: unknown[] } }>(ORGANISATIONS, {
        t: territoryA.id,
      });
      expect(own.organisations.edges.length).toBeGreaterThan(0);
    });
  });

  describe('on its own, with no application filter', () => {
    it('shows a transaction scoped to A only the partners of A', async () => {
      const rows = await api.appDataSource.transaction(async (manager) => {
        await applyScope(manager, { territoryIds: [territoryA.id] });
        return (await manager.query('SELECT id, territory_id FROM organisations')) as {
          id: string;
          territory_id: string;
        }[];
      });
      const expected = (await api.dataSource.query(`SELECT id FROM organisations WHERE territory_id = $1`, [
        territoryA.id,
      ])) as { id: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.territory_id))).toEqual(new Set([territoryA.id]));
      expect(rows.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
    });

    it('shows a transaction scoped to A the accounts homed in A or holding a membership there', async () => {
      const rows = await api.appDataSource.transaction(async (manager) => {
        await applyScope(manager, { territoryIds: [territoryA.id] });
        return (await manager.query('SELECT id, territory_id FROM users')) as { id: string }[];
      });
      const expected = (await api.dataSource.query(
        `SELECT u.id FROM users u
          WHERE u.territory_id = $1
             OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.territory_id = $1)`,
        [territoryA.id],
      )) as { id: string }[];
      const ids = rows.map((row) => row.id);
      expect(ids.sort()).toEqual(expected.map((row) => row.id).sort());
      expect(ids).toContain(travellerId);
      for (const id of usersOfB) expect(ids).not.toContain(id);
    });

    it('shows a query outside any scoped transaction no row at all', async () => {
      const [{ count }] = (await api.appDataSource.query(
        'SELECT count(*)::int AS count FROM organisations',
      )) as {
        count: number;
      }[];
      expect(count).toBe(0);
      const [users] = (await api.appDataSource.query('SELECT count(*)::int AS count FROM users')) as {
        count: number;
      }[];
      expect(users.count).toBe(0);
    });

    it('refuses, under scope A, to write a row of B (WITH CHECK)', async () => {
      const refused = await failure(
        api.appDataSource.transaction(async (manager) => {
          await applyScope(manager, { territoryIds: [territoryA.id] });
          await manager.query(
            `INSERT INTO organisations (territory_id, name, kind) VALUES ($1, $2, 'OTHER')`,
            [territoryB.id, `Intrus ${Date.now()}`],
          );
        }),
      );
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/row-level security/);
      const [{ count }] = (await api.dataSource.query(
        `SELECT count(*)::int AS count FROM organisations WHERE name LIKE 'Intrus %'`,
      )) as { count: number }[];
      expect(count).toBe(0);
    });
  });

  describe('audit_events, append only', () => {
    beforeAll(async () => {
      // One real event in A, written by the api itself.
      const admin = await api.factory.user({ territory: territoryA, roles: [Role.TERRITORY_ADMIN] });
      const { client } = await logInClient(api.anonymous, admin.email, admin.password);
      await client.expectData(CREATE_ORGANISATION, {
        input: { territoryId: territoryA.id, name: `Journal ${Date.now()}`, kind: 'OTHER' },
      });
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET details = '{}'::jsonb WHERE territory_id = $1`],
      ['DELETE', `DELETE FROM audit_events WHERE territory_id = $1`],
    ])('refuses the api role an %s, even within its territory', async (_verb, sql) => {
      const refused = await failure(
        api.appDataSource.transaction(async (manager) => {
          await applyScope(manager, { territoryIds: [territoryA.id] });
          await manager.query(sql, [territoryA.id]);
        }),
      );
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/permission denied/);
    });

    it('lets the api role read the events of its scope', async () => {
      const rows = await api.appDataSource.transaction(async (manager) => {
        await applyScope(manager, { territoryIds: [territoryA.id] });
        return (await manager.query('SELECT territory_id FROM audit_events')) as { territory_id: string }[];
      });
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.territory_id))).toEqual(new Set([territoryA.id]));
    });

    it("refuses even the owner's UPDATE, through the trigger", async () => {
      const refused = await failure(
        api.dataSource.query(`UPDATE audit_events SET details = '{}'::jsonb WHERE territory_id = $1`, [
          territoryA.id,
        ]),
      );
      expect(refused.message).toMatch(/audit_events est en ajout seul/);
    });
  });
});
