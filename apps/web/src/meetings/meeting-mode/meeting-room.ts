/**
 * Who may be in the room, who is, and for which item: the professionals (never the person
 * concerned) with their organisation. Pure, so that what the confirmation of a reveal says is the
 * room the api checks.
 */

export interface Professional {
  id: string;
  firstName: string;
  lastName: string;
  organisationId: string;
}

export interface NamedOrganisation {
  id: string;
  name: string;
}

/** Someone expected at the meeting: a member of the cell, or a professional of an item's guest. */
export interface Attendee {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  /** A standing invitee (member of the cell, or substitute). */
  standing: boolean;
  /** A professional of an organisation invited to an item; neither this nor standing: added in the room. */
  guest: boolean;
}

const byOrganisationThenName = (a: Attendee, b: Attendee) =>
  a.organisationName.localeCompare(b.organisationName, 'fr') || a.name.localeCompare(b.name, 'fr');

/**
 * The cell's standing invitees, the professionals of every organisation invited to an item among
 * `members`, and `others` (recorded in the room, or added by name), each once, by organisation then
 * name. A standing invitee whose account is gone is left out: the api would refuse it.
 */
export function expectedAttendees(
  standing: readonly { userId: string; organisationId: string }[],
  guestOrganisationIds: readonly string[],
  members: readonly Professional[],
  organisations: readonly NamedOrganisation[],
  others: readonly Professional[] = [],
): Attendee[] {
  const organisationName = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const memberById = new Map(members.map((member) => [member.id, member]));
  const attendees = new Map<string, Attendee>();
  const guests = new Set(guestOrganisationIds);
  const add = (member: Professional, isStanding: boolean) => {
    if (attendees.has(member.id)) return;
    attendees.set(member.id, {
      userId: member.id,
      name: `${member.firstName} ${member.lastName}`,
      organisationId: member.organisationId,
      organisationName: organisationName.get(member.organisationId) ?? 'Partenaire',
      standing: isStanding,
      guest: guests.has(member.organisationId),
    });
  };
  for (const invitee of standing) {
    const member = memberById.get(invitee.userId);
    if (member) add(member, true);
  }
  for (const member of members) if (guests.has(member.organisationId)) add(member, false);
  for (const other of others) add(other, false);
  return [...attendees.values()].sort(byOrganisationThenName);
}

/**
 * For one item: the people listed (everyone present at the meeting, and the professionals of the
 * item's guests), and those checked at first (members of the cell present, the item's guests
 * present). A guest of another item is listed but not checked: they come for their own item.
 */
export function itemRoomChoices(
  attendees: readonly Attendee[],
  presentIds: ReadonlySet<string>,
  itemGuestOrganisationIds: readonly string[],
): { listed: Attendee[]; preselected: string[] } {
  const guests = new Set(itemGuestOrganisationIds);
  const listed = attendees.filter(
    (attendee) => presentIds.has(attendee.userId) || guests.has(attendee.organisationId),
  );
  const preselected = listed
    .filter(
      (attendee) =>
        presentIds.has(attendee.userId) && (attendee.standing || guests.has(attendee.organisationId)),
    )
    .map((attendee) => attendee.userId);
  return { listed, preselected };
}

/** One organisation in the room for a reveal, with the people there (none for a guest alone). */
export interface RoomOrganisation {
  id: string;
  name: string;
  people: string[];
}

/**
 * The room the api checks for a reveal: once the item is recorded, the people recorded there;
 * before, everyone present at the meeting; and the item's guest organisations either way. The
 * coordinator who reveals is not counted (she reads identities by her role).
 */
export function revealRoom(input: {
  attendees: readonly Attendee[];
  /** The people recorded for the item, once it is; otherwise the meeting's present people. */
  peopleIds: ReadonlySet<string>;
  itemGuestOrganisationIds: readonly string[];
  organisations: readonly NamedOrganisation[];
  coordinatorId: string | undefined;
}): RoomOrganisation[] {
  const room = new Map<string, RoomOrganisation>();
  const organisationName = new Map(
    input.organisations.map((organisation) => [organisation.id, organisation.name]),
  );
  const place = (id: string) => {
    let entry = room.get(id);
    if (!entry) {
      entry = { id, name: organisationName.get(id) ?? 'Partenaire', people: [] };
      room.set(id, entry);
    }
    return entry;
  };
  for (const attendee of input.attendees) {
    if (!input.peopleIds.has(attendee.userId) || attendee.userId === input.coordinatorId) continue;
    place(attendee.organisationId).people.push(attendee.name);
  }
  for (const id of input.itemGuestOrganisationIds) place(id);
  return [...room.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export interface AttendanceEntry {
  userId: string;
  status: 'PRESENT' | 'EXCUSED';
}

/**
 * The attendance to send: each person checked is present; a member of the cell not checked is
 * excused, and so is a guest once sent as present (the api replaces only the entries it is sent).
 */
export function attendanceEntries(
  attendees: readonly Attendee[],
  presentIds: ReadonlySet<string>,
  sentPresentIds: ReadonlySet<string>,
): AttendanceEntry[] {
  return attendees.flatMap((attendee): AttendanceEntry[] => {
    if (presentIds.has(attendee.userId)) return [{ userId: attendee.userId, status: 'PRESENT' }];
    if (attendee.standing || sentPresentIds.has(attendee.userId))
      return [{ userId: attendee.userId, status: 'EXCUSED' }];
    return [];
  });
}
