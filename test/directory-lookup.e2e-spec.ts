import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const ORGANISATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int, $ids: [ID!], $search: String) {
    organisations(territoryId: $t, first: $first, ids: $ids, search: $search) {
      edges {
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
const MEMBERS = /* GraphQL */ `
  query ($t: ID!, $first: Int, $userIds: [ID!], $organisationIds: [ID!], $search: String) {
    territoryMembers(
      territoryId: $t
      first: $first
      userIds: $userIds
      organisationIds: $organisationIds
      search: $search
    ) {
      totalCount
      edges {
        node {
          user {
            id
            lastName
            firstName
          }
        }
      }
    }
  }
`;

interface Named {
  id: string;
  name: string;
}
interface Person {
  id: string;
  lastName: string;
  firstName: string;
}

const messageOf = (result: { errors?: readonly { message: string }[] }) =>
  JSON.stringify(result.errors ?? []);

/**
 * A page names the partners and people it shows by asking for those ids, however many the
 * territory counts; a picker finds them by typing part of a name. Both stay bounded and filtered
 * in SQL through the access rules.
 */
describe('the directory looked up by ids and searched by name', () => {
  let api: RunningApi;
  let territory: Territory;
  let admin: GraphqlClient;
  let coordinator: GraphqlClient;
  let partners: Named[];
  let foreignPartner: Named;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const other = await api.factory.territory();
    const home = await api.factory.organisation(
      territory,
      OrganisationKind.MUNICIPAL,
      'Mairie (coordination)',
    );
    const adminUser = await api.factory.user({
      territory,
      organisation: home,
      roles: [Role.TERRITORY_ADMIN],
    });
    admin = (await logInClient(api.anonymous, adminUser.email, adminUser.password)).client;
    const coordinatorUser = await api.factory.user({
      territory,
      organisation: home,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell: await api.factory.cell(territory),
    });
    coordinator = (await logInClient(api.anonymous, coordinatorUser.email, coordinatorUser.password)).client;
    // More partners than a page holds: 120 associations, then a few whose names are searched.
    const names = Array.from({ length: 120 }, (_, index) => `Association ${String(index).padStart(3, '0')}`);
    names.push('École Jules-Ferry', 'Collège de l’ECOLE normale', 'Cœur de ville', 'Remise 100%_net');
    partners = [];
    for (const name of names) {
      const organisation = await api.factory.organisation(territory, OrganisationKind.SOCIAL, name);
      partners.push({ id: organisation.id, name });
    }
    const elsewhere = await api.factory.organisation(other, OrganisationKind.SOCIAL, 'École d’ailleurs');
    foreignPartner = { id: elsewhere.id, name: elsewhere.name };
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter?.restore();
    await api?.close();
  });

  const organisations = (client: GraphqlClient, variables: Record<string, unknown>) =>
    client
      .expectData<{ organisations: { edges: { node: Named }[]; pageInfo: { hasNextPage: boolean } } }>(
        ORGANISATIONS,
        { t: territory.id, first: 100, ...variables },
      )
      .then((data) => data.organisations);

  it('names the partners a page shows, past the first hundred, in one statement, none of another territory', async () => {
    const byName = (name: string) => partners.find((partner) => partner.name === name)!;
    const asked = [byName('Association 119'), byName('Cœur de ville'), byName('Association 003')];
    const { result, count } = await counter.counted(() =>
      organisations(coordinator, { ids: [...asked.map((partner) => partner.id), foreignPartner.id] }),
    );
    // Alphabetical, as any page of partners; the other territory's is not there.
    expect(result.edges.map((edge) => edge.node)).toEqual([asked[2], asked[0], asked[1]]);
    expect(result.pageInfo.hasNextPage).toBe(false);
    // Besides authentication, one statement, whose plan is kept.
    const reads = count.data.filter((sql) => !sql.startsWith('/* prepared:authenticate */'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/^\/\* prepared:organisations-ids-first-page \*\//);

    // The first page alone would not have named the 120th association.
    const firstPage = await organisations(coordinator, {});
    expect(firstPage.edges.map((edge) => edge.node.id)).not.toContain(asked[0].id);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
  });

  it('finds partners by part of their name, without capitals or accents, its specials taken literally', async () => {
    const found = async (search: string) =>
      (await organisations(coordinator, { search })).edges.map((edge) => edge.node.name);
    expect(await found('ecole')).toEqual(['Collège de l’ECOLE normale', 'École Jules-Ferry']);
    expect(await found('  COEUR ')).toEqual(['Cœur de ville']);
    expect(await found('%_')).toEqual(['Remise 100%_net']);
    expect(await found('association 11')).toHaveLength(10);
    expect(await found('introuvable')).toEqual([]);
    // The search and the ids together: what both keep.
    const ids = partners.slice(0, 3).map((partner) => partner.id);
    expect(
      (await organisations(coordinator, { ids, search: '001' })).edges.map((edge) => edge.node.id),
    ).toEqual([partners[1].id]);
  });

  it('names the members a page shows and finds them by name, the total counting what the filter keeps', async () => {
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Bailleur');
    const people: Person[] = [];
    for (const [firstName, lastName] of [
      ['Hélène', 'Dupré'],
      ['Helene', 'Martin'],
      ['Émile', 'Zola'],
      ['Jean', 'Dupont'],
    ]) {
      const user = await api.factory.user({
        territory,
        organisation,
        roles: [Role.REFERRER],
        firstName,
        lastName,
      });
      people.push({ id: user.id, firstName, lastName });
    }
    const members = (variables: Record<string, unknown>) =>
      admin
        .expectData<{ territoryMembers: { totalCount: number; edges: { node: { user: Person } }[] } }>(
          MEMBERS,
          {
            t: territory.id,
            first: 50,
            ...variables,
          },
        )
        .then((data) => ({
          total: data.territoryMembers.totalCount,
          people: data.territoryMembers.edges.map((edge) => edge.node.user),
        }));

    const named = await members({ userIds: [people[2].id, people[0].id] });
    expect(named).toEqual({ total: 2, people: [people[0], people[2]] });
    // A first name or a last name, without accents.
    expect(await members({ search: 'helene' })).toEqual({ total: 2, people: [people[0], people[1]] });
    expect(await members({ search: 'DUP' })).toEqual({ total: 2, people: [people[3], people[0]] });
    expect(await members({ search: 'emile z' })).toEqual({ total: 0, people: [] });
    // The professionals of a partner (an invited one, a chosen one), with a search or without.
    expect(await members({ organisationIds: [organisation.id] })).toEqual({
      total: 4,
      people: [people[3], people[0], people[1], people[2]],
    });
    expect(await members({ organisationIds: [organisation.id], search: 'dup' })).toEqual({
      total: 2,
      people: [people[3], people[0]],
    });
    expect(await members({ organisationIds: [partners[0].id] })).toEqual({ total: 0, people: [] });
    const everyone = await members({});
    expect(everyone.total).toBeGreaterThan(4);
  });

  it('refuses too many ids, an unreadable one or a long search, in French', async () => {
    const tooMany = Array.from({ length: 101 }, (_, index) => partners[index].id);
    for (const [query, variables, message] of [
      [ORGANISATIONS, { ids: tooMany }, 'Au plus 100 partenaires à la fois.'],
      [MEMBERS, { userIds: tooMany }, 'Au plus 100 membres à la fois.'],
      [MEMBERS, { organisationIds: tooMany }, 'Au plus 100 partenaires à la fois.'],
      [ORGANISATIONS, { ids: ['pas-un-identifiant'] }, 'identifiant'],
      [ORGANISATIONS, { search: 'x'.repeat(101) }, 'La recherche tient en 100 caractères.'],
      [MEMBERS, { search: 'x'.repeat(101) }, 'La recherche tient en 100 caractères.'],
    ] as const) {
      const refused = await admin.request(query, { t: territory.id, first: 10, ...variables });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(messageOf(refused)).toContain(message);
    }
  });
});
