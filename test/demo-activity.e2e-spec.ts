import { INestApplicationContext } from '@nestjs/common';
import { parisDate } from '@relais/config';
import {
  DEMO_PASSWORD,
  DEMO_SECOND_FACTOR_SECRET,
  PasswordHasher,
  seedDemoTerritory,
} from '@relais/identity';
import {
  GraphqlClient,
  IsolatedDatabase,
  logInClient,
  provisionIsolatedDatabase,
  testConfig,
} from '@relais/testing';
import { createWorker } from '@relais/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- npm start's own seeding, tested as it runs (tools/ is no library)
import { DEMO_ACTORS, DEMO_MARK, DemoActivity, seedDemoActivity } from '../tools/demo/demo-activity';
import { RunningApi, startApi } from './support/api-harness';
import { eventually } from './support/reminder-fixtures';

const TABLES = [
  'persons',
  'referrals',
  'consents',
  'situations',
  'meetings',
  'agenda_items',
  'situation_actions',
  'follow_ups',
  'follow_up_acts',
];

describe('the demonstration activity, seeded through the api as the demo accounts', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let territoryId: string;
  let seeded: Extract<DemoActivity, { created: true }>;
  const as = {} as Record<keyof typeof DEMO_ACTORS, GraphqlClient>;

  // Each account has signed in at the api's moment; its authenticator's next code is a step later.
  const nextStep = () => api.clock.advance(60_000);

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    const fast = { OUTBOX_POLL_MS: '100', RECONCILE_EVERY_MS: '200' };
    api = await startApi({ ...isolated.environment, ...fast });
    worker = await createWorker(testConfig({ ...isolated.environment, ...fast, LOG_LEVEL: 'silent' }), {
      clock: api.clock,
    });
    await worker.init();
    // As npm start does, before the api serves anyone.
    await seedDemoTerritory(api.dataSource, new PasswordHasher(), api.config.secondFactor.key);

    const outcome = await seedDemoActivity({ url: api.url, now: () => api.clock.now() });
    if (!outcome.created) throw new Error('la première exécution aurait dû tout créer');
    seeded = outcome;

    nextStep();
    for (const [actor, email] of Object.entries(DEMO_ACTORS)) {
      const { client } = await logInClient(api.anonymous, email, DEMO_PASSWORD, {
        secret: DEMO_SECOND_FACTOR_SECRET,
      });
      as[actor as keyof typeof DEMO_ACTORS] = client;
    }
    const { me } = await as.landlord.expectData<{ me: { memberships: { territory: { id: string } }[] } }>(
      '{ me { memberships { territory { id } } } }',
    );
    territoryId = me.memberships[0].territory.id;
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await isolated?.drop();
  });

  const MY_REFERRALS = `query ($t: ID!) { myOrganisationReferrals(territoryId: $t, first: 100) {
    edges { node { id status nextMeetingAt actionsForMyOrganisation { description dueOn status } } } } }`;
  const myReferrals = async (client: GraphqlClient) =>
    (
      await client.expectData<{ myOrganisationReferrals: { edges: { node: MyReferral }[] } }>(MY_REFERRALS, {
        t: territoryId,
      })
    ).myOrganisationReferrals.edges.map((edge) => edge.node);
  interface MyReferral {
    id: string;
    status: string;
    nextMeetingAt: string | null;
    actionsForMyOrganisation: { description: string; dueOn: string; status: string }[];
  }

  it('gives the landlord its referrals in every state, an upcoming meeting, and actions, one overdue', async () => {
    const myOrganisationReferrals = await myReferrals(as.landlord);
    expect(new Set(myOrganisationReferrals.map((referral) => referral.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'PRE_REVIEW', 'ACCEPTED', 'REDIRECTED', 'NEEDS_CONSENT']),
    );
    expect(myOrganisationReferrals.some((referral) => referral.nextMeetingAt)).toBe(true);
    const actions = myOrganisationReferrals.flatMap((referral) => referral.actionsForMyOrganisation);
    const today = parisDate(api.clock.now());
    // Its own referral's: the FSL check it owes on the CCAS's referral is read from the minutes.
    expect(actions).toHaveLength(2);
    expect(actions.filter((action) => action.dueOn < today && action.status === 'TODO')).toEqual([
      expect.objectContaining({ description: 'Suspendre les relances contentieuses' }),
    ]);

    // Plainly demonstration data, with the consent withdrawn where the referral waits for a new one.
    const { referral } = await as.landlord.expectData<{
      referral: { description: string; consentStatus: string };
    }>(`query ($id: ID!) { referral(referralId: $id) { description consentStatus } }`, {
      id: seeded.referrals.consentWithdrawn.id,
    });
    expect(referral.description.startsWith(DEMO_MARK)).toBe(true);
    expect(referral.consentStatus).toBe('WITHDRAWN');
  });

  it('gives the CCAS its own referrals, accepted and submitted', async () => {
    const myOrganisationReferrals = await myReferrals(as.ccas);
    expect(myOrganisationReferrals.map((referral) => referral.status).sort()).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'SUBMITTED',
    ]);
  });

  it('gives the coordinator a meeting with its minutes published and one with its agenda published', async () => {
    type MeetingPage = { edges: { node: { id: string; status: string; startsAt: string } }[] };
    const pages = await as.coordinator.expectData<{ coming: MeetingPage; past: MeetingPage }>(
      `query ($t: ID!) {
        coming: meetings(territoryId: $t) { edges { node { id status startsAt } } }
        past: meetings(territoryId: $t, period: PAST) { edges { node { id status startsAt } } }
      }`,
      { t: territoryId },
    );
    const statuses = (page: MeetingPage) => page.edges.map(({ node }) => [node.id, node.status]);
    expect(statuses(pages.past)).toEqual(
      expect.arrayContaining([[seeded.meetings.heldMeetingId, 'MINUTES_PUBLISHED']]),
    );
    expect(statuses(pages.coming)).toEqual(
      expect.arrayContaining([[seeded.meetings.upcomingMeetingId, 'AGENDA_PUBLISHED']]),
    );
    const upcoming = pages.coming.edges.find(
      ({ node }) => node.id === seeded.meetings.upcomingMeetingId,
    )!.node;
    expect(Date.parse(upcoming.startsAt)).toBeGreaterThan(api.clock.now().getTime() + 7 * 86_400_000);

    const { meetingMinutes } = await as.coordinator.expectData<{
      meetingMinutes: {
        published: boolean;
        items: { summary: string; actions: { ownerOrganisationId: string }[] }[];
      };
    }>(
      `query ($m: ID!) { meetingMinutes(meetingId: $m) { published items { summary actions { ownerOrganisationId } } } }`,
      {
        m: seeded.meetings.heldMeetingId,
      },
    );
    expect(meetingMinutes.published).toBe(true);
    expect(meetingMinutes.items).toHaveLength(2);
    expect(meetingMinutes.items.every((item) => item.summary.startsWith(DEMO_MARK))).toBe(true);
    expect(meetingMinutes.items.flatMap((item) => item.actions).length).toBeGreaterThanOrEqual(5);

    const { meetingAgenda } = await as.coordinator.expectData<{ meetingAgenda: { items: unknown[] } }>(
      `query ($m: ID!) { meetingAgenda(meetingId: $m) { items { id } } }`,
      { m: seeded.meetings.upcomingMeetingId },
    );
    expect(meetingAgenda.items).toHaveLength(2);
  });

  it('shows the nurse the trinôme with its acts, the health note included; the TISF without it', async () => {
    const READ = `query ($id: ID!) { followUp(followUpId: $id) {
      phase team { role userId } acts { edges { node { type note noteVisibility redactedFields } } } } }`;
    type Act = { type: string; note: string | null; noteVisibility: string };
    type View = { followUp: { phase: string; acts: { edges: { node: Act }[] } } };
    const acts = (view: View) => view.followUp.acts.edges.map((edge) => edge.node);
    const nurse = await as.nurse.expectData<View>(READ, { id: seeded.followUpId });
    expect(nurse.followUp.phase).toBe('ASSESSMENT');
    expect(
      acts(nurse)
        .map((act) => act.type)
        .sort(),
    ).toEqual(['ACCOMPANIED_APPOINTMENT', 'HOME_VISIT', 'PHONE']);
    expect(acts(nurse).every((act) => act.note?.startsWith(DEMO_MARK))).toBe(true);
    const tisf = await as.tisf.expectData<View>(READ, { id: seeded.followUpId });
    expect(acts(tisf).find((act) => act.noteVisibility === 'HEALTH')?.note).toBeNull();
    await as.educator.expectData<View>(READ, { id: seeded.followUpId });
  });

  it('leaves each account notifications, made by the worker from the outbox', async () => {
    const NOTIFICATIONS = '{ notifications(first: 50) { edges { node { id kind title } } } }';
    for (const actor of ['landlord', 'ccas', 'coordinator', 'nurse'] as const) {
      const { notifications } = await eventually(
        () => as[actor].expectData<{ notifications: { edges: { node: { kind: string } }[] } }>(NOTIFICATIONS),
        (answer) => answer.notifications.edges.length > 0,
        30_000,
      );
      expect({ actor, some: notifications.edges.length > 0 }).toEqual({ actor, some: true });
    }
  });

  it('adds nothing when run again', async () => {
    const counts = async () => {
      const rows: Record<string, number> = {};
      for (const table of TABLES) {
        const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
        rows[table] = count;
      }
      return rows;
    };
    const before = await counts();
    expect(before.referrals).toBe(10);
    nextStep();
    expect(await seedDemoActivity({ url: api.url, now: () => api.clock.now() })).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
});
