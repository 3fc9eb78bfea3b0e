import { DataCategory, Role } from '@relais/access';
import { Consent, ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '@relais/consent';
import { Cell, OrganisationKind, Profession, Territory } from '@relais/identity';
import { AgendaItem, AgendaItemKind, ItemInvitation } from '@relais/meetings';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { AGENDA, PLAN_MEETING } from './support/meeting-documents';
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
    const owner = api.dataSource;
    for (let index = 0; index < count; index += 1, items += 1) {
      const person = await owner.getRepository(Person).save({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'A. B.',
        ageBand: AgeBand.AGE_40_49,
        district: null,
      });
      await owner.getRepository(Consent).save({
        territoryId: territory.id,
        personId: person.id,
        referralId: null,
        status: ConsentStatus.GIVEN,
        method: ConsentMethod.WRITTEN,
        witnessOrRepresentative: null,
        collectedByUserId: person.id,
        collectedByOrganisationId: guestOrganisationId,
        collectedOn: '2026-01-05',
        recordedAt: new Date(),
        informationGiven: Object.values(InformationItem),
        wishesToAttend: false,
        purposes: [ConsentPurpose.CELL_EXAMINATION],
        organisationIds: [guestOrganisationId],
        organisationKinds: [],
        includesCell: true,
        dataCategories: [DataCategory.LOGISTIC],
        expiresOn: '2099-01-01',
        supersededAt: null,
        withdrawnAt: null,
        withdrawnByUserId: null,
      });
      const situation = await owner.getRepository(Situation).save({
        territoryId: territory.id,
        personId: person.id,
        status: SituationStatus.ACCEPTED,
        openedAt: new Date(),
        closedAt: null,
        closureReason: null,
        nextReviewOn: null,
      });
      const item = await owner.getRepository(AgendaItem).save({
        territoryId: territory.id,
        meetingId,
        situationId: situation.id,
        position: items + 1,
        kind: AgendaItemKind.NEW,
        minutes: 10,
        presenterOrganisationId: null,
        presenterUserId: null,
        reason: null,
        presentation: 1,
      });
      await owner.getRepository(ItemInvitation).save({
        territoryId: territory.id,
        agendaItemId: item.id,
        meetingId,
        situationId: situation.id,
        organisationId: guestOrganisationId,
        lapsedAt: null,
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
    // Authentication (2), the meeting (1), the items with their people and referrer kind (1), the
    // guests (1), the standing invitees (1).
    expect(many.count.data.length).toBeLessThanOrEqual(8);
    expect(many.count.data).toHaveLength(6);
  });
});
