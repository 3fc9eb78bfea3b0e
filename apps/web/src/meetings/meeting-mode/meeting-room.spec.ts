import { describe, expect, it } from '@jest/globals';
import { attendanceEntries, expectedAttendees, itemRoomChoices, revealRoom } from './meeting-room';

const organisations = [
  { id: 'ccas', name: 'CCAS' },
  { id: 'cmp', name: 'CMP' },
  { id: 'hlm', name: 'Bailleur' },
  { id: 'clsm', name: 'CLSM' },
];
const members = [
  { id: 'coord', firstName: 'Claire', lastName: 'Coord', organisationId: 'clsm' },
  { id: 'anne', firstName: 'Anne', lastName: 'Social', organisationId: 'ccas' },
  { id: 'nina', firstName: 'Nina', lastName: 'Soin', organisationId: 'cmp' },
  { id: 'hugo', firstName: 'Hugo', lastName: 'Gestion', organisationId: 'hlm' },
];
const standing = [
  { userId: 'coord', organisationId: 'clsm' },
  { userId: 'anne', organisationId: 'ccas' },
  { userId: 'nina', organisationId: 'cmp' },
  { userId: 'gone', organisationId: 'cmp' },
];
const attendees = expectedAttendees(standing, ['hlm'], members, organisations);

describe('who is in the room', () => {
  it('expects the cell’s members and the guests’ professionals, each once, by organisation', () => {
    expect(attendees.map((a) => [a.organisationName, a.name, a.standing])).toEqual([
      ['Bailleur', 'Hugo Gestion', false],
      ['CCAS', 'Anne Social', true],
      ['CLSM', 'Claire Coord', true],
      ['CMP', 'Nina Soin', true],
    ]);
  });

  it('tells a guest’s professional from someone added in the room, who is neither a member nor a guest', () => {
    const standIn = { id: 'remi', firstName: 'Rémi', lastName: 'Suppléant', organisationId: 'mobile' };
    const room = expectedAttendees(standing, ['hlm'], [...members, standIn], organisations, [standIn]);
    expect(room.map((a) => [a.userId, a.standing, a.guest])).toEqual([
      ['hugo', false, true],
      ['anne', true, false],
      ['coord', true, false],
      ['nina', true, false],
      ['remi', false, false],
    ]);
  });

  it('checks for an item the members present and its own guests present, not another item’s guest', () => {
    const present = new Set(['coord', 'anne', 'hugo']);
    const forHousing = itemRoomChoices(attendees, present, ['hlm']);
    expect(forHousing.preselected.sort()).toEqual(['anne', 'coord', 'hugo']);
    const other = itemRoomChoices(attendees, present, []);
    expect(other.listed.map((a) => a.userId)).toContain('hugo');
    expect(other.preselected.sort()).toEqual(['anne', 'coord']);
    // An item's guest is listed even if not marked present at the start.
    expect(itemRoomChoices(attendees, new Set(['anne']), ['hlm']).listed.map((a) => a.userId)).toEqual([
      'hugo',
      'anne',
    ]);
  });

  it('names, for a reveal, the organisations the api checks: people present and the item’s guests, the coordinator apart', () => {
    const room = revealRoom({
      attendees,
      peopleIds: new Set(['coord', 'anne']),
      itemGuestOrganisationIds: ['hlm'],
      organisations,
      coordinatorId: 'coord',
    });
    expect(room).toEqual([
      { id: 'hlm', name: 'Bailleur', people: [] },
      { id: 'ccas', name: 'CCAS', people: ['Anne Social'] },
    ]);
  });

  it('records the absent members of the cell as excused, and a guest only once sent as present', () => {
    expect(attendanceEntries(attendees, new Set(['anne']), new Set())).toEqual([
      { userId: 'anne', status: 'PRESENT' },
      { userId: 'coord', status: 'EXCUSED' },
      { userId: 'nina', status: 'EXCUSED' },
    ]);
    expect(attendanceEntries(attendees, new Set(['anne']), new Set(['hugo']))).toContainEqual({
      userId: 'hugo',
      status: 'EXCUSED',
    });
  });
});
