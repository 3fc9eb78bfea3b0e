import { parisDate } from '@relais/config';
import { ppcsProblems } from '@relais/reporting';
import { PDFParse } from 'pdf-parse';
import { RunningApi, startApi } from './support/api-harness';
import { apiToday, recordAct, TrinomeFollowUp, trinomeFollowUp } from './support/follow-up-fixtures';
import {
  ADD_ITEM,
  MARK_HELD,
  PUBLISH_AGENDA,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
} from './support/meeting-documents';
import { REDIRECT_REFERRAL } from './support/referral-documents';
import { planMeeting, referPerson, submitForPreReview } from './support/referral-journey';

const DAY = 24 * 60 * 60 * 1000;
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const READ_FOLLOW_UP = /* GraphQL */ `
  query ($id: ID!) {
    followUp(followUpId: $id) {
      id
      acts {
        edges {
          node {
            note
          }
        }
      }
    }
  }
`;
const REQUEST_FIELDS =
  'id kind status receivedOn answerBy request outcome answeredOn answeredByUserId redactedFields';
const RECORD = `mutation ($input: RecordDataSubjectRequestInput!) { recordDataSubjectRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const START = `mutation ($id: ID!) { startDataSubjectRequest(requestId: $id) { ${REQUEST_FIELDS} } }`;
const ANSWER = `mutation ($input: AnswerDataSubjectRequestInput!) { answerDataSubjectRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const LIST = /* GraphQL */ `
  query ($t: ID!, $p: ID, $first: Int, $after: String) {
    dataSubjectRequests(territoryId: $t, personId: $p, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          status
          answerBy
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface RequestNode {
  id: string;
  kind: string;
  status: string;
  receivedOn: string;
  answerBy: string;
  request: string | null;
  outcome: string | null;
  answeredOn: string | null;
  answeredByUserId: string | null;
}

/**
 * The person's rights, as the coordination answers them: her whole file (identity, situation,
 * referral, consent, the cell's decision and action, the follow-up and its act, the hand-off) as
 * JSON and PDF with who read it; her requests tracked to their answer; erasure refused while the
 * cell still acts; and the situation's plan handed over in the PPCS structure its schema accepts.
 */
describe('the person’s rights (RGPD 15–21) and the PPCS export', () => {
  let api: RunningApi;
  let f: TrinomeFollowUp;
  let personId: string;
  let handoffId: string;
  const decision = 'Orienter vers le CMP pour une reprise de soins';
  const actionText = 'Proposer un rendez-vous infirmier à domicile';

  const download = (path: string, token: string | undefined) =>
    fetch(`${api.url}/documents/territories/${f.territory.id}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    api = await startApi();
    f = await trinomeFollowUp(api);
    const coordinator = f.accounts.coordinator;
    [{ person_id: personId }] = (await api.dataSource.query(
      `SELECT person_id FROM situations WHERE id = $1`,
      [f.situationId],
    )) as { person_id: string }[];

    // The cell examines the situation: a decision and its action for the CMP.
    const cell = await api.factory.cell(f.territory);
    const meetingId = await planMeeting(
      coordinator.client,
      cell.id,
      new Date(api.clock.now().getTime() + 2 * DAY),
    );
    const { addAgendaItem } = await coordinator.client.expectData<{
      addAgendaItem: { items: { id: string; situationId: string }[] };
    }>(ADD_ITEM, { input: { meetingId, situationId: f.situationId, guestOrganisationIds: [] } });
    await coordinator.client.expectData(PUBLISH_AGENDA, { m: meetingId });
    await coordinator.client.expectData(RECORD_ATTENDANCE, {
      input: { meetingId, entries: [{ userId: coordinator.id, status: 'PRESENT' }] },
    });
    const dueOn = new Date(api.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    await coordinator.client.expectData(RECORD_ITEM, {
      input: {
        itemId: addAgendaItem.items[0].id,
        presentUserIds: [coordinator.id],
        personAttended: false,
        summary: 'Logement encombré, soins interrompus depuis six mois',
        decisions: [
          {
            text: decision,
            rationale: 'La personne accepte une visite',
            actions: [{ description: actionText, ownerOrganisationId: f.organisations.cmp.id, dueOn }],
          },
        ],
      },
    });
    await coordinator.client.expectData(MARK_HELD, { m: meetingId });

    // The team's act, then a hand-off to the CMP, still awaiting its answer.
    await recordAct(api, f, f.accounts.educator, { note: 'Première visite, accueil réservé' });
    // Older calls, more than the api's pages hold: her file still holds every act.
    for (let day = 1; day <= 24; day += 1) {
      await api.dataSource.query(
        `INSERT INTO follow_up_acts (territory_id, follow_up_id, occurred_on, type, duration_minutes,
                                     present_user_ids, note, note_visibility, author_user_id, recorded_at)
         VALUES ($1, $2, CAST($3 AS date) - $4::int, 'PHONE', 15, '{}', $5, 'TEAM', $6, now())`,
        [f.territory.id, f.followUpId, apiToday(api), day, `Appel de suivi ${day}`, f.accounts.educator.id],
      );
    }
    ({
      proposeHandoff: { id: handoffId },
    } = await f.accounts.educator.client.expectData<{ proposeHandoff: { id: string } }>(PROPOSE, {
      input: {
        situationId: f.situationId,
        followUpId: f.followUpId,
        receivingOrganisationId: f.organisations.cmp.id,
        cmpFollowUpStatus: 'REQUESTED',
        evictionProcedureState: 'NONE',
        rightsOpened: [],
        personAgreed: true,
      },
    }));
    // The nurse reads the follow-up: her organisation is among those who read the file.
    await f.accounts.nurse.client.expectData(READ_FOLLOW_UP, { id: f.followUpId });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records the person’s requests, answers them within the month, and lists them page by page', async () => {
    const client = f.accounts.coordinator.client;
    const today = parisDate(api.clock.now());
    const { recordDataSubjectRequest: access } = await client.expectData<{
      recordDataSubjectRequest: RequestNode;
    }>(RECORD, {
      input: {
        territoryId: f.territory.id,
        personId,
        kind: 'ACCESS',
        receivedOn: today,
        request: 'Souhaite savoir qui a lu son dossier',
      },
    });
    expect(access).toMatchObject({
      kind: 'ACCESS',
      status: 'RECEIVED',
      request: 'Souhaite savoir qui a lu son dossier',
    });
    const [year, month, day] = today.split('-').map(Number);
    expect(access.answerBy > today).toBe(true);
    expect(access.answerBy.slice(0, 7)).toBe(
      `${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}`,
    );
    expect(Number(access.answerBy.slice(8))).toBeLessThanOrEqual(day);

    const { startDataSubjectRequest: started } = await client.expectData<{
      startDataSubjectRequest: RequestNode;
    }>(START, { id: access.id });
    expect(started.status).toBe('IN_PROGRESS');
    const twice = await client.request(START, { id: access.id });
    expect(twice.errors?.[0]).toMatchObject({
      message: 'Cette demande est déjà en cours de traitement.',
      extensions: { code: 'INVALID_TRANSITION' },
    });
    const { answerDataSubjectRequest: answered } = await client.expectData<{
      answerDataSubjectRequest: RequestNode;
    }>(ANSWER, { input: { requestId: access.id, status: 'DONE', outcome: 'Export remis en main propre' } });
    expect(answered).toMatchObject({
      status: 'DONE',
      outcome: 'Export remis en main propre',
      answeredOn: today,
      answeredByUserId: f.accounts.coordinator.id,
    });
    const again = await client.request(ANSWER, {
      input: { requestId: access.id, status: 'REFUSED', outcome: 'Changement d’avis' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    // Erasure while the situation is open and the follow-up under way: refused, with the reasons.
    const { recordDataSubjectRequest: erasure } = await client.expectData<{
      recordDataSubjectRequest: RequestNode;
    }>(RECORD, {
      input: {
        territoryId: f.territory.id,
        personId,
        kind: 'ERASURE',
        receivedOn: today,
        request: 'Demande l’effacement de son dossier',
      },
    });
    const refused = await client.request(ANSWER, {
      input: { requestId: erasure.id, status: 'DONE', outcome: 'Dossier effacé' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain(
      'une situation de la personne est encore suivie par la cellule',
    );
    expect(refused.errors?.[0]?.message).toContain('un accompagnement est en cours');
    expect(refused.errors?.[0]?.message).toContain('un passage de relais attend la réponse');
    const { answerDataSubjectRequest: motivated } = await client.expectData<{
      answerDataSubjectRequest: RequestNode;
    }>(ANSWER, {
      input: { requestId: erasure.id, status: 'REFUSED', outcome: 'Refus motivé : accompagnement en cours' },
    });
    expect(motivated.status).toBe('REFUSED');

    const page = async (after: string | null) =>
      (
        await client.expectData<{
          dataSubjectRequests: {
            edges: { node: RequestNode }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>(LIST, { t: f.territory.id, p: personId, first: 1, after })
      ).dataSubjectRequests;
    const first = await page(null);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id).sort()).toEqual(
      [access.id, erasure.id].sort(),
    );

    // Partners of the file never reach the person's rights.
    const nurse = await f.accounts.nurse.client.request(LIST, { t: f.territory.id, p: personId });
    expect(nurse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('erases a person the cell no longer acts for: her identity anonymised, the request answered', async () => {
    const coordinator = f.accounts.coordinator.client;
    const referral = await referPerson(f.accounts.bailleur.client, {
      territoryId: f.territory.id,
      person: { firstName: 'Nina', lastName: 'Effacée', birthDate: '1980-05-06', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: ['Bailleur'],
        questionToCell: 'Que faire de la dette ?',
        urgency: 'LOW',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await submitForPreReview(f.accounts.bailleur.client, coordinator, referral.id);
    await coordinator.expectData(REDIRECT_REFERRAL, {
      input: { referralId: referral.id, target: 'CCAPEX', message: 'Relève de la CCAPEX.' },
    });
    const { recordDataSubjectRequest: erasure } = await coordinator.expectData<{
      recordDataSubjectRequest: RequestNode;
    }>(RECORD, {
      input: {
        territoryId: f.territory.id,
        personId: referral.person.id,
        kind: 'ERASURE',
        receivedOn: parisDate(api.clock.now()),
        request: 'Ne souhaite plus figurer dans les fichiers du CLSM',
      },
    });
    const { answerDataSubjectRequest: done } = await coordinator.expectData<{
      answerDataSubjectRequest: RequestNode;
    }>(ANSWER, { input: { requestId: erasure.id, status: 'DONE', outcome: 'Données anonymisées' } });
    expect(done.status).toBe('DONE');
    const identities = (await api.dataSource.query(`SELECT 1 FROM person_identities WHERE person_id = $1`, [
      referral.person.id,
    ])) as unknown[];
    expect(identities).toEqual([]);
    const anonymised = (await api.dataSource.query(
      `SELECT details FROM audit_events WHERE person_id = $1 AND action = 'PERSON_ANONYMISED'`,
      [referral.person.id],
    )) as { details: { ground: string } }[];
    expect(anonymised.map((event) => event.details.ground)).toEqual(['ERASURE_REQUEST']);
  });

  it('exports every linked object as JSON, with an access log matching the audit’s reads, and the same as a French PDF', async () => {
    const response = await download(
      `people/${personId}/acces-aux-donnees.json`,
      f.accounts.coordinator.client.accessToken,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const file = (await response.json()) as {
      identity: { lastName: string; firstName: string } | null;
      situations: { id: string; actions: { description: string; ownerOrganisationId: string }[] }[];
      archivedSituations: unknown[];
      referrals: { id: string }[];
      consents: { id: string; status: string }[];
      derogations: unknown[];
      examinations: { situationId: string; items: { decisions: { text: string }[] }[] }[];
      followUps: { id: string; acts: { note: string | null }[] }[];
      handoffs: { id: string; status: string }[];
      requests: { kind: string; status: string }[];
      accessLog: {
        occurredAt: string;
        userId: string;
        organisationId: string;
        organisationName: string;
        action: string;
        categories: string[];
      }[];
    };
    expect(file.identity).toMatchObject({ lastName: 'Relais', firstName: 'Yves' });
    expect(file.situations.map((situation) => situation.id)).toEqual([f.situationId]);
    expect(file.archivedSituations).toEqual([]);
    expect(file.situations[0].actions).toContainEqual(
      expect.objectContaining({ description: actionText, ownerOrganisationId: f.organisations.cmp.id }),
    );
    expect(file.referrals.map((referral) => referral.id)).toEqual([f.referralId]);
    expect(file.consents).toHaveLength(1);
    expect(file.consents[0].status).toBe('GIVEN');
    expect(file.examinations.map((examination) => examination.situationId)).toEqual([f.situationId]);
    expect(file.examinations[0].items[0].decisions.map((made) => made.text)).toEqual([decision]);
    expect(file.followUps.map((followUp) => followUp.id)).toEqual([f.followUpId]);
    expect(file.followUps[0].acts.map((act) => act.note)).toEqual([
      'Première visite, accueil réservé',
      ...Array.from({ length: 24 }, (_, index) => `Appel de suivi ${index + 1}`),
    ]);
    expect(file.handoffs).toEqual([expect.objectContaining({ id: handoffId, status: 'PROPOSED' })]);
    expect(file.requests.map((request) => `${request.kind}:${request.status}`)).toEqual([
      'ACCESS:DONE',
      'ERASURE:REFUSED',
    ]);

    // The log in the file is the audit's reads of her data, in order, up to the export.
    const audited = (await api.dataSource.query(
      `SELECT e.actor_user_id, u.organisation_id, e.action, e.data_categories, e.occurred_at
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.territory_id = $1 AND e.person_id = $2
          AND e.action IN ('PERSON_DATA_READ', 'DOCUMENT_DOWNLOADED', 'IDENTITY_REVEALED_IN_MEETING')
        ORDER BY coalesce(e.sequence, (SELECT l.sequence FROM audit_read_links l
                   WHERE l.territory_id = e.territory_id AND e.position = ANY (l.positions))), e.position`,
      [f.territory.id, personId],
    )) as {
      actor_user_id: string;
      organisation_id: string;
      action: string;
      data_categories: string[];
      occurred_at: Date;
    }[];
    expect(audited.length).toBeGreaterThan(file.accessLog.length);
    expect(
      file.accessLog.map((read) => [
        read.userId,
        read.organisationId,
        read.action,
        read.categories,
        read.occurredAt,
      ]),
    ).toEqual(
      audited
        .slice(0, file.accessLog.length)
        .map((row) => [
          row.actor_user_id,
          row.organisation_id,
          row.action,
          row.data_categories,
          row.occurred_at.toISOString(),
        ]),
    );
    // The export itself is the next read recorded.
    expect(audited[file.accessLog.length]).toMatchObject({
      actor_user_id: f.accounts.coordinator.id,
      action: 'DOCUMENT_DOWNLOADED',
    });
    const readers = new Map(file.accessLog.map((read) => [read.userId, read.organisationName]));
    expect(readers.get(f.accounts.nurse.id)).toBe(f.organisations.cmp.name);
    expect(readers.get(f.accounts.bailleur.id)).toBe(f.organisations.bailleur.name);
    expect(readers.get(f.accounts.educator.id)).toBe(f.organisations.association.name);

    const pdf = await download(
      `people/${personId}/acces-aux-donnees.pdf`,
      f.accounts.coordinator.client.accessToken,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) }).getText()).text;
    for (const section of [
      'Identité',
      'Situations',
      'Saisines',
      'Consentements et dérogations',
      'Décisions et actions',
      'Accompagnements',
      'Passages de relais',
      'Demandes sur vos données',
      'Qui a consulté votre dossier',
    ])
      expect(text).toContain(section);
    expect(text).toContain('Nom : Relais');
    expect(text).toContain(decision);
    expect(text).toContain(f.organisations.cmp.name);

    // Nobody of this territory: not found, as any id the coordination does not read.
    const unknown = await download(
      'people/5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10/acces-aux-donnees.json',
      f.accounts.coordinator.client.accessToken,
    );
    expect(unknown.status).toBe(404);
    // Another member of the file may not export it.
    const refused = await download(
      `people/${personId}/acces-aux-donnees.json`,
      f.accounts.nurse.client.accessToken,
    );
    expect(refused.status).toBe(403);
  });

  it('hands the situation’s plan over in the PPCS structure its schema accepts', async () => {
    const response = await download(
      `situations/${f.situationId}/ppcs.json`,
      f.accounts.coordinator.client.accessToken,
    );
    expect(response.status).toBe(200);
    const plan = (await response.json()) as {
      person: { caseCode: string; identity: { lastName: string } | null };
      professionals: { organisationId: string; roles: string[]; people: { name: string }[] }[];
      problems: { code: string; domain: string }[];
      actions: {
        description: string;
        type: string;
        ownerOrganisationName: string;
        dueOn: string;
        status: string;
      }[];
      objectives: { id: string; reached: boolean }[];
      objectivesNotReached: string[];
    };
    expect(ppcsProblems(plan)).toEqual([]);
    expect(plan.person).toMatchObject({ caseCode: f.caseCode, identity: { lastName: 'Relais' } });
    expect(plan.actions).toEqual([
      expect.objectContaining({
        description: actionText,
        type: 'CARE',
        ownerOrganisationName: f.organisations.cmp.name,
        status: 'TODO',
      }),
    ]);
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        { code: 'HYGIENE_HOARDING', domain: 'HOUSING', label: expect.any(String) },
        { code: 'CARE_INTERRUPTION', domain: 'HEALTH', label: expect.any(String) },
      ]),
    );
    const association = plan.professionals.find(
      (entry) => entry.organisationId === f.organisations.association.id,
    );
    expect(association?.roles).toContain('FOLLOW_UP_TEAM');
    expect(association?.people.map((person) => person.name)).toEqual(
      expect.arrayContaining([f.accounts.educator.name, f.accounts.tisf.name]),
    );
    expect(plan.objectives).toHaveLength(2);
    expect(plan.objectivesNotReached).toEqual(plan.objectives.map((objective) => objective.id));

    const refused = await download(
      `situations/${f.situationId}/ppcs.json`,
      f.accounts.educator.client.accessToken,
    );
    expect(refused.status).toBe(403);
  });
});
