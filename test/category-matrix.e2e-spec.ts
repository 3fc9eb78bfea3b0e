import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DATA_CATEGORY_EXTENSION, REDACTED_FIELDS, Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import {
  getNamedType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isObjectType,
} from 'graphql';
import { RunningApi, startApi } from './support/api-harness';
import {
  ADD_ITEM,
  ADD_NOTE,
  MARK_HELD,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
} from './support/meeting-documents';
import { WITHDRAW_CONSENT } from './support/referral-documents';
import {
  acceptReferral,
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  submitForPreReview,
} from './support/referral-journey';

/**
 * Which data categories come back, for every demo profession in each relation it can hold, on
 * each object about a person. One person, referred by a CMP nurse with a consent naming the CMP,
 * the CCAS, the bailleur and the Logipsy association for every purpose and category; a SAVS is in
 * the cell but named nowhere. A category "comes back" when a field of that category (or a nested
 * one, or a note or line of that category) has a value in the answer.
 */
type Reader =
  | 'coordinator'
  | 'referringNurse'
  | 'nurseColleague'
  | 'bailleur'
  | 'socialWorker'
  | 'savsOutsider'
  | 'educator'
  | 'tisf'
  | 'administrator'
  | 'auditor';
/** The categories that came back; refused (not found or forbidden); or an empty list. */
type Answer = string[] | 'refused' | 'none';

const L = 'LOGISTIC';
const I = 'IDENTITY';
const H = 'HOUSING';
const S = 'SOCIAL_CONFIDENTIAL';
const M = 'HEALTH_SECRET';

const PRE_REVIEW: Record<Reader, Answer> = {
  coordinator: [L, I, H, S],
  referringNurse: [L, I, H, S, M],
  // Anonymous pre-review: only the author and the coordinator read the form.
  nurseColleague: [L],
  bailleur: [L],
  // The consent, recorded before submission, names the CCAS: its identity rules open the name.
  socialWorker: [L, I, S],
  savsOutsider: [L, S],
  educator: 'refused',
  tisf: 'refused',
  administrator: 'refused',
  auditor: 'refused',
};

const ACCEPTED: Record<Reader, Answer> = {
  ...PRE_REVIEW,
  // Named by the consent, each within its sharing category.
  nurseColleague: [L, I, H, S, M],
  bailleur: [L, H],
  socialWorker: [L, I, H, S],
  educator: [L, I, H, S],
  tisf: [L, I, H, S],
};

const SITUATION: Record<Reader, Answer> = {
  coordinator: [L, I],
  referringNurse: [L, I],
  nurseColleague: [L, I],
  // The consent names the bailleur, but identity never reaches a reader outside the care professions.
  bailleur: [L],
  socialWorker: [L, I],
  savsOutsider: 'refused',
  educator: [L, I],
  tisf: [L, I],
  administrator: 'refused',
  auditor: 'refused',
};

const MINUTES_ITEM: Record<Reader, Answer> = {
  coordinator: [L, S],
  referringNurse: [L, S, M],
  nurseColleague: 'refused',
  bailleur: [L],
  socialWorker: [L, S],
  // In the room, but named by no consent: the case code and nothing confidential.
  savsOutsider: [L],
  educator: 'refused',
  tisf: 'refused',
  administrator: 'refused',
  auditor: 'refused',
};

const FOLLOW_UP: Record<Reader, Answer> = {
  coordinator: [L, S],
  referringNurse: [L, S, M],
  nurseColleague: 'refused',
  bailleur: 'refused',
  socialWorker: 'refused',
  savsOutsider: 'refused',
  educator: [L, S],
  tisf: [L, S],
  administrator: 'refused',
  auditor: 'refused',
};

const HANDOFF_TO_BAILLEUR: Record<Reader, Answer> = {
  coordinator: [L, H, S],
  referringNurse: [L, H, S, M],
  nurseColleague: [L, H, S, M],
  // The receiving bailleur: the housing side of the hand-off, never the CMP line.
  bailleur: [L, H],
  socialWorker: 'none',
  savsOutsider: 'none',
  // Partners the hand-off is not for find none; the team reads hand-offs through the organisation
  // that proposed them (here the CMP).
  educator: 'none',
  tisf: 'none',
  administrator: 'refused',
  auditor: 'refused',
};

