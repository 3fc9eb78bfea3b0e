/**
 * A territory with a trinôme follow-up (Logipsy model), set up over the api as people would: a
 * landlord's referral with the person's written consent to the follow-up and its hand-off, accepted
 * by the coordinator, then a follow-up started with its full team — an éducateur·rice coordinating
 * the pathway and a TISF from an association, a psychiatric nurse from the CMP. Suites add their acts,
 * phases and hand-offs through the api; each call makes its own territory.
 */
import { Role } from '@relais/access';
import { parisDate } from '@relais/config';
import { Organisation, OrganisationKind, Profession, Territory, User } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi } from './api-harness';
import { recordConsent, referPerson, submitAndAccept } from './referral-journey';

export const START_FOLLOW_UP = /* GraphQL */ `
  mutation ($input: StartFollowUpInput!) {
    startFollowUp(input: $input) {
      id
      caseCode
      plannedEndOn
    }
  }
`;
export const MOVE_FOLLOW_UP = /* GraphQL */ `
  mutation ($id: ID!, $phase: FollowUpPhase!) {
    moveFollowUpToPhase(followUpId: $id, phase: $phase) {
      id
      phase
    }
  }
`;
export const ASSIGN_TEAM_MEMBER = /* GraphQL */ `
  mutation ($input: AssignTeamMemberInput!) {
    assignTeamMember(input: $input) {
      id
    }
  }
`;
export const RECORD_FOLLOW_UP_ACT = /* GraphQL */ `
  mutation ($input: RecordActInput!) {
    recordFollowUpAct(input: $input) {
      id
    }
  }
`;

/** Who works on the follow-up, and who asked for it. */
export type TrinomeMember = 'educator' | 'tisf' | 'nurse' | 'coordinator' | 'bailleur';

/** An account signed in over the api; `email` and `password` sign it in through the page as well. */
export interface TrinomeAccount {
  id: string;
  email: string;
  password: string;
  /** First name and last name, as colleagues see them. */
  name: string;
  client: GraphqlClient;
}

export interface TrinomeFollowUp {
  territory: Territory;
  organisations: Record<'association' | 'cmp' | 'bailleur' | 'clsm', Organisation>;
  accounts: Record<TrinomeMember, TrinomeAccount>;
  referralId: string;
  situationId: string;
  followUpId: string;
  caseCode: string;
  plannedEndOn: string;
  objectives: readonly string[];
}

export interface TrinomeOptions {
  /** Organisation names (unique ones by default). */
  names?: Partial<Record<'association' | 'cmp' | 'bailleur' | 'clsm', string>>;
  objectives?: string[];
}

/** Names people can tell apart on a page (the factory calls everyone Camille). */
const FIRST_NAMES: Record<TrinomeMember, string> = {
  educator: 'Élise',
  tisf: 'Théo',
  nurse: 'Inès',
  coordinator: 'Claire',
  bailleur: 'Bastien',
};

const DEFAULT_OBJECTIVES = ['Renouer le contact avec le CMP', 'Éviter la procédure d’expulsion'];

/**
 * The day in Paris on the api's clock (AAAA-MM-JJ), the date an act recorded « today » carries.
 * Not the UTC day, which is the day before from 22:00 or 23:00 UTC to midnight.
 */
export function apiToday(api: RunningApi): string {
  return parisDate(api.clock.now());
}

/**
 * A new territory with its trinôme follow-up in the orientation phase, the three seats held and the
 * person's consent naming the association and the CMP for the follow-up and the hand-off.
 */
