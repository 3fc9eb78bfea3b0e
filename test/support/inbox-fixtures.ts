import { Territory } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  CmpFollowUpStatus,
  EvictionProcedureState,
  Handoff,
  HandoffStatus,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** People with an open situation each, written straight to the tables (no consent, no referral). */
export async function seedSituations(
  dataSource: DataSource,
  territory: Territory,
  count: number,
  /** When the cell plans to review them (AAAA-MM-JJ); none by default. */
  nextReviewOn: string | null = null,
): Promise<{ person: Person; situation: Situation }[]> {
  const people = await dataSource.getRepository(Person).save(
    Array.from({ length: count }, () => ({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'A. B.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    })),
  );
  const situations = await dataSource.getRepository(Situation).save(
    people.map((person) => ({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: new Date('2026-01-05T09:00:00Z'),
      closedAt: null,
      closureReason: null,
      nextReviewOn,
    })),
  );
  return people.map((person, index) => ({ person, situation: situations[index] }));
}

export interface ActionSeed {
  owner: string;
  dueOn: string;
  status?: ActionStatus;
  description?: string;
}

/** One action per situation given, in order. */
export function seedActions(
  dataSource: DataSource,
  territory: Territory,
  about: { person: Person; situation: Situation }[],
  seeds: ActionSeed[],
): Promise<SituationAction[]> {
  return dataSource.getRepository(SituationAction).save(
    seeds.map((seed, index) => ({
      territoryId: territory.id,
      personId: about[index].person.id,
      situationId: about[index].situation.id,
      description: seed.description ?? `Action ${index}`,
      ownerOrganisationId: seed.owner,
      ownerUserId: null,
      dueOn: seed.dueOn,
      status: seed.status ?? ActionStatus.TODO,
      origin: ActionOrigin.DECISION,
      originId: randomUUID(),
      outcome: null,
      createdAt: new Date(),
    })),
  );
}

export interface HandoffSeed {
  from: string;
  to: string;
  proposedAt: Date;
  status?: HandoffStatus;
}

/** One hand-off per situation given, in order, with a confidential field filled in. */
export function seedHandoffs(
  dataSource: DataSource,
  territory: Territory,
  about: { situation: Situation }[],
  seeds: HandoffSeed[],
): Promise<Handoff[]> {
  return dataSource.getRepository(Handoff).save(
    seeds.map((seed, index) => ({
      territoryId: territory.id,
      situationId: about[index].situation.id,
      followUpId: null,
      receivingOrganisationId: seed.to,
      referentName: null,
      cmpFollowUpStatus: CmpFollowUpStatus.NONE,
      firstAppointmentOn: null,
      socialReferent: null,
      evictionProcedureState: EvictionProcedureState.NONE,
      rightsOpened: [],
      residualRisks: 'Isolement persistant.',
      contacts: null,
      personAgreed: true,
      status: seed.status ?? HandoffStatus.PROPOSED,
      declineReason: null,
      proposedByUserId: randomUUID(),
      proposedByOrganisationId: seed.from,
      proposedAt: seed.proposedAt,
      answeredByUserId: null,
      answeredAt: seed.status && seed.status !== HandoffStatus.PROPOSED ? new Date() : null,
    })),
  );
}
