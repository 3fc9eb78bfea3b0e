import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Cell, Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { PDFParse } from 'pdf-parse';
import { RunningApi, startApi } from './support/api-harness';
import {
  ADD_ITEM,
  ADD_NOTE,
  AGENDA,
  MARK_HELD,
  MINUTES,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
} from './support/meeting-documents';
import { WITHDRAW_CONSENT } from './support/referral-documents';
import {
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submitAndAccept,
} from './support/referral-journey';

interface MinutesItemView {
  itemId: string;
  caseCode: string;
  attended: boolean;
  summary: string | null;
  decisions: { text: string | null; rationale: string | null }[] | null;
  actions: { description: string; ownerOrganisationId: string }[];
  restrictedNotes: { category: string; text: string | null }[] | null;
  redactedFields: string[];
}

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The minutes and the agenda pass the field gate: what a partner who was in the room reads of an
 * item follows the person's consent in force, request by request, and the agenda tells the kind of
 * referrer without disclosing care.
 */
describe('field gate: meetings', () => {
  let api: RunningApi;
  let territory: Territory;
  let cell: Cell;
  const org = {} as Record<'ccas' | 'cmp' | 'clsm', Organisation>;
  const as = {} as Record<'coordinator' | 'ccas' | 'cmp', GraphqlClient>;
  const ids = {} as Record<'coordinator' | 'ccas' | 'cmp', string>;
  let caseCode: string;
  let consentId: string;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    cell = await api.factory.cell(territory);
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Porte');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Porte');
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM Porte');
    const member = async (
      who: 'coordinator' | 'ccas' | 'cmp',
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
    ) => {
      const { client, id } = await memberOf(api, territory, organisation, profession, roles, cell);
      as[who] = client;
      ids[who] = id;
    };
    await member('coordinator', org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    await member('ccas', org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER]);
    await member('cmp', org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.REFERRER]);

    // The CMP refers; the person consents to the CCAS and the CMP receiving everything.
    const referral = await referPerson(as.cmp, {
      territoryId: territory.id,
      person: { firstName: 'Inès', lastName: 'Porte', birthDate: '1979-03-02', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: [],
        questionToCell: 'Comment éviter la rupture de suivi ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
    caseCode = referral.person.caseCode;
    consentId = await recordConsent(as.cmp, api, referral.id, { organisationIds: [org.ccas.id, org.cmp.id] });
    const situationId = await submitAndAccept(as.cmp, as.coordinator, referral.id);

    // A meeting examines it with the CCAS social worker in the room.
    meetingId = await planMeeting(as.coordinator, cell.id, new Date(api.clock.now().getTime() + 20 * DAY));
    const { addAgendaItem } = await as.coordinator.expectData<{ addAgendaItem: { items: { id: string }[] } }>(
      ADD_ITEM,
      { input: { meetingId, situationId, guestOrganisationIds: [] } },
    );
    const itemId = addAgendaItem.items[0].id;
    await as.coordinator.expectData(PUBLISH_AGENDA, { m: meetingId });
    await as.coordinator.expectData(RECORD_ATTENDANCE, {
      input: {
        meetingId,
        entries: [
          { userId: ids.coordinator, status: 'PRESENT' },
          { userId: ids.ccas, status: 'PRESENT' },
        ],
      },
    });
    const dueOn = isoDay(new Date(api.clock.now().getTime() + 30 * DAY));
    await as.coordinator.expectData(RECORD_ITEM, {
      input: {
        itemId,
        presentUserIds: [ids.coordinator, ids.ccas],
        personAttended: false,
        summary: 'Rupture de suivi depuis le printemps, isolement.',
        decisions: [
          {
            text: 'Visite conjointe du CCAS et du CMP',
            rationale: 'Renouer le lien avant l’hiver',
            actions: [
              { description: 'Organiser la visite', ownerOrganisationId: org.ccas.id, dueOn },
              { description: 'Proposer un rendez-vous au CMP', ownerOrganisationId: org.cmp.id, dueOn },
            ],
          },
        ],
      },
    });
    await as.ccas.expectData(ADD_NOTE, {
      input: { itemId, category: 'SOCIAL_CONFIDENTIAL', text: 'Dettes auprès de la famille.' },
    });
    await as.coordinator.expectData(MARK_HELD, { m: meetingId });
    await as.coordinator.expectData(PUBLISH_MINUTES, { m: meetingId });
  });
  afterAll(() => api.close());

  const itemOf = async (client: GraphqlClient): Promise<MinutesItemView> => {
    const { meetingMinutes } = await client.expectData<{ meetingMinutes: { items: MinutesItemView[] } }>(
      MINUTES,
      { m: meetingId },
    );
    return meetingMinutes.items.find((item) => item.caseCode === caseCode)!;
  };

  it('tells the agenda’s readers a CMP referral came from a care or support partner, not from psychiatry', async () => {
    const { meetingAgenda } = await as.ccas.expectData<{
      meetingAgenda: { items: { referrerKind: string }[] };
    }>(AGENDA, { m: meetingId });
    expect(meetingAgenda.items.map((item) => item.referrerKind)).toEqual(['CARE_OR_SUPPORT']);

    const response = await fetch(`${api.url}/documents/meetings/${meetingId}/agenda.pdf`, {
      headers: { authorization: `Bearer ${as.ccas.accessToken}` },
    });
    expect(response.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) }).getText()).text;
    expect(text).toContain(caseCode);
    expect(text).toContain('partenaire du soin ou de l’accompagnement');
    expect(text).not.toMatch(/psychiatr/i);
  });

  it('gives the partner who was in the room what the consent in force gives its organisation', async () => {
    const item = await itemOf(as.ccas);
    expect(item.summary).toContain('Rupture de suivi');
    expect(item.decisions).toEqual([
      { text: 'Visite conjointe du CCAS et du CMP', rationale: 'Renouer le lien avant l’hiver' },
    ]);
    expect(item.restrictedNotes).toEqual([
      { category: 'SOCIAL_CONFIDENTIAL', text: 'Dettes auprès de la famille.' },
    ]);
    expect(item.actions).toHaveLength(2);
    expect(item.redactedFields).toEqual([]);
  });

  it('after the person withdraws her consent, the partner’s next request gets the case code and its own actions only', async () => {
    await as.cmp.expectData(WITHDRAW_CONSENT, { id: consentId });
    const confidentialReads = async () =>
      (
        await api.dataSource
          .getRepository(AuditEvent)
          .findBy({ actorUserId: ids.ccas, action: 'PERSON_DATA_READ' })
      ).filter((event) => event.dataCategories.includes('SOCIAL_CONFIDENTIAL')).length;
    const before = await confidentialReads();

    const item = await itemOf(as.ccas);
    expect(item).toMatchObject({
      caseCode,
      attended: true,
      summary: null,
      decisions: null,
      restrictedNotes: null,
    });
    expect(item.redactedFields).toEqual(expect.arrayContaining(['decisions', 'restrictedNotes', 'summary']));
    expect(item.actions).toEqual([
      expect.objectContaining({ description: 'Organiser la visite', ownerOrganisationId: org.ccas.id }),
    ]);
    expect(JSON.stringify(item)).not.toMatch(/Rupture|Dettes|Visite conjointe|rendez-vous au CMP/);
    // Nothing confidential was shown, so nothing confidential is written to the audit log.
    expect(before).toBeGreaterThan(0);
    expect(await confidentialReads()).toBe(before);

    // The decisions log the partner downloads says no more.
    const response = await fetch(`${api.url}/documents/meetings/${meetingId}/decisions.pdf`, {
      headers: { authorization: `Bearer ${as.ccas.accessToken}` },
    });
    const log = (await new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) }).getText()).text;
    expect(log).toContain('Organiser la visite');
    expect(log).not.toMatch(/Visite conjointe|rendez-vous au CMP/);
  });

  it('still lets the coordinator read the item in full', async () => {
    const item = await itemOf(as.coordinator);
    expect(item.summary).toContain('Rupture de suivi');
    expect(item.decisions).toEqual([expect.objectContaining({ text: 'Visite conjointe du CCAS et du CMP' })]);
    expect(item.restrictedNotes).toEqual([expect.objectContaining({ text: 'Dettes auprès de la famille.' })]);
    expect(item.actions).toHaveLength(2);
  });
});
