/**
 * What the coordinator's inbox is tested on, built through the api as the partners would build it:
 * a landlord's referrals sent to the cell (one read anonymously, one to redirect, one whose consent
 * the cell asks for), a CCAS referral about a person the cell already follows (a possible
 * duplicate, in pre-review), a derogation the CCAS asked for, one partner's late action and a
 * hand-off nobody answered, a situation whose review is due; in a territory of more than a hundred
 * partners, those named past the directory's first page. The coordinator works at the CCAS as a
 * social worker: a second social professional related to the person, who may weigh the derogation.
 */
import { Role } from '@relais/access';
import { parisDate } from '@relais/config';
import { OrganisationKind, Profession } from '@relais/identity';
import { logInClient } from '@relais/testing';
import type { RunningApi } from '../support/api-harness';
import { crowdDirectory } from '../support/crowded-directory';
import { seedActions, seedHandoffs, seedSituations } from '../support/inbox-fixtures';
import { REQUEST_DEROGATION, START_PRE_REVIEW } from '../support/referral-documents';
import { memberOf, recordConsent, referPerson, submit, submitAndAccept } from '../support/referral-journey';

export const DEROGATION_JUSTIFICATION =
  'La personne est hospitalisée sans pouvoir s’exprimer ; le logement est insalubre et dangereux.';
export const LATE_ACTION = 'Proposer un plan d’apurement de la dette';

export interface InboxReferralRef {
  id: string;
  caseCode: string;
  /** The person's name, which the inbox must never show. */
  name: string;
}

export interface InboxScenario {
  coordinator: { email: string; password: string };
  territoryId: string;
  landlordName: string;
  cmpName: string;
  /** Sent by the landlord: seen anonymously. */
  anonymous: InboxReferralRef;
  /** In pre-review, about a person the cell already follows. */
  duplicate: InboxReferralRef & { knownCaseCode: string };
  toRedirect: InboxReferralRef;
  toAskConsent: InboxReferralRef;
  derogationGroundLabel: string;
  /** A situation whose review is two days late. */
  reviewCaseCode: string;
}

function form(question: string) {
  return {
    difficultyAreas: ['HOUSING_DEBT', 'ISOLATION'],
    servicesInvolved: ['Service social départemental'],
    questionToCell: question,
    urgency: 'MEDIUM',
    requests: ['CELL_EXAMINATION'],
    housingContext: 'Loyers impayés depuis quatre mois.',
  };
}

export async function seedInboxScenario(api: RunningApi): Promise<InboxScenario> {
  const stamp = Date.now();
  const territory = await api.factory.territory();
  const landlordName = `Habitat Inbox ${stamp}`;
  const cmpName = `CMP Inbox ${stamp}`;
  const bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, landlordName);
  const ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, `CCAS Inbox ${stamp}`);
  const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, cmpName);
  // More partners than the directory's first page, all before these three: the inbox names them anyway.
  await crowdDirectory(api, territory);

  const coordinator = await api.factory.user({
    territory,
    organisation: ccas,
    profession: Profession.SOCIAL_WORKER,
    roles: [Role.COORDINATOR],
  });
  const { client: coordination } = await logInClient(api.anonymous, coordinator.email, coordinator.password);
  const landlord = await memberOf(api, territory, bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
  const socialWorker = await memberOf(api, territory, ccas, Profession.SOCIAL_WORKER, [Role.REFERRER]);

  const sent = async (
    by: typeof landlord,
    firstName: string,
    lastName: string,
    question: string,
  ): Promise<InboxReferralRef> => {
    const referral = await referPerson(by.client, {
      territoryId: territory.id,
      person: { firstName, lastName, birthDate: '1958-03-04', protectionMeasure: 'NONE' },
      form: form(question),
    });
    await recordConsent(by.client, api, referral.id, { organisationIds: [ccas.id, bailleur.id] });
    await submit(by.client, referral.id);
    return { id: referral.id, caseCode: referral.person.caseCode, name: `${firstName} ${lastName}` };
  };

  // Already followed by the cell, then referred again by the CCAS: a possible duplicate.
  const known = await referPerson(landlord.client, {
    territoryId: territory.id,
    person: { firstName: 'Élise', lastName: 'Dupuis', birthDate: '1958-03-04', protectionMeasure: 'NONE' },
    form: form('Comment renouer le contact ?'),
  });
  await recordConsent(landlord.client, api, known.id, { organisationIds: [ccas.id, bailleur.id] });
  await submitAndAccept(landlord.client, coordination, known.id);
  const duplicate = await sent(socialWorker, 'Élise', 'Dupuis', 'La personne refuse toute visite du CCAS.');
  await coordination.expectData(START_PRE_REVIEW, { id: duplicate.id });

  const anonymous = await sent(landlord, 'Jeanne', 'Vasseur', 'Comment éviter l’expulsion ?');
  const toRedirect = await sent(landlord, 'Paul', 'Garnier', 'Une procédure d’expulsion est engagée.');
  const toAskConsent = await sent(landlord, 'Nadia', 'Benali', 'Faut-il alerter le CMP ?');

  // The CCAS asks to share without consent; the coordinator, of the same CCAS, may weigh it.
  const urgent = await referPerson(socialWorker.client, {
    territoryId: territory.id,
    person: { firstName: 'Roger', lastName: 'Marchal', birthDate: '1949-11-20', protectionMeasure: 'NONE' },
    form: form('Qui peut intervenir dans le logement ?'),
  });
  const { requestDerogation } = await socialWorker.client.expectData<{
    requestDerogation: { groundLabel: string };
  }>(REQUEST_DEROGATION, {
    id: urgent.id,
    input: {
      ground: 'PERIL',
      justification: DEROGATION_JUSTIFICATION,
      organisationIds: [cmp.id],
      dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'],
    },
  });

  // The follow-through: the landlord's late action and a hand-off to the CMP still unanswered.
  const followed = await seedSituations(api.dataSource, territory, 2);
  // Paris days, as the page counts them (a UTC day is yesterday's between 23:00 and midnight).
  const day = (offset: number) => parisDate(new Date(api.clock.now().getTime() + offset * 86_400_000));
  await seedActions(api.dataSource, territory, followed, [
    { owner: bailleur.id, dueOn: day(-3), description: LATE_ACTION },
  ]);
  await seedHandoffs(api.dataSource, territory, followed.slice(1), [
    { from: ccas.id, to: cmp.id, proposedAt: new Date(api.clock.now().getTime() - 5 * 86_400_000) },
  ]);

  // A situation whose review came two days ago.
  const [review] = await seedSituations(api.dataSource, territory, 1, day(-2));

  return {
    coordinator,
    reviewCaseCode: review.person.caseCode,
    territoryId: territory.id,
    landlordName,
    cmpName,
    anonymous,
    duplicate: { ...duplicate, knownCaseCode: known.person.caseCode },
    toRedirect,
    toAskConsent,
    derogationGroundLabel: requestDerogation.groundLabel,
  };
}
