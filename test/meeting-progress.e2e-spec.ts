import { Role } from '@relais/access';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { Meeting, MeetingStatus } from '@relais/meetings';
import { RunningApi, startApi } from './support/api-harness';
import { RECORD_ATTENDANCE, RECORD_ITEM } from './support/meeting-documents';
import { Member, memberOf, planMeeting, seedAgendaItem } from './support/referral-journey';
import { StatementCounter } from './support/statement-counter';

const PROGRESS = /* GraphQL */ `
  query ($m: ID!) {
    meetingProgress(meetingId: $m) {
      meetingId
      attendanceRecorded
      attendance {
        userId
        organisationId
        status
        representedByUserId
      }
      items {
        itemId
        position
        recordedAt
        presentUserIds
        record {
          summary
          personAttended
          nextReviewOn
          decisions {
            text
          }
          actions {
            description
            ownerOrganisationId
            ownerUserId
            dueOn
          }
        }
        decisions {
          decision {
            text
          }
          actions {
            description
          }
        }
      }
    }
  }
`;

interface Progress {
  meetingId: string;
  attendanceRecorded: boolean;
  attendance: {
    userId: string;
    organisationId: string;
    status: string;
    representedByUserId: string | null;
  }[];
  items: {
    itemId: string;
    position: number;
    recordedAt: string | null;
    presentUserIds: string[];
    record: {
      summary: string | null;
      personAttended: boolean | null;
      nextReviewOn: string | null;
      decisions: { text: string | null }[] | null;
      actions: {
        description: string;
        ownerOrganisationId: string;
        ownerUserId: string | null;
        dueOn: string;
      }[];
    } | null;
    decisions: { decision: { text: string | null }; actions: { description: string }[] }[];
  }[];
}

const DAY = 86_400_000;

/** What the meeting mode reads back when it opens in the middle of a meeting. */
describe('meetingProgress: what is already recorded of a meeting, for its coordination', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  let clsm: Organisation;
  let ccas: Organisation;
  let coordinator: Member;
  let cellMember: Member;
  let elsewhere: Member;
  let meetingId: string;
  let counter: StatementCounter;
  let positions = 0;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM Reprise');
    ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Reprise');
    coordinator = await memberOf(api, territory, clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], cell);
    cellMember = await memberOf(api, territory, ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER], cell);
    const other = await api.factory.territory();
    elsewhere = await memberOf(
      api,
      other,
      await api.factory.organisation(other, OrganisationKind.MUNICIPAL),
      Profession.CLSM_COORDINATOR,
      [Role.COORDINATOR],
      await api.factory.cell(other),
    );
    meetingId = await planMeeting(coordinator.client, cell.id, new Date(api.clock.now().getTime() + DAY));
    await addItems(3);
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  async function addItems(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      positions += 1;
      await seedAgendaItem(api.dataSource, {
        territoryId: territory.id,
        meetingId,
        position: positions,
        guestOrganisationId: ccas.id,
      });
    }
    await api.dataSource
      .getRepository(Meeting)
      .update({ id: meetingId }, { status: MeetingStatus.AGENDA_PUBLISHED });
  }

  const progress = () =>
    counter.counted(() =>
      coordinator.client.expectData<{ meetingProgress: Progress }>(PROGRESS, { m: meetingId }),
    );

  it('refuses a cell member and another territory’s coordinator', async () => {
    const member = await cellMember.client.request(PROGRESS, { m: meetingId });
    expect(member.data?.meetingProgress ?? null).toBeNull();
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await elsewhere.client.request(PROGRESS, { m: meetingId });
    expect(outsider.data?.meetingProgress ?? null).toBeNull();
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reads nothing recorded at first, then the attendance and the recorded item as saved', async () => {
    const before = (await progress()).result.meetingProgress;
    expect(before.attendanceRecorded).toBe(false);
    expect(before.attendance).toEqual([]);
    expect(before.items.map((item) => [item.position, item.recordedAt, item.record])).toEqual([
      [1, null, null],
      [2, null, null],
      [3, null, null],
    ]);

    await coordinator.client.expectData(RECORD_ATTENDANCE, {
      input: {
        meetingId,
        entries: [
          { userId: coordinator.id, status: 'PRESENT' },
          { userId: cellMember.id, status: 'EXCUSED' },
        ],
      },
    });
    const first = before.items[0].itemId;
    const nextReviewOn = `${new Date(api.clock.now()).getUTCFullYear() + 1}-01-15`;
    const dueOn = new Date(api.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    await coordinator.client.expectData(RECORD_ITEM, {
      input: {
        itemId: first,
        presentUserIds: [coordinator.id],
        personAttended: true,
        summary: 'Échanges sur le logement.',
        nextReviewOn,
        decisions: [
          {
            text: 'Proposer une visite à domicile',
            actions: [
              {
                description: 'Appeler la personne',
                ownerOrganisationId: ccas.id,
                ownerUserId: cellMember.id,
                dueOn,
              },
            ],
          },
          {
            text: 'Orienter vers le CMP',
            actions: [
              { description: 'Prendre rendez-vous', ownerOrganisationId: clsm.id, ownerUserId: null, dueOn },
              { description: 'Prévenir le médecin', ownerOrganisationId: clsm.id, ownerUserId: null, dueOn },
            ],
          },
        ],
      },
    });

    const after = (await progress()).result.meetingProgress;
    expect(after.meetingId).toBe(meetingId);
    expect(after.attendanceRecorded).toBe(true);
    expect(after.attendance).toEqual(
      expect.arrayContaining([
        { userId: coordinator.id, organisationId: clsm.id, status: 'PRESENT', representedByUserId: null },
        { userId: cellMember.id, organisationId: ccas.id, status: 'EXCUSED', representedByUserId: null },
      ]),
    );
    expect(after.attendance).toHaveLength(2);
    const [recorded, ...others] = after.items;
    expect(recorded.itemId).toBe(first);
    expect(new Date(recorded.recordedAt!).getTime()).toBe(api.clock.now().getTime());
    expect(recorded.presentUserIds).toEqual([coordinator.id]);
    expect(recorded.record).toMatchObject({
      summary: 'Échanges sur le logement.',
      personAttended: true,
      nextReviewOn,
    });
    expect(recorded.record!.actions).toContainEqual({
      description: 'Appeler la personne',
      ownerOrganisationId: ccas.id,
      ownerUserId: cellMember.id,
      dueOn,
    });
    // Each decision with its own actions, and no other's.
    const grouped = recorded.decisions.map(({ decision, actions }) => [
      decision.text,
      actions.map((action) => action.description).sort(),
    ]);
    expect(grouped.sort()).toEqual([
      ['Orienter vers le CMP', ['Prendre rendez-vous', 'Prévenir le médecin']],
      ['Proposer une visite à domicile', ['Appeler la personne']],
    ]);
    // The others are still to record: nothing of theirs, no one in their room.
    expect(others.map((item) => [item.recordedAt, item.presentUserIds, item.record, item.decisions])).toEqual(
      [
        [null, [], null, []],
        [null, [], null, []],
      ],
    );
  });

  it('costs the same statements for 3 items as for 12', async () => {
    const few = await progress();
    await addItems(9);
    const many = await progress();
    expect(few.result.meetingProgress.items).toHaveLength(3);
    expect(many.result.meetingProgress.items).toHaveLength(12);
    expect(many.count.data.length).toBe(few.count.data.length);
  });
});