/** « Mes actions » : each reader's own organisation's actions, the outcome its owner wrote included. */
const ORGANISATION_ACTIONS: Record<Reader, Answer> = {
  coordinator: 'none',
  referringNurse: 'none',
  nurseColleague: 'none',
  // The bailleur's action and the outcome it wrote: logistics, as for anyone the cell asks to act.
  bailleur: [L],
  socialWorker: 'none',
  savsOutsider: 'none',
  educator: 'none',
  tisf: 'none',
  administrator: 'refused',
  auditor: 'refused',
};

/** After the person withdraws her consent: the coordinator and the collecting nurse keep their part. */
const WITHDRAWN_REFERRAL: Record<Reader, Answer> = {
  ...PRE_REVIEW,
  // The cell keeps the pseudonymous pre-review fields of an accepted referral, without the name.
  socialWorker: [L, S],
};

const WITHDRAWN_SITUATION: Record<Reader, Answer> = {
  ...SITUATION,
  nurseColleague: [L],
  socialWorker: [L],
  educator: [L],
  tisf: [L],
};

const WITHDRAWN_MINUTES: Record<Reader, Answer> = {
  ...MINUTES_ITEM,
  socialWorker: [L],
};

describe('category matrix: which categories each profession receives, by relation and object', () => {
  let api: RunningApi;
  let schema: GraphQLSchema;
  let territory: Territory;
  const org = {} as Record<'bailleur' | 'ccas' | 'cmp' | 'association' | 'clsm' | 'savs', Organisation>;
  const as = {} as Record<Reader, GraphqlClient>;
  const ids = {} as Record<Reader, string>;
  type Reading =
    | 'preReview'
    | 'accepted'
    | 'situation'
    | 'minutes'
    | 'followUp'
    | 'handoff'
    | 'organisationActions'
    | 'withdrawnOrganisationActions'
    | 'withdrawnReferral'
    | 'withdrawnSituation'
    | 'withdrawnMinutes';
  const seen = {} as Record<Reading, Record<Reader, Answer>>;
  let referralId: string;
  let situationId: string;
  let meetingId: string;
  let followUpId: string;

  beforeAll(async () => {
    api = await startApi();
    schema = api.app.get(GraphQLSchemaHost).schema;
    territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    org.association = await api.factory.organisation(territory, OrganisationKind.ASSOCIATION);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    org.savs = await api.factory.organisation(territory, OrganisationKind.MEDICO_SOCIAL);
    const people: Record<Reader, [Organisation, Profession, Role[]]> = {
      coordinator: [org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]],
      referringNurse: [
        org.cmp,
        Profession.PSYCHIATRIC_NURSE,
        [Role.REFERRER, Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER],
      ],
      nurseColleague: [org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.REFERRER]],
      bailleur: [org.bailleur, Profession.HOUSING_OFFICER, [Role.CELL_MEMBER]],
      socialWorker: [org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER]],
      savsOutsider: [org.savs, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER]],
      educator: [org.association, Profession.SPECIALISED_EDUCATOR, [Role.FOLLOWUP_PRACTITIONER]],
      tisf: [org.association, Profession.FAMILY_SOCIAL_WORKER, [Role.FOLLOWUP_PRACTITIONER]],
      administrator: [org.clsm, Profession.ADMINISTRATIVE_STAFF, [Role.TERRITORY_ADMIN]],
      auditor: [org.clsm, Profession.ADMINISTRATIVE_STAFF, [Role.AUDITOR]],
    };
    for (const [reader, [organisation, profession, roles]] of Object.entries(people)) {
      const { client, id } = await memberOf(api, territory, organisation, profession, roles, cell);
      as[reader as Reader] = client;
      ids[reader as Reader] = id;
    }

    referralId = (
      await referPerson(as.referringNurse, {
        territoryId: territory.id,
        person: {
          firstName: 'Aline',
          lastName: 'Matrice',
          birthDate: '1971-03-04',
          protectionMeasure: 'NONE',
        },
        form: {
          difficultyAreas: ['ISOLATION', 'CARE_INTERRUPTION'],
          servicesInvolved: ['CMP'],
          questionToCell: 'Comment éviter la rupture de bail ?',
          description: 'Ne répond plus aux courriers depuis deux mois.',
          housingContext: 'Logement encombré, voisinage inquiet.',
          healthInformation: 'Suivi au CMP interrompu depuis le printemps.',
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION', 'FOLLOW_UP_ASSESSMENT'],
        },
      })
    ).id;
    const consentId = await recordConsent(as.referringNurse, api, referralId, {
      purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
      organisationIds: [org.cmp.id, org.ccas.id, org.bailleur.id, org.association.id],
      dataCategories: [L, I, H, S, M],
    });
    await submitForPreReview(as.referringNurse, as.coordinator, referralId);
    seen.preReview = await readAll('Referral', 'referral', 'referralId', referralId);

    situationId = await acceptReferral(as.coordinator, referralId);
    seen.accepted = await readAll('Referral', 'referral', 'referralId', referralId);
    seen.situation = await readAll('Situation', 'situation', 'situationId', situationId, [
      'timeline',
      'circle',
      'actions',
    ]);

    await holdMeeting();
    seen.minutes = await readMinutes();
    seen.organisationActions = await readOrganisationActions();
    await followAndHandOff();
    seen.followUp = await readAll(
      'FollowUp',
      'followUp',
      'followUpId',
      followUpId,
      ['team', 'indicators'],
      // Its acts, a page of them: the health-only note is what sets the nurse apart.
      ['acts'],
    );
    seen.handoff = await readHandoffs();

    await as.referringNurse.expectData(WITHDRAW_CONSENT, { id: consentId });
    seen.withdrawnReferral = await readAll('Referral', 'referral', 'referralId', referralId);
    seen.withdrawnSituation = await readAll('Situation', 'situation', 'situationId', situationId, [
      'timeline',
      'circle',
      'actions',
    ]);
    seen.withdrawnMinutes = await readMinutes();
    seen.withdrawnOrganisationActions = await readOrganisationActions();
  });
  afterAll(() => api.close());

  it('gives each reader of a referral in pre-review what its relation allows', () => {
    expect(seen.preReview).toEqual(PRE_REVIEW);
  });

  it('gives each reader of an accepted referral what the consent and its profession allow', () => {
    expect(seen.accepted).toEqual(ACCEPTED);
  });

  it('gives each reader of the situation what the consent and its profession allow', () => {
    expect(seen.situation).toEqual(SITUATION);
  });

  it('gives each reader of the minutes its part', () => {
    expect(seen.minutes).toEqual(MINUTES_ITEM);
  });

  it('gives each organisation its own actions and their outcome, and nothing else', () => {
    expect(seen.organisationActions).toEqual(ORGANISATION_ACTIONS);
  });

  it('gives the team and the coordinator the follow-up within their professions', () => {
    expect(seen.followUp).toEqual(FOLLOW_UP);
  });

  it('gives the receiving bailleur the housing side of the hand-off only', () => {
    expect(seen.handoff).toEqual(HANDOFF_TO_BAILLEUR);
  });

  it('takes the confidential side away from the partners on the request after a withdrawal', () => {
    expect(seen.withdrawnReferral).toEqual(WITHDRAWN_REFERRAL);
    expect(seen.withdrawnSituation).toEqual(WITHDRAWN_SITUATION);
    expect(seen.withdrawnMinutes).toEqual(WITHDRAWN_MINUTES);
    // The actions the cell entrusted to a partner stay with it.
    expect(seen.withdrawnOrganisationActions).toEqual(ORGANISATION_ACTIONS);
  });

  /** Every field of `type`, nested objects about a person included, except those left out. */
  function selection(
    type: GraphQLObjectType,
    leftOut: readonly string[] = [],
    depth = 0,
    /** Connections read as their first page (their arguments left to their defaults). */
    connections: readonly string[] = [],
  ): string {
    return Object.values(type.getFields())
      .filter(
        (field) => !leftOut.includes(field.name) && (!field.args.length || connections.includes(field.name)),
      )
      .map((field) => {
        const inner = getNamedType(field.type);
        if (connections.includes(field.name) && isObjectType(inner)) {
          const edge = getNamedType(inner.getFields().edges.type) as GraphQLObjectType;
          const node = getNamedType(edge.getFields().node.type) as GraphQLObjectType;
          return `${field.name} { edges { node { ${selection(node, [], depth + 1)} } } }`;
        }
        if (!isObjectType(inner)) return field.name;
        return depth < 2 && REDACTED_FIELDS in inner.getFields()
          ? `${field.name} { ${selection(inner, [], depth + 1)} }`
          : '';
      })
      .filter(Boolean)
      .join(' ');
  }

  /** The categories of the fields that came back with a value, nested objects and notes included. */
  function categoriesIn(type: GraphQLNamedType, value: unknown, found: Set<string>): void {
    if (value === null || value === undefined || !isObjectType(type)) return;
    if (Array.isArray(value)) {
      for (const entry of value) categoriesIn(type, entry, found);
      return;
    }
    for (const [name, field] of Object.entries(type.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      const empty =
        fieldValue === null || fieldValue === undefined || (Array.isArray(fieldValue) && !fieldValue.length);
      if (empty || name === REDACTED_FIELDS) continue;
      const category = field.extensions?.[DATA_CATEGORY_EXTENSION];
      if (typeof category === 'string') found.add(category);
      const inner = getNamedType(field.type);
      // A note or a timeline line says its own category; an act's note is as secret as its audience.
      if (isEnumType(inner) && inner.name === 'DataCategory' && typeof fieldValue === 'string')
        found.add(fieldValue);
      if (
        type.name === 'FollowUpAct' &&
        name === 'note' &&
        (value as { noteVisibility?: string }).noteVisibility === 'HEALTH'
      )
        found.add(M);
      categoriesIn(inner, fieldValue, found);
    }
  }

  function answerOf(type: GraphQLObjectType, value: unknown): string[] {
    const found = new Set<string>();
    categoriesIn(type, value, found);
    return [L, I, H, S, M].filter((category) => found.has(category));
  }

  async function readAll(
    typeName: string,
    queryName: string,
    argument: string,
    id: string,
    leftOut: readonly string[] = [],
    connections: readonly string[] = [],
  ): Promise<Record<Reader, Answer>> {
    const type = schema.getType(typeName) as GraphQLObjectType;
    const query = `query ($id: ID!) { ${queryName}(${argument}: $id) { ${selection(type, leftOut, 0, connections)} } }`;
    const answers = {} as Record<Reader, Answer>;
    for (const reader of Object.keys(as) as Reader[]) {
      const response = await as[reader].request<Record<string, unknown>>(query, { id });
      answers[reader] = answerTo(response, () => answerOf(type, response.data?.[queryName]));
    }
    return answers;
  }

  /** A refusal must be one (not found, forbidden); any other error fails the test. */
  function answerTo(
    response: { errors?: { message: string; extensions?: Record<string, unknown> }[] },
    categories: () => Answer,
  ): Answer {
    if (!response.errors?.length) return categories();
    expect({ errors: response.errors }).toEqual({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) }),
        }),
      ],
    });
    return 'refused';
  }

  async function readMinutes(): Promise<Record<Reader, Answer>> {
    const type = schema.getType('MinutesItem') as GraphQLObjectType;
    const query = `query ($id: ID!) { meetingMinutes(meetingId: $id) { items { ${selection(type)} } } }`;
    const answers = {} as Record<Reader, Answer>;
    for (const reader of Object.keys(as) as Reader[]) {
      const response = await as[reader].request<{ meetingMinutes: { items: unknown[] } }>(query, {
        id: meetingId,
      });
      answers[reader] = answerTo(response, () => answerOf(type, response.data!.meetingMinutes.items));
    }
    return answers;
  }

  async function readOrganisationActions(): Promise<Record<Reader, Answer>> {
    const type = schema.getType('Action') as GraphQLObjectType;
    const query = `query ($t: ID!) { myOrganisationActions(territoryId: $t) { edges { node { ${selection(type)} } } } }`;
    const answers = {} as Record<Reader, Answer>;
    for (const reader of Object.keys(as) as Reader[]) {
      const response = await as[reader].request<{ myOrganisationActions: { edges: { node: unknown }[] } }>(
        query,
        { t: territory.id },
      );
      answers[reader] = answerTo(response, () => {
        const nodes = response.data!.myOrganisationActions.edges.map((edge) => edge.node);
        return nodes.length ? answerOf(type, nodes) : 'none';
      });
    }
    return answers;
  }

  async function readHandoffs(): Promise<Record<Reader, Answer>> {
    const type = schema.getType('Handoff') as GraphQLObjectType;
    const query = `query ($id: ID!) { handoffs(situationId: $id) { ${selection(type)} } }`;
    const answers = {} as Record<Reader, Answer>;
    for (const reader of Object.keys(as) as Reader[]) {
      const response = await as[reader].request<{ handoffs: unknown[] }>(query, { id: situationId });
      answers[reader] = answerTo(response, () =>
        response.data!.handoffs.length ? answerOf(type, response.data!.handoffs) : 'none',
      );
    }
    return answers;
  }

  /** Examined with the coordinator, the nurse, the bailleur, the CCAS and the SAVS in the room. */
  async function holdMeeting(): Promise<void> {
    const [cell] = await api.dataSource.query(`SELECT id FROM cells WHERE territory_id = $1`, [territory.id]);
    meetingId = await planMeeting(as.coordinator, cell.id, new Date(api.clock.now().getTime() + 86_400_000));
    const { addAgendaItem } = await as.coordinator.expectData<{ addAgendaItem: { items: { id: string }[] } }>(
      ADD_ITEM,
      { input: { meetingId, situationId, guestOrganisationIds: [org.bailleur.id] } },
    );
    const itemId = addAgendaItem.items[0].id;
    await as.coordinator.expectData(PUBLISH_AGENDA, { m: meetingId });
    const present = [ids.coordinator, ids.referringNurse, ids.bailleur, ids.socialWorker, ids.savsOutsider];
    await as.coordinator.expectData(RECORD_ATTENDANCE, {
      input: { meetingId, entries: present.map((userId) => ({ userId, status: 'PRESENT' })) },
    });
    const dueOn = new Date(api.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await as.coordinator.expectData(RECORD_ITEM, {
      input: {
        itemId,
        presentUserIds: present,
        personAttended: false,
        summary: 'Rupture de soins et dette locative.',
        decisions: [
          {
            text: 'Visite conjointe CCAS et CMP',
            rationale: 'Renouer le contact',
            actions: [
              { description: 'Proposer un plan d’apurement', ownerOrganisationId: org.bailleur.id, dueOn },
            ],
          },
        ],
      },
    });
    await as.referringNurse.expectData(ADD_NOTE, {
      input: { itemId, category: M, text: 'Traitement interrompu depuis l’été.' },
    });
    await as.socialWorker.expectData(ADD_NOTE, {
      input: { itemId, category: S, text: 'Dossier de surendettement en cours.' },
    });
    await as.coordinator.expectData(MARK_HELD, { m: meetingId });
    await as.coordinator.expectData(PUBLISH_MINUTES, { m: meetingId });
    const [action] = await api.dataSource.query(
      `SELECT id FROM situation_actions WHERE owner_organisation_id = $1`,
      [org.bailleur.id],
    );
    await as.bailleur.expectData(`mutation ($i: UpdateActionInput!) { updateAction(input: $i) { id } }`, {
      i: { actionId: action.id, status: 'IN_PROGRESS', outcome: 'Plan proposé, réponse attendue.' },
    });
  }

  /** A trinôme with a team note and a health-only note, then a hand-off to the bailleur. */
  async function followAndHandOff(): Promise<void> {
    const { startFollowUp } = await as.coordinator.expectData<{ startFollowUp: { id: string } }>(
      `mutation ($input: StartFollowUpInput!) { startFollowUp(input: $input) { id } }`,
      {
        input: {
          situationId,
          kind: 'ASSESSMENT',
          requesterKind: 'PSYCHIATRY',
          requestedByReferralId: referralId,
          objectives: ['Renouer le contact avec le CMP'],
          team: [
            { role: 'PATHWAY_COORDINATOR', userId: ids.educator },
            { role: 'FAMILY_SOCIAL_WORKER', userId: ids.tisf },
            { role: 'PSYCHIATRIC_PROFESSIONAL', userId: ids.referringNurse },
          ],
        },
      },
    );
    followUpId = startFollowUp.id;
    const act = `mutation ($input: RecordActInput!) { recordFollowUpAct(input: $input) { id } }`;
    const occurredOn = api.clock.now().toISOString().slice(0, 10);
    await as.educator.expectData(act, {
      input: {
        followUpId,
        occurredOn,
        type: 'HOME_VISIT',
        durationMinutes: 45,
        presentUserIds: [ids.educator, ids.tisf],
        note: 'Accueil méfiant, accepte un second rendez-vous.',
        noteVisibility: 'TEAM',
      },
    });
    await as.referringNurse.expectData(act, {
      input: {
        followUpId,
        occurredOn,
        type: 'HOME_VISIT',
        durationMinutes: 30,
        presentUserIds: [ids.referringNurse],
        note: 'Traitement arrêté depuis trois mois.',
        noteVisibility: 'HEALTH',
      },
    });
    await as.referringNurse.expectData(
      `mutation ($input: ProposeHandoffInput!) { proposeHandoff(input: $input) { id } }`,
      {
        input: {
          situationId,
          followUpId,
          receivingOrganisationId: org.bailleur.id,
          referentName: 'Gestionnaire de secteur',
          cmpFollowUpStatus: 'APPOINTMENT_SET',
          firstAppointmentOn: '2027-01-12',
          evictionProcedureState: 'PRE_LITIGATION',
          rightsOpened: ['HOUSING_ALLOWANCE'],
          residualRisks: 'Risque de nouvelle rupture de soins.',
          personAgreed: true,
        },
      },
    );
  }
});
