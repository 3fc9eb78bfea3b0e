import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Organisation, Profession, Territory } from '@relais/identity';
import { RunningApi, startApi } from './support/api-harness';
import { HeldMeeting, HELD_MEETING_TEXTS, holdMeeting } from './support/held-meeting';
import { ADD_NOTE, PUBLISH_MINUTES } from './support/meeting-documents';

const MINUTES_FIELDS = /* GraphQL */ `
  meetingId
  published
  attendance { userId organisationId status representedByUserId }
  items {
    itemId position caseCode kind attended personAttended summary nextReviewOn
    personInformedOn personAnswer redactedFields
    decisions { id text rationale redactedFields }
    actions { id description ownerOrganisationId ownerUserId dueOn status outcome redactedFields }
    restrictedNotes { id category text redactedFields }
  }
`;
const MINUTES = `query ($m: ID!) { meetingMinutes(meetingId: $m) { ${MINUTES_FIELDS} } }`;
const PREVIEW = `query ($m: ID!, $o: ID!) {
  meetingMinutesPreview(meetingId: $m, organisationId: $o) {
    organisationId organisationName organisationKind readerProfession readerSharingCategory
    minutes { ${MINUTES_FIELDS} }
  }
}`;
const NOTE_CHOICES = `query ($m: ID!) { restrictedNoteChoices(meetingId: $m) { itemId categories } }`;

interface MinutesView {
  published: boolean;
  items: {
    itemId: string;
    caseCode: string;
    summary: string | null;
    decisions: { text: string | null }[] | null;
    actions: { description: string; ownerOrganisationId: string }[];
    restrictedNotes: { category: string; text: string | null }[] | null;
  }[];
}
interface PreviewView {
  organisationName: string;
  readerProfession: string | null;
  readerSharingCategory: string | null;
  minutes: MinutesView | null;
}

/** The minutes without the notes under the medical secret, which a coordinator who is no health professional never reads. */
function withoutHealthNotes(minutes: MinutesView): MinutesView {
  return {
    ...minutes,
    items: minutes.items.map((item) => ({
      ...item,
      restrictedNotes:
        item.restrictedNotes?.filter((note) => note.category !== 'HEALTH_SECRET') ?? item.restrictedNotes,
    })),
  };
}

const HEALTH_NOTE = 'Traitement interrompu depuis l’été, rendez-vous au CMP à reprendre.';
const SOCIAL_NOTE = 'Dettes auprès de la famille, à ne pas évoquer devant le bailleur.';

/**
 * The coordination sees the minutes as each partner will read them, computed by the server through
 * the very read and masking path of a member of that partner, within what the coordinator reads
 * itself: the preview of the draft is what that member reads once the minutes are published (but
 * the medical secret), and a health note never reaches a landlord's preview.
 */
