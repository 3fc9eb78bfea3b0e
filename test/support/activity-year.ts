/**
 * A territory's year of activity (2025, with five referrals of 2024 before it) built through the
 * api on a moved clock, as people would live it, then projected for the activity report by the
 * reporting consumer over its outbox events in order. Suites read the report and check its figures
 * against what is built here; the comments say what was built, day by day.
 */
import { Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { ReportingConsumer } from '@relais/reporting';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi } from './api-harness';
import { RECORD_FOLLOW_UP_ACT, START_FOLLOW_UP } from './follow-up-fixtures';
import {
  ADD_ITEM,
  MARK_HELD,
  PUBLISH_AGENDA,
  PUBLISH_MINUTES,
  RECORD_ATTENDANCE,
  RECORD_ITEM,
  UPDATE_ACTION,
} from './meeting-documents';
import { REDIRECT_REFERRAL, REQUEST_DEROGATION, WITHDRAW_CONSENT } from './referral-documents';
import { planMeeting, recordConsent, referPerson, submit, submitAndAccept } from './referral-journey';

const RENEW = /* GraphQL */ `
  mutation ($f: ID!) {
    renewFollowUp(followUpId: $f, reason: "Objectifs en cours") {
      id
    }
  }
`;
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeHandoffInput!) {
    proposeHandoff(input: $input) {
      id
    }
  }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerHandoffInput!) {
    answerHandoff(input: $input) {
      id
    }
  }
`;
const CLOSE = /* GraphQL */ `
  mutation ($s: ID!) {
    closeSituation(situationId: $s, reason: NO_LONGER_COMPLEX) {
      id
    }
  }
