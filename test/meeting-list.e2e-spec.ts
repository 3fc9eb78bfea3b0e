import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { Meeting, MeetingStatus } from '@relais/meetings';
import { RunningApi, startApi } from './support/api-harness';
import { openWebSession } from './support/web-session';
import { Member, memberOf } from './support/referral-journey';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MEETINGS = /* GraphQL */ `
  query ($t: ID!, $period: MeetingPeriod, $first: Int, $after: String) {
    meetings(territoryId: $t, period: $period, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface MeetingPage {
  meetings: {
    edges: { cursor: string; node: { id: string; status: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('The list of meetings: coming ones soonest first, past ones latest first, page by page', () => {
  let api: RunningApi;
  let coordinatorAccount: { email: string; password: string };
  let coordinator: Member;
  let partner: Member;
  let territoryId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const territory = await api.factory.territory();
    territoryId = territory.id;
    const cell = await api.factory.cell(territory);
    const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const landlord = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    coordinator = await memberOf(api, territory, town, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], cell);
    coordinatorAccount = await api.factory.user({
      territory,
      organisation: town,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    partner = await memberOf(api, territory, landlord, Profession.HOUSING_OFFICER, [Role.CELL_MEMBER], cell);
    const now = api.clock.now().getTime();
    // Written straight in the database: the api plans only meetings to come.
    const meeting = (startsAt: number, status: MeetingStatus, durationMinutes = 120) =>
      api.dataSource.getRepository(Meeting).save({
        territoryId,
        cellId: cell.id,
        startsAt: new Date(startsAt),
        durationMinutes,
        place: 'Mairie',
        videoLink: null,
        status,
        seriesId: null,
        agendaPublishedAt: status === MeetingStatus.PLANNED ? null : new Date(now - 40 * DAY),
        cancelledAt: null,
      });
    ids.longAgo = (await meeting(now - 60 * DAY, MeetingStatus.MINUTES_PUBLISHED)).id;
    ids.lastMonth = (await meeting(now - 30 * DAY, MeetingStatus.HELD)).id;
    // Began an hour ago, ends in an hour: still among the coming ones.
    ids.inProgress = (await meeting(now - HOUR, MeetingStatus.AGENDA_PUBLISHED)).id;
    // Began half an hour ago and already said held: among the past ones.
    ids.heldEarly = (await meeting(now - HOUR / 2, MeetingStatus.HELD)).id;
    ids.nextWeek = (await meeting(now + 7 * DAY, MeetingStatus.PLANNED)).id;
    ids.nextMonth = (await meeting(now + 30 * DAY, MeetingStatus.AGENDA_PUBLISHED)).id;
  });

  afterAll(async () => {
    await api?.close();
  });

  const read = (member: Member, variables: Record<string, unknown>) =>
    member.client.expectData<MeetingPage>(MEETINGS, { t: territoryId, ...variables });
  const idsOf = (page: MeetingPage) => page.meetings.edges.map(({ node }) => node.id);

  it('gives the coordinator the coming meetings first, soonest first, a meeting under way included', async () => {
    const coming = await read(coordinator, {});
    expect(idsOf(coming)).toEqual([ids.inProgress, ids.nextWeek, ids.nextMonth]);
    expect(coming.meetings.pageInfo.hasNextPage).toBe(false);
  });

  it('gives the past ones, held or gone by, latest first, and pages through them with the cursor', async () => {
    const first = await read(coordinator, { period: 'PAST', first: 2 });
    expect(idsOf(first)).toEqual([ids.heldEarly, ids.lastMonth]);
    expect(first.meetings.pageInfo.hasNextPage).toBe(true);
    const next = await read(coordinator, {
      period: 'PAST',
      first: 2,
      after: first.meetings.pageInfo.endCursor,
    });
    expect(idsOf(next)).toEqual([ids.longAgo]);
    expect(next.meetings.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a cell member no agenda still in preparation', async () => {
    expect(idsOf(await read(partner, {}))).toEqual([ids.inProgress, ids.nextMonth]);
  });

  it('refuses a cursor it did not write, in French on its argument', async () => {
    const response = await coordinator.client.request(MEETINGS, { t: territoryId, after: 'pas-un-curseur' });
    expect(JSON.stringify(response.errors)).toContain('Ce curseur n’est pas valide');
  });

  describe('the agenda PDF behind a plain link of the web client', () => {
    let cookie: string;
    beforeAll(async () => {
      api.clock.advance(30_000);
      cookie = (await openWebSession(api, coordinatorAccount))
        .map(({ name, value }) => `${name}=${value}`)
        .join('; ');
    });
    const download = (headers: Record<string, string>) =>
      fetch(`${api.url}/documents/meetings/${ids.nextWeek}/agenda.pdf`, { headers: { cookie, ...headers } });

    it('is served to the session cookie when the browser says the link is of the same origin', async () => {
      const response = await download({ 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    });

    it('is refused to the cookie alone from another site, or without the browser’s word', async () => {
      expect((await download({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await download({})).status).toBe(403);
    });
  });
});