describe('minutes preview: as each partner will read them', () => {
  let api: RunningApi;
  let held: HeldMeeting;

  beforeAll(async () => {
    api = await startApi();
    held = await holdMeeting(api, 'Aperçu');
    const { nurse, socialWorker } = held.accounts;
    await nurse.client.expectData(ADD_NOTE, {
      input: { itemId: held.items.housing.id, category: 'HEALTH_SECRET', text: HEALTH_NOTE },
    });
    await socialWorker.client.expectData(ADD_NOTE, {
      input: { itemId: held.items.housing.id, category: 'SOCIAL_CONFIDENTIAL', text: SOCIAL_NOTE },
    });
    // A colleague of the landlord who was not at the meeting: the preview reads as the one who was.
    const territory = await api.dataSource.getRepository(Territory).findOneByOrFail({ id: held.territoryId });
    const bailleur = await api.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: held.organisations.bailleur.id });
    await api.factory.user({
      territory,
      organisation: bailleur,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
  });
  afterAll(() => api.close());

  const preview = async (organisation: keyof HeldMeeting['organisations']) =>
    (
      await held.accounts.coordinator.client.expectData<{ meetingMinutesPreview: PreviewView }>(PREVIEW, {
        m: held.meetingId,
        o: held.organisations[organisation].id,
      })
    ).meetingMinutesPreview;
  const minutesOf = async (who: keyof HeldMeeting['accounts']) =>
    (
      await held.accounts[who].client.expectData<{ meetingMinutes: MinutesView }>(MINUTES, {
        m: held.meetingId,
      })
    ).meetingMinutes;
  const itemOf = (minutes: MinutesView | null, item: 'housing' | 'social') =>
    minutes!.items.find((entry) => entry.itemId === held.items[item].id);

  it('tells each one who was in the room where a note may be added, and under which categories', async () => {
    const choices = async (who: keyof HeldMeeting['accounts']) =>
      (
        await held.accounts[who].client.expectData<{
          restrictedNoteChoices: { itemId: string; categories: string[] }[];
        }>(NOTE_CHOICES, { m: held.meetingId })
      ).restrictedNoteChoices;
    expect(await choices('nurse')).toEqual([
      { itemId: held.items.housing.id, categories: ['SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'] },
    ]);
    expect(await choices('socialWorker')).toEqual([
      { itemId: held.items.housing.id, categories: ['SOCIAL_CONFIDENTIAL'] },
      { itemId: held.items.social.id, categories: ['SOCIAL_CONFIDENTIAL'] },
    ]);
    // In the room, but a landlord writes no restricted note at all.
    expect(await choices('landlord')).toEqual([]);
  });

  it('shows the landlord’s preview of the draft: its item and its action, no summary, no note, no decision', async () => {
    const landlord = await preview('bailleur');
    expect(landlord).toMatchObject({
      organisationName: held.organisations.bailleur.name,
      readerProfession: 'HOUSING_OFFICER',
      readerSharingCategory: 'NOT_LISTED',
    });
    expect(landlord.minutes!.published).toBe(false);
    expect(itemOf(landlord.minutes, 'housing')).toMatchObject({
      summary: null,
      decisions: null,
      restrictedNotes: null,
      actions: [
        expect.objectContaining({
          description: HELD_MEETING_TEXTS.landlordAction,
          ownerOrganisationId: held.organisations.bailleur.id,
        }),
      ],
    });
    expect(itemOf(landlord.minutes, 'social')).toMatchObject({ summary: null, decisions: null, actions: [] });
    const text = JSON.stringify(landlord);
    expect(text).not.toContain(HEALTH_NOTE);
    expect(text).not.toContain(SOCIAL_NOTE);
    expect(text).not.toContain(HELD_MEETING_TEXTS.housingSummary);
    expect(text).not.toContain(HELD_MEETING_TEXTS.cmpAction);
  });

  it('shows the CMP’s preview within what the coordinator reads itself: the social note, never the nurse’s health note', async () => {
    const cmp = await preview('cmp');
    expect(cmp.readerSharingCategory).toBe('HEALTH');
    expect(itemOf(cmp.minutes, 'housing')).toMatchObject({
      summary: HELD_MEETING_TEXTS.housingSummary,
      restrictedNotes: [expect.objectContaining({ category: 'SOCIAL_CONFIDENTIAL', text: SOCIAL_NOTE })],
    });
    expect(JSON.stringify(cmp)).not.toContain(HEALTH_NOTE);
    expect(itemOf(cmp.minutes, 'social')).toMatchObject({
      summary: null,
      decisions: null,
      restrictedNotes: null,
    });
    // The CCAS social worker reads the social note, never the health one.
    const ccas = await preview('ccas');
    expect(itemOf(ccas.minutes, 'housing')!.restrictedNotes).toEqual([
      expect.objectContaining({ category: 'SOCIAL_CONFIDENTIAL', text: SOCIAL_NOTE }),
    ]);
    expect(JSON.stringify(ccas)).not.toContain(HEALTH_NOTE);
  });

  it('is the coordination’s alone, audited, and refuses a partner of another territory', async () => {
    const refused = await held.accounts.nurse.client.request(PREVIEW, {
      m: held.meetingId,
      o: held.organisations.cmp.id,
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const elsewhere = await api.factory.organisation(await api.factory.territory());
    const foreign = await held.accounts.coordinator.client.request(PREVIEW, {
      m: held.meetingId,
      o: elsewhere.id,
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const events = await api.dataSource.getRepository(AuditEvent).findBy({
      territoryId: held.territoryId,
      action: 'MINUTES_PREVIEWED',
      actorUserId: held.accounts.coordinator.id,
    });
    expect(events.map((event) => event.details.organisationId)).toEqual(
      expect.arrayContaining([held.organisations.bailleur.id, held.organisations.cmp.id]),
    );
    expect(
      events.find((event) => event.details.organisationId === held.organisations.bailleur.id)!.details,
    ).toMatchObject({ readerUserId: held.accounts.landlord.id });
    // What the coordinator was shown of the people is recorded as its own reading.
    const reads = await api.dataSource.getRepository(AuditEvent).findBy({
      territoryId: held.territoryId,
      action: 'PERSON_DATA_READ',
      actorUserId: held.accounts.coordinator.id,
    });
    expect(reads.some((event) => event.dataCategories.includes('SOCIAL_CONFIDENTIAL'))).toBe(true);
    // Previewing as the CMP showed the coordinator nothing under the medical secret.
    expect(reads.some((event) => event.dataCategories.includes('HEALTH_SECRET'))).toBe(false);
    expect(
      await api.dataSource.getRepository(AuditEvent).countBy({
        territoryId: held.territoryId,
        action: 'PERSON_DATA_READ',
        actorUserId: held.accounts.nurse.id,
      }),
    ).toBe(0);
  });

  it('equals, once published, what a member of each partner reads itself', async () => {
    const drafts = {
      bailleur: await preview('bailleur'),
      cmp: await preview('cmp'),
      ccas: await preview('ccas'),
    };
    await held.accounts.coordinator.client.expectData(PUBLISH_MINUTES, { m: held.meetingId });
    const readers = { bailleur: 'landlord', cmp: 'nurse', ccas: 'socialWorker' } as const;
    for (const [organisation, member] of Object.entries(readers) as [
      keyof typeof readers,
      HeldMeetingRole,
    ][]) {
      const own = await minutesOf(member);
      // The nurse reads her health note; the preview stops at what the coordinator reads itself.
      const withinCoordination = withoutHealthNotes(own);
      expect({ ...drafts[organisation].minutes, published: true }).toEqual(withinCoordination);
      expect((await preview(organisation)).minutes).toEqual(withinCoordination);
    }
    expect(JSON.stringify(await minutesOf('nurse'))).toContain(HEALTH_NOTE);
  });

  it('answers null for a partner that will not read the minutes: not invited, not in the cell, or no member', async () => {
    const territory = await api.dataSource.getRepository(Territory).findOneByOrFail({ id: held.territoryId });
    const association = await api.factory.organisation(territory);
    expect(await previewOf(association.id)).toMatchObject({ readerProfession: null, minutes: null });
    await api.factory.user({
      territory,
      organisation: association,
      profession: Profession.SOCIAL_WORKER,
      roles: [Role.REFERRER],
    });
    expect(await previewOf(association.id)).toMatchObject({
      readerProfession: 'SOCIAL_WORKER',
      minutes: null,
    });
  });

  const previewOf = async (organisationId: string) =>
    (
      await held.accounts.coordinator.client.expectData<{ meetingMinutesPreview: PreviewView }>(PREVIEW, {
        m: held.meetingId,
        o: organisationId,
      })
    ).meetingMinutesPreview;
});

type HeldMeetingRole = keyof HeldMeeting['accounts'];
