import { Role } from '@relais/access';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { AgendaItem, Meeting, MeetingStatus } from '@relais/meetings';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { planMeeting, seedAgendaItem } from './support/referral-journey';
import { StatementCounter } from './support/statement-counter';

const PREVIEW = `query ($m: ID!, $o: ID!) {
  meetingMinutesPreview(meetingId: $m, organisationId: $o) {
    readerProfession
    minutes { items { itemId caseCode summary actions { id } restrictedNotes { id } } }
  }
}`;
const NOTE_CHOICES = `query ($m: ID!) { restrictedNoteChoices(meetingId: $m) { itemId categories } }`;

/** The preview and the note choices cost the same statements with 20 items as with 4. */
describe('minutes preview: constant SQL whatever the meeting’s length', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  let guest: Organisation;
  let coordinator: GraphqlClient;
  let meetingId: string;
  let counter: StatementCounter;
  let items = 0;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    guest = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    await api.factory.user({
      territory,
      organisation: guest,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    const user = await api.factory.user({
      territory,
      organisation: await api.factory.organisation(territory, OrganisationKind.MUNICIPAL),
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
      cell,
    });
    coordinator = (await logInClient(api.anonymous, user.email, user.password)).client;
    meetingId = await planMeeting(coordinator, cell.id, new Date(api.clock.now().getTime() + 86_400_000));
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  /** Items straight into the meeting, each with the landlord as guest, then the meeting held. */
  async function addItems(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1, items += 1) {
      await seedAgendaItem(api.dataSource, {
        territoryId: territory.id,
        meetingId,
        position: items + 1,
        guestOrganisationId: guest.id,
      });
    }
    await api.dataSource.getRepository(AgendaItem).update({ meetingId }, { recordedAt: new Date() });
    await api.dataSource.getRepository(Meeting).update({ id: meetingId }, { status: MeetingStatus.HELD });
  }

  const preview = () =>
    counter.counted(() =>
      coordinator.expectData<{ meetingMinutesPreview: { minutes: { items: unknown[] } } }>(PREVIEW, {
        m: meetingId,
        o: guest.id,
      }),
    );
  const choices = () =>
    counter.counted(() =>
      coordinator.expectData<{ restrictedNoteChoices: unknown[] }>(NOTE_CHOICES, { m: meetingId }),
    );

  it('previews 4 and 20 items in the same statements, and lists their note choices in one', async () => {
    await addItems(4);
    const few = await preview();
    const fewChoices = await choices();
    await addItems(16);
    const many = await preview();
    const manyChoices = await choices();
    expect(few.result.meetingMinutesPreview.minutes.items).toHaveLength(4);
    expect(many.result.meetingMinutesPreview.minutes.items).toHaveLength(20);
    expect(many.count.data.length).toBe(few.count.data.length);
    expect(manyChoices.result.restrictedNoteChoices).toHaveLength(20);
    expect(manyChoices.count.data.length).toBe(fewChoices.count.data.length);
    // Authentication (1), then the items with the caller's access to each (1).
    expect(manyChoices.count.data).toHaveLength(2);
  });
});
