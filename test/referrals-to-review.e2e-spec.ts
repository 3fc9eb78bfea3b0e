import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { START_PRE_REVIEW } from './support/referral-documents';
import { memberOf, recordConsent, referPerson, submit } from './support/referral-journey';
import { StatementCounter } from './support/statement-counter';

const TO_REVIEW = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String) {
    referralsToReview(territoryId: $t, first: $first, after: $after) {
      edges {
        node {
          id
          status
          submittedAt
          person {
            caseCode
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page {
  referralsToReview: {
    edges: { node: { id: string; status: string; submittedAt: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * « À traiter » : the referrals waiting for the coordination — sent or in pre-review, the longest
 * waiting first, a page at a time — and no one else's list.
 */
describe('referralsToReview: the coordination’s queue of referrals', () => {
  let api: RunningApi;
  let territory: Territory;
  let coordinator: GraphqlClient;
  let referrer: GraphqlClient;
  let cellMember: GraphqlClient;
  let otherCoordinator: GraphqlClient;
  /** In the order they were sent; the last two stay out of the queue (a draft, an accepted one is not made). */
  const waiting: string[] = [];
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const elsewhere = await api.factory.territory();
    const bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const theirs = await api.factory.organisation(elsewhere, OrganisationKind.HOUSING);
    referrer = (await memberOf(api, territory, bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER])).client;
    coordinator = (await memberOf(api, territory, clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]))
      .client;
    cellMember = (await memberOf(api, territory, ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER])).client;
    const theirReferrer = (
      await memberOf(api, elsewhere, theirs, Profession.HOUSING_OFFICER, [Role.REFERRER])
    ).client;
    otherCoordinator = (
      await memberOf(api, elsewhere, theirs, Profession.CLSM_COORDINATOR, [Role.COORDINATOR])
    ).client;

    const send = async (by: GraphqlClient, territoryId: string, organisationId: string, lastName: string) => {
      const referral = await referPerson(by, {
        territoryId,
        person: { firstName: 'Claire', lastName, birthDate: '1966-05-02', protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['ISOLATION'],
          servicesInvolved: ['CCAS'],
          questionToCell: 'Comment renouer le contact ?',
          urgency: 'LOW',
          requests: ['CELL_EXAMINATION'],
        },
      });
      await recordConsent(by, api, referral.id, { organisationIds: [organisationId] });
      // One second apart: the queue's order is the order they were sent in.
      api.clock.advance(1_000);
      await submit(by, referral.id);
      return referral.id;
    };
    for (let index = 0; index < 12; index += 1)
      waiting.push(await send(referrer, territory.id, bailleur.id, `Attente${index}`));
    await coordinator.expectData(START_PRE_REVIEW, { id: waiting[3] });
    // A draft never reaches the coordination; another territory's referral never reaches this one.
    await referPerson(referrer, {
      territoryId: territory.id,
      person: { firstName: 'Claire', lastName: 'Brouillon', protectionMeasure: 'NONE' },
      form: { difficultyAreas: [], servicesInvolved: [], requests: ['CELL_EXAMINATION'], urgency: 'LOW' },
    });
    await send(theirReferrer, elsewhere.id, theirs.id, 'Ailleurs');
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it('lists the sent and pre-reviewed referrals, the longest waiting first, each once across pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await coordinator.expectData<Page>(TO_REVIEW, { t: territory.id, first: 5, after });
      seen.push(...page.referralsToReview.edges.map((edge) => edge.node.id));
      after = page.referralsToReview.pageInfo.hasNextPage ? page.referralsToReview.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(waiting);
    const first = await coordinator.expectData<Page>(TO_REVIEW, { t: territory.id, first: 5 });
    expect(first.referralsToReview.edges[3].node.status).toBe('PRE_REVIEW');
  });

  it('refuses a referrer and a cell member, and shows a coordinator nothing of another territory', async () => {
    for (const client of [referrer, cellMember]) {
      const response = await client.request(TO_REVIEW, { t: territory.id, first: 5 });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const theirs = await otherCoordinator.request<Page>(TO_REVIEW, { t: territory.id, first: 50 });
    const code = theirs.errors?.[0]?.extensions?.code;
    if (code) expect(code).toBe('FORBIDDEN');
    else expect(theirs.data?.referralsToReview.edges).toEqual([]);
  });

  it('costs the same statements for a page of 2 as for a page of 12', async () => {
    const few = await counter.counted(() =>
      coordinator.expectData<Page>(TO_REVIEW, { t: territory.id, first: 2 }),
    );
    const many = await counter.counted(() =>
      coordinator.expectData<Page>(TO_REVIEW, { t: territory.id, first: 12 }),
    );
    expect(few.result.referralsToReview.edges).toHaveLength(2);
    expect(many.result.referralsToReview.edges).toHaveLength(12);
    expect(many.count.data.length).toBe(few.count.data.length);
  });
});
