import { Role } from '@relais/access';
import { Cell, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { AGENDA, PLAN_MEETING } from './support/meeting-documents';
import { seedAgendaItem } from './support/referral-journey';
import { StatementCounter } from './support/statement-counter';

/** The coordinator's agenda costs the same few statements with 40 items as with 4. */
describe('agenda: constant SQL whatever its length', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  let coordinator: GraphqlClient;
  let guestOrganisationId: string;
  let meetingId: string;
  let counter: StatementCounter;
  let items = 0;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    guestOrganisationId = (await api.factory.organisation(territory, OrganisationKind.HOUSING)).id;
    const user = await api.factory.user({
      territory,
      organisation: await api.factory.organisation(territory, OrganisationKind.MUNICIPAL),
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    coordinator = (await logInClient(api.anonymous, user.email, user.password)).client;
    const { planMeeting } = await coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
      input: {
        cellId: cell.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        place: 'Mairie',
      },
    });
    meetingId = planMeeting.id;
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  /** Situations with a consent in force, straight into the agenda, each with a guest. */
  async function addItems(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1, items += 1) {
      await seedAgendaItem(api.dataSource, {
        territoryId: territory.id,
        meetingId,
        position: items + 1,
        guestOrganisationId,
      });
    }
  }

  const read = () =>
    counter.counted(() =>
      coordinator.expectData<{ meetingAgenda: { items: unknown[] } }>(AGENDA, { m: meetingId }),
    );

  it('reads 4 and 40 items in the same statements, at most 8', async () => {
    await addItems(4);
    const few = await read();
    await addItems(36);
    const many = await read();
    expect(few.result.meetingAgenda.items).toHaveLength(4);
    expect(many.result.meetingAgenda.items).toHaveLength(40);
    expect(many.count.data.length).toBe(few.count.data.length);
    // Authentication (1), the meeting (1), the items with their people and referrer kind (1), the
    // guests (1), the standing invitees (1).
    expect(many.count.data.length).toBeLessThanOrEqual(8);
    expect(many.count.data).toHaveLength(5);
  });
});
