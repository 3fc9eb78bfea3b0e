import { Role } from '@relais/access';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { RoleSession, sessionsByRole } from './support/role-sessions';
import { QueryCount, StatementCounter } from './support/statement-counter';

/** The resolver refuses the unknown subject type before any query: only authentication is left. */
const AUTHENTICATION_ONLY = /* GraphQL */ `
  query ($id: ID!) {
    accessBasis(subjectType: "SujetInconnu", subjectId: $id) {
      basis
    }
  }
`;
const ME = /* GraphQL */ `
  query {
    me {
      id
    }
  }
`;
const TERRITORY_MEMBERS = /* GraphQL */ `
  query ($t: ID!) {
    territoryMembers(territoryId: $t, first: 100) {
      totalCount
      edges {
        node {
          user {
            id
            email
          }
          membership {
            roles
            status
          }
        }
      }
    }
  }
`;

describe('SQL statements per request', () => {
  let api: RunningApi;
  let sessions: Record<Role, RoleSession>;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    sessions = await sessionsByRole(api, await api.factory.territory());
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  const counted = <T>(work: () => Promise<T>) => counter.counted(work);

  describe('authentication', () => {
    it('loads the principal in one statement, outside any transaction, whatever the role', async () => {
      const costs = new Map<Role, QueryCount>();
      for (const role of Object.values(Role)) {
        const { result, count } = await counted(() =>
          sessions[role].client.request(AUTHENTICATION_ONLY, { id: sessions[role].userId }),
        );
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        costs.set(role, count);
      }
      for (const [role, count] of costs) {
        // The session with its user and the active memberships with the charter state, in one function.
        expect({ role, data: count.data.length }).toEqual({ role, data: 1 });
        expect(count.data[0]).toMatch(/SELECT authenticate_session\(/);
        // No transaction of its own: the statement states its purpose itself.
        expect({ role, control: count.control, scope: count.scope }).toEqual({ role, control: 0, scope: 0 });
      }
    });

    it('answers `me` in the same constant number of statements for every role', async () => {
      const totals = new Set<number>();
      for (const role of Object.values(Role)) {
        const { result, count } = await counted(() => sessions[role].client.request(ME));
        expect(result.errors).toBeUndefined();
        totals.add(count.data.length);
        // Authentication (1), then `describeMe` (3): the account with its organisation costs two,
        // because `findOne` with a relation first selects the DISTINCT id under LIMIT 1, then the
        // row; the memberships with territory and cell cost one. Each part is its own transaction.
        expect(count.data[1]).toMatch(/^SELECT DISTINCT "distinctAlias"\."User_id"/);
        expect(count.data[3]).toMatch(/FROM "memberships" "Membership" LEFT JOIN "territories"/);
        expect({ role, data: count.data.length, control: count.control, scope: count.scope }).toEqual({
          role,
          data: 4,
          control: 2,
          scope: 1,
        });
      }
      expect([...totals]).toEqual([4]);
    });
  });

  describe('territoryMembers', () => {
    it('costs the same with 50 members as with 5: one list query, no query per member', async () => {
      const directory = await api.factory.territory();
      const organisation = await api.factory.organisation(directory);
      const admin = await api.factory.user({
        territory: directory,
        organisation,
        roles: [Role.TERRITORY_ADMIN],
      });
      const addMembers = async (count: number) => {
        for (let index = 0; index < count; index += 1) {
          await api.factory.user({ territory: directory, organisation, roles: [Role.CELL_MEMBER] });
        }
      };
      await addMembers(4);
      const { client } = await logInClient(api.anonymous, admin.email, admin.password);
      const list = (adminClient: GraphqlClient) =>
        adminClient.expectData<{
          territoryMembers: { totalCount: number; edges: { node: { user: { id: string } } }[] };
        }>(TERRITORY_MEMBERS, {
          t: directory.id,
        });

      const few = await counted(() => list(client));
      await addMembers(45);
      const many = await counted(() => list(client));

      expect(few.result.territoryMembers.edges).toHaveLength(5);
      expect(many.result.territoryMembers.edges).toHaveLength(50);
      expect(many.result.territoryMembers.totalCount).toBe(50);
      expect(many.count).toEqual({ ...few.count, data: expect.any(Array) });
      expect(many.count.data.length).toBe(few.count.data.length);
      // Authentication (1), the page of members joined with their accounts (1), their count (1).
      expect(few.count.data).toHaveLength(3);
      expect(few.count.data[1]).toMatch(/^\/\* prepared:territory-members-first-page \*\//);
      expect(few.count.data[1]).toMatch(/FROM "memberships"/);
      expect(few.count.data[1]).toMatch(/JOIN "users"/);
      expect({ control: few.count.control, scope: few.count.scope }).toEqual({ control: 2, scope: 1 });
    });
  });
});