export async function trinomeFollowUp(
  api: RunningApi,
  options: TrinomeOptions = {},
): Promise<TrinomeFollowUp> {
  const territory = await api.factory.territory();
  const organisation = (kind: OrganisationKind, name?: string) =>
    api.factory.organisation(territory, kind, name);
  const organisations = {
    association: await organisation(OrganisationKind.ASSOCIATION, options.names?.association),
    cmp: await organisation(OrganisationKind.PSYCHIATRY, options.names?.cmp),
    bailleur: await organisation(OrganisationKind.HOUSING, options.names?.bailleur),
    clsm: await organisation(OrganisationKind.MUNICIPAL, options.names?.clsm),
  };
  const account = (
    member: TrinomeMember,
    organisation: Organisation,
    profession: Profession,
    roles: Role[],
  ) => namedAccount(api, territory, { firstName: FIRST_NAMES[member], organisation, profession, roles });
  const practitioner = [Role.FOLLOWUP_PRACTITIONER];
  const accounts: Record<TrinomeMember, TrinomeAccount> = {
    educator: await account(
      'educator',
      organisations.association,
      Profession.SPECIALISED_EDUCATOR,
      practitioner,
    ),
    tisf: await account('tisf', organisations.association, Profession.FAMILY_SOCIAL_WORKER, practitioner),
    nurse: await account('nurse', organisations.cmp, Profession.PSYCHIATRIC_NURSE, practitioner),
    coordinator: await account('coordinator', organisations.clsm, Profession.CLSM_COORDINATOR, [
      Role.COORDINATOR,
    ]),
    bailleur: await account('bailleur', organisations.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]),
  };

  const referral = await referPerson(accounts.bailleur.client, {
    territoryId: territory.id,
    person: { firstName: 'Yves', lastName: 'Relais', birthDate: '1966-02-02', protectionMeasure: 'NONE' },
    form: {
      difficultyAreas: ['HYGIENE_HOARDING', 'CARE_INTERRUPTION'],
      servicesInvolved: ['Bailleur'],
      questionToCell: 'Évaluer la situation avant toute procédure',
      urgency: 'MEDIUM',
      requests: ['FOLLOW_UP_ASSESSMENT'],
    },
  });
  await recordConsent(accounts.bailleur.client, api, referral.id, {
    organisationIds: [organisations.association.id, organisations.cmp.id],
    purposes: ['CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF'],
  });
  const situationId = await submitAndAccept(
    accounts.bailleur.client,
    accounts.coordinator.client,
    referral.id,
  );

  const objectives = options.objectives ?? DEFAULT_OBJECTIVES;
  const { startFollowUp } = await accounts.coordinator.client.expectData<{
    startFollowUp: { id: string; caseCode: string; plannedEndOn: string };
  }>(START_FOLLOW_UP, {
    input: {
      situationId,
      kind: 'ASSESSMENT',
      requesterKind: 'HOUSING',
      requestedByReferralId: referral.id,
      objectives,
      team: [
        { role: 'PATHWAY_COORDINATOR', userId: accounts.educator.id },
        { role: 'FAMILY_SOCIAL_WORKER', userId: accounts.tisf.id },
        { role: 'PSYCHIATRIC_PROFESSIONAL', userId: accounts.nurse.id },
      ],
    },
  });
  return {
    territory,
    organisations,
    accounts,
    referralId: referral.id,
    situationId,
    followUpId: startFollowUp.id,
    caseCode: startFollowUp.caseCode,
    plannedEndOn: startFollowUp.plannedEndOn,
    objectives,
  };
}

/** A professional of the territory named `firstName`, signed in over the api. */
export async function namedAccount(
  api: RunningApi,
  territory: Territory,
  who: { firstName: string; organisation: Organisation; profession: Profession; roles: Role[] },
): Promise<TrinomeAccount> {
  const { firstName, organisation, profession, roles } = who;
  const user = await api.factory.user({ territory, organisation, profession, roles });
  await api.dataSource.getRepository(User).update({ id: user.id }, { firstName });
  const { client } = await logInClient(api.anonymous, user.email, user.password);
  return {
    id: user.id,
    email: user.email,
    password: user.password,
    name: `${firstName} ${user.lastName}`,
    client,
  };
}

/**
 * A second TISF of the association who will replace the team's TISF from `fromOn` to `untilOn`
 * (AAAA-MM-JJ), as the coordinator records it.
 */
export async function replacingTisf(
  api: RunningApi,
  fixture: TrinomeFollowUp,
  period: { fromOn: string; untilOn: string },
): Promise<TrinomeAccount> {
  const replacement = await namedAccount(api, fixture.territory, {
    firstName: 'Rania',
    organisation: fixture.organisations.association,
    profession: Profession.FAMILY_SOCIAL_WORKER,
    roles: [Role.FOLLOWUP_PRACTITIONER],
  });
  await fixture.accounts.coordinator.client.expectData(ASSIGN_TEAM_MEMBER, {
    input: {
      followUpId: fixture.followUpId,
      role: 'FAMILY_SOCIAL_WORKER',
      userId: replacement.id,
      ...period,
    },
  });
  return replacement;
}

export interface ActSeed {
  type?: 'HOME_VISIT' | 'ACCOMPANIED_APPOINTMENT' | 'PHONE' | 'PARTNER_MEETING' | 'OTHER';
  occurredOn?: string;
  durationMinutes?: number;
  presentUserIds?: string[];
  note?: string | null;
  noteVisibility?: 'TEAM' | 'HEALTH';
}

/** An act recorded over the api by `by` (present alone, a team note, today, by default). */
export async function recordAct(
  api: RunningApi,
  fixture: TrinomeFollowUp,
  by: TrinomeAccount,
  act: ActSeed = {},
): Promise<void> {
  await by.client.expectData(RECORD_FOLLOW_UP_ACT, {
    input: {
      followUpId: fixture.followUpId,
      occurredOn: act.occurredOn ?? apiToday(api),
      type: act.type ?? 'PHONE',
      durationMinutes: act.durationMinutes ?? 30,
      presentUserIds: act.presentUserIds ?? [by.id],
      note: act.note ?? null,
      noteVisibility: act.noteVisibility ?? 'TEAM',
    },
  });
}