`;

export interface Account {
  id: string;
  email: string;
  password: string;
}

/** What people typed about the persons: none of it may leave in a report. */
export const PERSON = { lastName: 'Vasseur-Olmédo', birthDate: '1963-08-21', firstName: 'Honorine' };
export const TEXTS = {
  question: 'Odeurs signalées par le voisinage du troisième étage',
  summary: 'Madame refuse d’ouvrir depuis la coupure d’électricité',
  decision: 'Visite à domicile avec l’infirmière du secteur',
  action: 'Appeler la fille de Madame pour organiser la visite',
  act: 'Appartement très encombré, chat malade',
  derogation: 'Péril imminent signalé par les pompiers, personne injoignable',
  risks: 'Rupture de traitement possible à la sortie',
};

/** Builds the year and projects it; returns the territory, its people and a way to sign them in. */
export async function liveActivityYear(api: RunningApi) {
  api.clock.set(new Date('2024-05-06T09:00:00Z'));
  const territory: Territory = await api.factory.territory();
  const cell = await api.factory.cell(territory);
  const org = async (kind: OrganisationKind) => api.factory.organisation(territory, kind);
  const orgs = {
    clsm: await org(OrganisationKind.MUNICIPAL),
    bailleur: await org(OrganisationKind.HOUSING),
    ccas: await org(OrganisationKind.SOCIAL),
    cmp: await org(OrganisationKind.PSYCHIATRY),
    association: await org(OrganisationKind.ASSOCIATION),
  };
  const user = (organisation: Organisation, profession: Profession, roles: Role[], inCell = false) =>
    api.factory.user({ territory, organisation, profession, roles, cell: inCell ? cell : undefined });
  const people = {
    coordinator: await user(orgs.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR], true),
    bailleur: await user(orgs.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]),
    social: await user(orgs.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER], true),
    nurse: await user(
      orgs.cmp,
      Profession.PSYCHIATRIC_NURSE,
      [Role.CELL_MEMBER, Role.REFERRER, Role.FOLLOWUP_PRACTITIONER],
      true,
    ),
    educator: await user(orgs.association, Profession.SPECIALISED_EDUCATOR, [Role.FOLLOWUP_PRACTITIONER]),
    tisf: await user(orgs.association, Profession.FAMILY_SOCIAL_WORKER, [Role.FOLLOWUP_PRACTITIONER]),
    steering: await user(orgs.clsm, Profession.MUNICIPAL_OFFICER, [Role.STEERING]),
  };
  // Sessions open at the moved clock: a token from months before would have expired.
  const sessions = new Map<Account, GraphqlClient>();
  const at = async (moment: string) => {
    api.clock.set(new Date(moment));
    sessions.clear();
  };
  const as = async (account: Account): Promise<GraphqlClient> => {
    const open = sessions.get(account);
    if (open) return open;
    const { client } = await logInClient(api.anonymous, account.email, account.password);
    sessions.set(account, client);
    return client;
  };
  let written = 0;
  const refer = async (referrer: Account, organisationIds: string[]) => {
    written += 1;
    const client = await as(referrer);
    const referral = await referPerson(client, {
      territoryId: territory.id,
      person: {
        ...PERSON,
        firstName: `${PERSON.firstName}${'e'.repeat(written)}`,
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['HYGIENE_HOARDING'],
        servicesInvolved: ['Bailleur'],
        questionToCell: TEXTS.question,
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION', 'FOLLOW_UP_ASSESSMENT'],
      },
    });
    const consentId = await recordConsent(client, api, referral.id, {
      organisationIds,
      purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
    });
    return { referralId: referral.id, consentId };
  };
  const partners = [orgs.ccas.id, orgs.cmp.id, orgs.association.id];

  // 2024: five referrals of the bailleur, submitted only (the previous period).
  for (let index = 0; index < 5; index += 1) {
    const { referralId } = await refer(people.bailleur, partners);
    await submit(await as(people.bailleur), referralId);
  }

  // 10 February 2025: seven referrals of the bailleur, accepted.
  await at('2025-02-10T09:00:00Z');
  const housing: { referralId: string; consentId: string; situationId: string }[] = [];
  for (let index = 0; index < 7; index += 1) {
    const referral = await refer(people.bailleur, partners);
    const situationId = await submitAndAccept(
      await as(people.bailleur),
      await as(people.coordinator),
      referral.referralId,
    );
    housing.push({ ...referral, situationId });
  }
  // 3 March: two of the CCAS, one accepted and one redirected; two of the CMP, submitted only.
  await at('2025-03-03T09:00:00Z');
  const social = await refer(people.social, partners);
  const socialSituation = await submitAndAccept(
    await as(people.social),
    await as(people.coordinator),
    social.referralId,
  );
  const redirected = await refer(people.social, partners);
  await submit(await as(people.social), redirected.referralId);
  await (
    await as(people.coordinator)
  ).expectData(REDIRECT_REFERRAL, {
    input: { referralId: redirected.referralId, target: 'CCAPEX', message: 'Relève de la CCAPEX.' },
  });
  for (let index = 0; index < 2; index += 1) {
    const { referralId } = await refer(people.nurse, partners);
    await submit(await as(people.nurse), referralId);
  }

  // A meeting of the cell, planned on 10 March for the 17th, then another planned then for 14 April.
  const hold = async (
    startsAt: string,
    situationIds: string[],
    present: Account[],
    actions: { dueOn: string }[] = [],
  ) => {
    const coordinator = await as(people.coordinator);
    const meetingId = await planMeeting(coordinator, cell.id, new Date(startsAt));
    let items: { id: string; situationId: string }[] = [];
    for (const situationId of situationIds) {
      const { addAgendaItem } = await coordinator.expectData<{
        addAgendaItem: { items: { id: string; situationId: string }[] };
      }>(ADD_ITEM, { input: { meetingId, situationId, guestOrganisationIds: [orgs.bailleur.id] } });
      items = addAgendaItem.items;
    }
    await coordinator.expectData(PUBLISH_AGENDA, { m: meetingId });
    await at(startsAt);
    const held = await as(people.coordinator);
    await held.expectData(RECORD_ATTENDANCE, {
      input: {
        meetingId,
        entries: [people.coordinator, people.social, people.nurse, people.bailleur].map((member) => ({
          userId: member.id,
          status: present.includes(member) ? 'PRESENT' : 'EXCUSED',
        })),
      },
    });
    for (const [position, item] of items.entries()) {
      await held.expectData(RECORD_ITEM, {
        input: {
          itemId: item.id,
          presentUserIds: present.map((member) => member.id),
          personAttended: false,
          summary: TEXTS.summary,
          decisions: [
            {
              text: TEXTS.decision,
              actions: (position === 0 ? actions : []).map(({ dueOn }) => ({
                description: TEXTS.action,
                ownerOrganisationId: orgs.ccas.id,
                dueOn,
              })),
            },
          ],
        },
      });
    }
    await held.expectData(MARK_HELD, { m: meetingId });
    // A meeting counts as held once its minutes are published, here three days later: the
    // report still dates it (and its examinations) on the day it sat.
    await at(new Date(Date.parse(startsAt) + 3 * 86_400_000).toISOString());
    await (await as(people.coordinator)).expectData(PUBLISH_MINUTES, { m: meetingId });
    return meetingId;
  };
  await at('2025-03-10T09:00:00Z');
  await hold(
    '2025-03-17T09:00:00Z',
    housing.slice(0, 5).map((referral) => referral.situationId),
    [people.coordinator, people.social, people.nurse, people.bailleur],
    // Eight actions: five done three weeks later, two overdue by the end of the year, one not due yet.
    [...Array(7).fill({ dueOn: '2025-04-30' }), { dueOn: '2026-03-31' }],
  );
  // 7 April: the CCAS reports five of its actions done.
  await at('2025-04-07T09:00:00Z');
  const actionIds = (
    (await api.dataSource.query(
      `SELECT a.id FROM situation_actions a WHERE a.territory_id = $1 ORDER BY a.due_on, a.id`,
      [territory.id],
    )) as { id: string }[]
  ).map((row) => row.id);
  expect(actionIds).toHaveLength(8);
  for (const actionId of actionIds.slice(0, 5)) {
    await (await as(people.social)).expectData(UPDATE_ACTION, { input: { actionId, status: 'DONE' } });
  }
  // The second meeting: the first situation presented again, three examined for the first time.
  await at('2025-04-07T10:00:00Z');
  await hold(
    '2025-04-14T09:00:00Z',
    [housing[0].situationId, housing[5].situationId, housing[6].situationId, socialSituation],
    [people.coordinator, people.social, people.bailleur],
  );

  // May: a trinôme follow-up for the second tenant, acts at home and elsewhere, renewed in September.
  await at('2025-05-05T09:00:00Z');
  const { startFollowUp } = await (
    await as(people.coordinator)
  ).expectData<{ startFollowUp: { id: string } }>(START_FOLLOW_UP, {
    input: {
      situationId: housing[1].situationId,
      kind: 'ASSESSMENT',
      requesterKind: 'HOUSING',
      requestedByReferralId: housing[1].referralId,
      objectives: ['Renouer le contact avec le CMP'],
      team: [
        { role: 'PATHWAY_COORDINATOR', userId: people.educator.id },
        { role: 'FAMILY_SOCIAL_WORKER', userId: people.tisf.id },
        { role: 'PSYCHIATRIC_PROFESSIONAL', userId: people.nurse.id },
      ],
    },
  });
  const followUpId = startFollowUp.id;
  for (const [occurredOn, type] of [
    ['2025-05-06', 'HOME_VISIT'],
    ['2025-05-12', 'HOME_VISIT'],
    ['2025-05-20', 'HOME_VISIT'],
    ['2025-05-26', 'PHONE'],
  ]) {
    await at(`${occurredOn}T09:00:00Z`);
    await (
      await as(people.educator)
    ).expectData(RECORD_FOLLOW_UP_ACT, {
      input: {
        followUpId,
        occurredOn,
        type,
        durationMinutes: 45,
        presentUserIds: [people.educator.id],
        note: TEXTS.act,
        noteVisibility: 'TEAM',
      },
    });
  }
  // June: the seventh tenant withdraws her consent.
  await at('2025-06-16T09:00:00Z');
  await (await as(people.bailleur)).expectData(WITHDRAW_CONSENT, { id: housing[6].consentId });
  // July: a derogation asked for a person who cannot be reached (a draft referral, never submitted).
  await at('2025-07-07T09:00:00Z');
  const { referralId: unreachable } = await (async () => {
    written += 1;
    const referral = await referPerson(await as(people.bailleur), {
      territoryId: territory.id,
      person: {
        ...PERSON,
        firstName: `${PERSON.firstName}${'e'.repeat(written)}`,
        protectionMeasure: 'NONE',
      },
      form: {
        difficultyAreas: ['SAFETY_RISK'],
        servicesInvolved: [],
        questionToCell: TEXTS.question,
        urgency: 'HIGH',
        requests: ['CELL_EXAMINATION'],
      },
    });
    return { referralId: referral.id };
  })();
  await (
    await as(people.bailleur)
  ).expectData(REQUEST_DEROGATION, {
    id: unreachable,
    input: {
      ground: 'PERIL',
      justification: TEXTS.derogation,
      organisationIds: [orgs.ccas.id],
      dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'],
    },
  });
  await at('2025-09-01T09:00:00Z');
  await (await as(people.coordinator)).expectData(RENEW, { f: followUpId });
  // November: the hand-off to the CMP, accepted two days later.
  await at('2025-11-03T09:00:00Z');
  const { proposeHandoff } = await (
    await as(people.educator)
  ).expectData<{ proposeHandoff: { id: string } }>(PROPOSE, {
    input: {
      situationId: housing[1].situationId,
      followUpId,
      receivingOrganisationId: orgs.cmp.id,
      cmpFollowUpStatus: 'APPOINTMENT_SET',
      evictionProcedureState: 'NONE',
      rightsOpened: [],
      personAgreed: true,
      residualRisks: TEXTS.risks,
    },
  });
  await at('2025-11-05T09:00:00Z');
  await (
    await as(people.nurse)
  ).expectData(ANSWER, { input: { handoffId: proposeHandoff.id, accept: true } });
  // Three more meetings in November, the first tenant's situation presented at each again.
  for (const startsAt of ['2025-11-10T09:00:00Z', '2025-11-17T09:00:00Z', '2025-11-24T09:00:00Z']) {
    await hold(
      startsAt,
      [housing[0].situationId],
      [people.coordinator, people.social, people.nurse, people.bailleur],
    );
  }
  // December: the third tenant's situation is closed.
  await at('2025-12-01T09:00:00Z');
  await (await as(people.coordinator)).expectData(CLOSE, { s: housing[2].situationId });

  // The worker's consumer, event by event in order, as the relay hands them over.
  const consumer = api.app.get(ReportingConsumer);
  const events = await api.dataSource
    .getRepository(OutboxEvent)
    .find({ where: { territoryId: territory.id }, order: { sequence: 'ASC' } });
  for (const event of events) await consumer.handle(event.id);

  return { territory, people, at, as, housing, events };
}
