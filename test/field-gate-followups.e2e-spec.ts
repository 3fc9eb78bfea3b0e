import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { PDFParse } from 'pdf-parse';
import { RunningApi, startApi } from './support/api-harness';
import { memberOf, recordConsent, referPerson, submitAndAccept } from './support/referral-journey';

const START = `mutation ($input: StartFollowUpInput!) { startFollowUp(input: $input) { id } }`;
const ACT = `mutation ($input: RecordActInput!) { recordFollowUpAct(input: $input) { id } }`;
const READ = `query ($id: ID!) { followUp(followUpId: $id) {
  id caseCode acts { edges { node { id note noteVisibility redactedFields } } } objectives { text redactedFields } redactedFields
} }`;
const PROPOSE = `mutation ($input: ProposeHandoffInput!) { proposeHandoff(input: $input) { id } }`;
const HANDOFF_FIELDS = `id receivingOrganisationId cmpFollowUpStatus firstAppointmentOn residualRisks
  socialReferent rightsOpened evictionProcedureState contacts status redactedFields`;
const HANDOFFS = `query ($id: ID!) { handoffs(situationId: $id) { ${HANDOFF_FIELDS} } }`;

interface HandoffView {
  id: string;
  receivingOrganisationId: string;
  cmpFollowUpStatus: string | null;
  firstAppointmentOn: string | null;
  residualRisks: string | null;
  socialReferent: string | null;
  rightsOpened: string[] | null;
  evictionProcedureState: string | null;
  contacts: string | null;
  redactedFields: string[];
}

const HEALTH_NOTE = 'Traitement neuroleptique arrêté depuis trois mois.';
const RISKS = 'Rupture de soins possible en cas de nouvelle hospitalisation.';
const HEALTH_FIELDS = ['cmpFollowUpStatus', 'firstAppointmentOn'];

describe('the field gate on follow-ups and hand-offs', () => {
  let api: RunningApi;
  let territory: Territory;
  const org = {} as Record<'bailleur' | 'association' | 'cmp' | 'clsm', Organisation>;
  const as = {} as Record<'bailleur' | 'coordinator' | 'tisf' | 'nurse' | 'psychiatrist', GraphqlClient>;
  const ids = {} as Record<
    'bailleur' | 'coordinator' | 'educator' | 'tisf' | 'nurse' | 'psychiatrist',
    string
  >;
  let situationId: string;
  let personId: string;
  let followUpId: string;
  let toBailleur: string;
  let toCmp: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Bailleur Habitat');
    org.association = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION, 'Association');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'Centre Nord');
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'Conseil local');
    const member = async (
      name: keyof typeof ids,
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
    ) => {
      if (name === 'educator') {
        // The educator is on the team but reads nothing here: it needs no session.
        ids[name] = (await api.factory.user({ territory, organisation, profession, roles })).id;
      } else {
        const { client, id } = await memberOf(api, territory, organisation, profession, roles);
        as[name] = client;
        ids[name] = id;
      }
    };
    await member('bailleur', org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    await member('coordinator', org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    await member('educator', org.association, Profession.SPECIALISED_EDUCATOR, [Role.FOLLOWUP_PRACTITIONER]);
    await member('tisf', org.association, Profession.FAMILY_SOCIAL_WORKER, [Role.FOLLOWUP_PRACTITIONER]);
    await member('nurse', org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.FOLLOWUP_PRACTITIONER]);
    await member('psychiatrist', org.cmp, Profession.PSYCHIATRIST, [Role.CELL_MEMBER]);

    const { id: referralId } = await referPerson(as.bailleur, {
      territoryId: territory.id,
      person: {
        firstName: 'Aline',
        lastName: 'Portail',
        birthDate: '1970-05-05',
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['CARE_INTERRUPTION'],
        servicesInvolved: ['Bailleur'],
        questionToCell: 'Éviter la procédure d’expulsion',
        urgency: 'MEDIUM',
        requests: ['FOLLOW_UP_ASSESSMENT'],
      },
    });
    // The consent names the bailleur for hand-offs too: the sharing matrix, not the consent, keeps
    // health from it.
    await recordConsent(as.bailleur, api, referralId, {
      purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
      organisationIds: [org.association.id, org.cmp.id, org.bailleur.id],
    });
    situationId = await submitAndAccept(as.bailleur, as.coordinator, referralId);
    personId = (
      (await api.dataSource.query('SELECT person_id FROM situations WHERE id = $1', [situationId])) as {
        person_id: string;
      }[]
    )[0].person_id;
    followUpId = (
      await as.coordinator.expectData<{ startFollowUp: { id: string } }>(START, {
        input: {
          situationId,
          kind: 'HOUSING_SUSTAINMENT',
          requesterKind: 'HOUSING',
          requestedByReferralId: referralId,
          objectives: ['Maintenir le bail'],
          team: [
            { role: 'PATHWAY_COORDINATOR', userId: ids.educator },
            { role: 'FAMILY_SOCIAL_WORKER', userId: ids.tisf },
            { role: 'PSYCHIATRIC_PROFESSIONAL', userId: ids.nurse },
          ],
        },
      })
    ).startFollowUp.id;
  });
  afterAll(() => api.close());

  const eventsBy = (userId: string) =>
    api.dataSource
      .getRepository(AuditEvent)
      .findBy({ actorUserId: userId, personId, action: 'PERSON_DATA_READ' });
  /** The person-data reads audited for a user, each as its list of categories. */
  const readsBy = async (userId: string) => (await eventsBy(userId)).map((event) => event.dataCategories);
  /** The bailleur wrote the referral (and read the person then): only its later reads count. */
  let bailleurEarlierReads: Set<string>;

  const pdfText = async (client: GraphqlClient, handoffId: string) => {
    const response = await fetch(`${api.url}/documents/handoffs/${handoffId}/passage-de-relais.pdf`, {
      headers: { authorization: `Bearer ${client.accessToken}` },
    });
    expect(response.status).toBe(200);
    return (await new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) }).getText()).text;
  };

  const handoffsAs = async (client: GraphqlClient) =>
    (await client.expectData<{ handoffs: HandoffView[] }>(HANDOFFS, { id: situationId })).handoffs;

  it('audits what the TISF was shown of a follow-up without acts: its objectives, nothing of identity or health', async () => {
    const before = new Set((await eventsBy(ids.tisf)).map((event) => event.id));
    const { followUp } = await as.tisf.expectData<{
      followUp: { caseCode: string; acts: { edges: unknown[] }; objectives: { text: string | null }[] };
    }>(READ, { id: followUpId });
    expect(followUp.acts.edges).toEqual([]);
    expect(followUp.objectives.every((objective) => objective.text)).toBe(true);
    // One read event for this request, naming exactly the category shown (the objectives' text).
    const recorded = (await eventsBy(ids.tisf)).filter((event) => !before.has(event.id));
    expect(recorded.map((event) => event.dataCategories)).toEqual([['SOCIAL_CONFIDENTIAL']]);
  });

  it('audits the health secret the team nurse reads in a health-only note, and not for the TISF who does not see it', async () => {
    await as.nurse.expectData(ACT, {
      input: {
        followUpId,
        occurredOn: api.clock.now().toISOString().slice(0, 10),
        type: 'HOME_VISIT',
        durationMinutes: 45,
        presentUserIds: [ids.nurse],
        note: HEALTH_NOTE,
        noteVisibility: 'HEALTH',
      },
    });
    const before = (await readsBy(ids.nurse)).filter((categories) => categories.includes('HEALTH_SECRET'));
    const nurse = await as.nurse.expectData<{
      followUp: { acts: { edges: { node: { note: string | null } }[] } };
    }>(READ, { id: followUpId });
    expect(nurse.followUp.acts.edges[0].node.note).toBe(HEALTH_NOTE);
    const after = (await readsBy(ids.nurse)).filter((categories) => categories.includes('HEALTH_SECRET'));
    expect(after).toHaveLength(before.length + 1);

    const tisf = await as.tisf.expectData<{
      followUp: { acts: { edges: { node: { note: string | null; redactedFields: string[] } }[] } };
    }>(READ, { id: followUpId });
    expect(tisf.followUp.acts.edges[0].node).toMatchObject({ note: null, redactedFields: ['note'] });
    expect((await readsBy(ids.tisf)).flat()).not.toContain('HEALTH_SECRET');
  });

  it('keeps the CMP follow-up, first appointment and remaining risks of a hand-off from the receiving bailleur', async () => {
    bailleurEarlierReads = new Set((await eventsBy(ids.bailleur)).map((event) => event.id));
    const handoff = {
      situationId,
      followUpId,
      referentName: 'Mme Gardienne',
      cmpFollowUpStatus: 'ONGOING',
      firstAppointmentOn: '2027-02-03',
      socialReferent: 'M. Social, CCAS',
      evictionProcedureState: 'SUMMONS',
      rightsOpened: ['AAH', 'HOUSING_ALLOWANCE'],
      residualRisks: RISKS,
      contacts: 'Sa sœur, 06 00 00 00 00',
      personAgreed: true,
    };
    toBailleur = (
      await as.nurse.expectData<{ proposeHandoff: { id: string } }>(PROPOSE, {
        input: { ...handoff, receivingOrganisationId: org.bailleur.id },
      })
    ).proposeHandoff.id;
    toCmp = (
      await as.nurse.expectData<{ proposeHandoff: { id: string } }>(PROPOSE, {
        input: { ...handoff, receivingOrganisationId: org.cmp.id },
      })
    ).proposeHandoff.id;

    const bailleur = await handoffsAs(as.bailleur);
    // A party to the bailleur's hand-off only: the CMP's is not its to see.
    expect(bailleur.map((row) => row.id)).toEqual([toBailleur]);
    expect(bailleur[0]).toMatchObject({
      cmpFollowUpStatus: null,
      firstAppointmentOn: null,
      residualRisks: null,
      socialReferent: null,
      rightsOpened: null,
      contacts: null,
      evictionProcedureState: 'SUMMONS',
    });
    expect(bailleur[0].redactedFields).toEqual(
      expect.arrayContaining([
        ...HEALTH_FIELDS,
        'residualRisks',
        'rightsOpened',
        'socialReferent',
        'contacts',
      ]),
    );
    expect(bailleur[0].redactedFields).not.toContain('evictionProcedureState');

    // The health professional who proposed it reads all of it, the CMP's too.
    const nurse = await handoffsAs(as.nurse);
    for (const row of nurse) {
      expect(row).toMatchObject({
        cmpFollowUpStatus: 'ONGOING',
        firstAppointmentOn: '2027-02-03',
        residualRisks: RISKS,
        redactedFields: [],
      });
    }
    // The CMP's psychiatrist receives the other hand-off, with its health details.
    const psychiatrist = await handoffsAs(as.psychiatrist);
    expect(psychiatrist.find((row) => row.id === toCmp)).toMatchObject({
      cmpFollowUpStatus: 'ONGOING',
      firstAppointmentOn: '2027-02-03',
      residualRisks: RISKS,
    });
    // The coordinator (not a health professional) reads the confidential lines, not the health ones.
    const coordinator = (await handoffsAs(as.coordinator)).find((row) => row.id === toBailleur)!;
    expect(coordinator).toMatchObject({
      cmpFollowUpStatus: null,
      firstAppointmentOn: null,
      residualRisks: RISKS,
    });
    expect(coordinator.redactedFields).toEqual(HEALTH_FIELDS);
  });

  it('prints the bailleur’s PDF without the CMP line, the appointment or the remaining risks; the health reader’s with them', async () => {
    const bailleur = await pdfText(as.bailleur, toBailleur);
    expect(bailleur).toContain('Passage de relais');
    expect(bailleur).toContain('assignation');
    expect(bailleur).not.toContain('CMP');
    expect(bailleur).not.toContain('rendez-vous');
    expect(bailleur).not.toContain('Rupture de soins');
    expect(bailleur).not.toContain('allocation aux adultes handicapés');
    expect(bailleur).not.toContain('Portail');

    const nurse = await pdfText(as.nurse, toBailleur);
    expect(nurse).toContain('Suivi au CMP : en cours, premier rendez-vous le');
    expect(nurse).toContain('Rupture de soins');
    const psychiatrist = await pdfText(as.psychiatrist, toCmp);
    expect(psychiatrist).toContain('Suivi au CMP : en cours');
    expect(psychiatrist).toContain('Rupture de soins');
    expect(psychiatrist).toContain('Aline Portail');
  });

  it('records no identity nor health read for the bailleur’s reads of its hand-off', async () => {
    const categories = (await eventsBy(ids.bailleur))
      .filter((event) => !bailleurEarlierReads.has(event.id))
      .flatMap((event) => event.dataCategories);
    expect(categories).not.toContain('IDENTITY');
    expect(categories).not.toContain('HEALTH_SECRET');
    // Its readings are logged as downloads, never as health or identity reads.
    expect(
      await api.dataSource
        .getRepository(AuditEvent)
        .countBy({ actorUserId: ids.bailleur, subjectId: toBailleur, action: 'DOCUMENT_DOWNLOADED' }),
    ).toBe(1);
    // The psychiatrist's PDF named the person and told of care: both are on record.
    expect((await readsBy(ids.psychiatrist)).flat()).toEqual(
      expect.arrayContaining(['IDENTITY', 'HEALTH_SECRET']),
    );
  });
});
