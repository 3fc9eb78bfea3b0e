import { DataCategory, Role } from '@relais/access';
import {
  Consent,
  ConsentException,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  DerogationGround,
  DerogationStatus,
} from '@relais/consent';
import {
  FollowUp,
  FollowUpKind,
  FollowUpPhase,
  FollowUpTeamMember,
  RequesterKind,
  TeamRole,
} from '@relais/followups';
import { Cell, MembershipStatus, Organisation, OrganisationKind, Territory, User } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import {
  AgendaItem,
  AgendaItemKind,
  InviteeKind,
  Meeting,
  MeetingInvitee,
  MeetingStatus,
  PersonAnswer,
} from '@relais/meetings';
import { OutboxEvent } from '@relais/outbox';
import { Referral, ReferralStatus } from '@relais/referrals';
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
  SituationEvent,
  SituationStatus,
} from '@relais/situations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReminderKind, ReminderStatus } from '../domain/reminder-kind';
import { defaultPolicy, ReminderPolicy } from '../domain/reminder-policy';
import { Reminder, ReminderPolicySetting } from '../entities';

/** A written reminder as a test reads it: its recipient by name, its due moment in Paris time. */
export interface ReminderRow {
  readonly id: string;
  readonly kind: ReminderKind;
  readonly to: string;
  readonly at: string;
  readonly occurrence: number;
  readonly status: ReminderStatus;
  readonly reason: string | null;
  readonly subjectId: string;
  readonly personId: string | null;
  readonly situationId: string | null;
  readonly throughConsent: boolean;
}

export interface ReminderFilter {
  readonly kinds?: readonly ReminderKind[];
  readonly subjectId?: string;
  readonly situationId?: string;
}

interface RawReminderRow {
  id: string;
  kind: ReminderKind;
  recipient_user_id: string;
  at: string;
  occurrence: number;
  status: ReminderStatus;
  settled_reason: string | null;
  subject_id: string;
  person_id: string | null;
  situation_id: string | null;
  through_consent: boolean;
}

/**
 * One test's own territory and the subjects its reminders are about, written straight to the
 * database with only the columns the planner and the checks read set meaningfully. Members are
 * named, so that assertions read « to the owner » rather than a uuid.
 */
export class ReminderTerritory {
  private readonly names = new Map<string, string>();
  private home?: Promise<Organisation>;
  private cell?: Promise<Cell>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: IdentityFactory,
    readonly territory: Territory,
  ) {}

  get id(): string {
    return this.territory.id;
  }

  organisation(kind: OrganisationKind = OrganisationKind.SOCIAL): Promise<Organisation> {
    return this.identity.organisation(this.territory, kind);
  }

  /** A member of the territory, by default of its home organisation (the CLSM's own). */
  async member(
    name: string,
    roles: Role[],
    options: { organisation?: Organisation; status?: MembershipStatus } = {},
  ): Promise<User> {
    const organisation =
      options.organisation ?? (await (this.home ??= this.organisation(OrganisationKind.MUNICIPAL)));
    const user = await this.identity.user({
      territory: this.territory,
      organisation,
      roles,
      status: options.status,
    });
    this.names.set(user.id, name);
    return user;
  }

  async situation(
    options: { status?: SituationStatus; openedAt?: Date; nextReviewOn?: string | null } = {},
  ): Promise<Situation> {
    const person = await this.dataSource.getRepository(Person).save({
      territoryId: this.id,
      caseCode: newCaseCode(),
      initials: 'J. D.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    return this.dataSource.getRepository(Situation).save({
      territoryId: this.id,
      personId: person.id,
      status: options.status ?? SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: options.openedAt ?? new Date('2027-01-04T09:00:00Z'),
      closedAt: null,
      closureReason: null,
      nextReviewOn: options.nextReviewOn ?? null,
    });
  }

  /** Owned by `owner`, or by `organisation` alone when no one is named. */
  action(
    situation: Situation,
    options: {
      dueOn: string;
      owner?: User;
      organisation?: Organisation;
      status?: ActionStatus;
      derogation?: ConsentException;
    },
  ): Promise<SituationAction> {
    return this.dataSource.getRepository(SituationAction).save({
      territoryId: this.id,
      personId: situation.personId,
      situationId: situation.id,
      description: 'Rencontrer la personne à son domicile',
      ownerOrganisationId: options.owner?.organisationId ?? options.organisation!.id,
      ownerUserId: options.owner?.id ?? null,
      dueOn: options.dueOn,
      status: options.status ?? ActionStatus.TODO,
      origin: options.derogation ? ActionOrigin.DEROGATION : ActionOrigin.DECISION,
      originId: options.derogation?.id ?? randomUUID(),
      outcome: null,
      createdAt: new Date('2027-01-04T09:00:00Z'),
    });
  }

  async meeting(options: { startsAt: Date; invitees?: User[]; status?: MeetingStatus }): Promise<Meeting> {
    const cell = await (this.cell ??= this.identity.cell(this.territory));
    const meeting = await this.dataSource.getRepository(Meeting).save({
      territoryId: this.id,
      cellId: cell.id,
      startsAt: options.startsAt,
      status: options.status ?? MeetingStatus.PLANNED,
      place: 'Mairie, salle du conseil',
    });
    for (const invitee of options.invitees ?? []) {
      await this.dataSource.getRepository(MeetingInvitee).insert({
        territoryId: this.id,
        meetingId: meeting.id,
        userId: invitee.id,
        organisationId: invitee.organisationId,
        kind: InviteeKind.PERMANENT,
      });
    }
    return meeting;
  }

  agendaItem(
    meeting: Meeting,
    situation: Situation,
    options: { position: number; recordedAt?: Date | null; personAnswer?: PersonAnswer | null },
  ): Promise<AgendaItem> {
    return this.dataSource.getRepository(AgendaItem).save({
      territoryId: this.id,
      meetingId: meeting.id,
      situationId: situation.id,
      position: options.position,
      kind: AgendaItemKind.NEW,
      minutes: 20,
      presentation: 1,
      recordedAt: options.recordedAt ?? null,
      personAnswer: options.personAnswer ?? null,
    });
  }

  consent(
    situation: Situation,
    options: { collector: User; expiresOn: string; status?: ConsentStatus; supersededAt?: Date | null },
  ): Promise<Consent> {
    return this.dataSource.getRepository(Consent).save({
      territoryId: this.id,
      personId: situation.personId,
      referralId: null,
      status: options.status ?? ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: options.collector.id,
      collectedByOrganisationId: options.collector.organisationId,
      collectedOn: '2027-01-04',
      recordedAt: new Date('2027-01-04T10:00:00Z'),
      informationGiven: [],
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [],
      organisationKinds: [],
      includesCell: true,
      dataCategories: [DataCategory.HOUSING],
      expiresOn: options.expiresOn,
      supersededAt: options.supersededAt ?? null,
      withdrawnAt: null,
      withdrawnByUserId: null,
    });
  }

  derogation(
    situation: Situation,
    options: { requester: User; status?: DerogationStatus },
  ): Promise<ConsentException> {
    return this.dataSource.getRepository(ConsentException).save({
      territoryId: this.id,
      personId: situation.personId,
      referralId: null,
      ground: DerogationGround.PERIL,
      justification: 'Risque imminent pour la personne, injoignable',
      organisationIds: [],
      dataCategories: [DataCategory.HOUSING],
      status: options.status ?? DerogationStatus.PENDING,
      requestedByUserId: options.requester.id,
      requestedByOrganisationId: options.requester.organisationId,
      requestedAt: new Date('2027-03-01T09:00:00Z'),
      decidedByUserId: null,
      decidedAt: null,
      decisionNote: null,
      informPersonBy: '2027-03-15',
    });
  }

  /** A follow-up in support; each seat is held from `fromOn` to `untilOn` (open bounds: titular). */
  async followUp(
    situation: Situation,
    options: {
      plannedEndOn?: string;
      phase?: FollowUpPhase;
      seats?: { holder: User; role: TeamRole; fromOn?: string; untilOn?: string }[];
    } = {},
  ): Promise<FollowUp> {
    const followUp = await this.dataSource.getRepository(FollowUp).save({
      territoryId: this.id,
      situationId: situation.id,
      kind: FollowUpKind.ASSESSMENT,
      requesterKind: RequesterKind.HOUSING,
      requestedByReferralId: null,
      requestedByDecisionId: null,
      phase: options.phase ?? FollowUpPhase.SUPPORT,
      startedOn: '2026-11-02',
      plannedEndOn: options.plannedEndOn ?? '2027-05-02',
      renewals: 0,
      endedAt: null,
      endReason: null,
    });
    for (const seat of options.seats ?? []) {
      await this.dataSource.getRepository(FollowUpTeamMember).insert({
        territoryId: this.id,
        followUpId: followUp.id,
        role: seat.role,
        userId: seat.holder.id,
        organisationId: seat.holder.organisationId,
        fromOn: seat.fromOn ?? null,
        untilOn: seat.untilOn ?? null,
      });
    }
    return followUp;
  }

  handoff(
    situation: Situation,
    options: { receiving: Organisation; proposer: User; status?: HandoffStatus },
  ): Promise<Handoff> {
    return this.dataSource.getRepository(Handoff).save({
      territoryId: this.id,
      situationId: situation.id,
      followUpId: null,
      receivingOrganisationId: options.receiving.id,
      referentName: null,
      cmpFollowUpStatus: CmpFollowUpStatus.REQUESTED,
      firstAppointmentOn: null,
      socialReferent: null,
      evictionProcedureState: EvictionProcedureState.NONE,
      rightsOpened: [],
      residualRisks: null,
      contacts: null,
      personAgreed: true,
      status: options.status ?? HandoffStatus.PROPOSED,
      declineReason: null,
      proposedByUserId: options.proposer.id,
      proposedByOrganisationId: options.proposer.organisationId,
      proposedAt: new Date('2027-03-01T09:00:00Z'),
      answeredByUserId: null,
      answeredAt: null,
    });
  }

  referral(situation: Situation, options: { referrer: User; status?: ReferralStatus }): Promise<Referral> {
    return this.dataSource.getRepository(Referral).save({
      territoryId: this.id,
      personId: situation.personId,
      referrerUserId: options.referrer.id,
      referrerOrganisationId: options.referrer.organisationId,
      status: options.status ?? ReferralStatus.SUBMITTED,
      submittedAt: new Date('2027-05-05T08:00:00Z'),
    });
  }

  /** A line of the situation's timeline: activity, as the inactivity watch counts it. */
  activity(situation: Situation, occurredAt: Date): Promise<SituationEvent> {
    return this.dataSource.getRepository(SituationEvent).save({
      territoryId: this.id,
      situationId: situation.id,
      kind: 'ACTION_UPDATED',
      category: DataCategory.LOGISTIC,
      audienceOrganisationId: null,
      actorOrganisationId: null,
      details: {},
      occurredAt,
    });
  }

  /** The territory's own tuning of one kind, as the settings screen saves it. */
  async tune(kind: ReminderKind, policy: Partial<ReminderPolicy>, by: User): Promise<void> {
    await this.dataSource.getRepository(ReminderPolicySetting).insert({
      territoryId: this.id,
      kind,
      ...defaultPolicy(kind),
      ...policy,
      offsetsDays: [...(policy.offsetsDays ?? defaultPolicy(kind).offsetsDays)],
      updatedAt: new Date('2027-01-04T09:00:00Z'),
      updatedByUserId: by.id,
    });
  }

  /** An outbox event as its context writes it; the planner only reads the object. */
  event(
    type: string,
    subject: { type: string; id: string },
    payload: Record<string, unknown>,
    occurredAt: Date,
  ): OutboxEvent {
    return Object.assign(new OutboxEvent(), {
      id: randomUUID(),
      sequence: '1',
      territoryId: this.id,
      type,
      subjectType: subject.type,
      subjectId: subject.id,
      payload,
      occurredAt,
      publishedAt: null,
    });
  }

  /** The territory's reminders, narrowed by `filter`; due moments are read in Paris time by Postgres. */
  async rows(filter: ReminderFilter = {}): Promise<ReminderRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, recipient_user_id, occurrence, status, settled_reason, subject_id, person_id,
              situation_id, through_consent,
              to_char(due_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS at
         FROM reminders WHERE territory_id = $1`,
      [this.id],
    )) as RawReminderRow[];
    return rows
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        // A recipient this test did not name (another territory's coordinator…) shows as such.
        to: this.names.get(row.recipient_user_id) ?? `unknown:${row.recipient_user_id}`,
        at: row.at,
        occurrence: row.occurrence,
        status: row.status,
        reason: row.settled_reason,
        subjectId: row.subject_id,
        personId: row.person_id,
        situationId: row.situation_id,
        throughConsent: row.through_consent,
      }))
      .filter(
        (row) =>
          (!filter.kinds || filter.kinds.includes(row.kind)) &&
          (!filter.subjectId || row.subjectId === filter.subjectId) &&
          (!filter.situationId || row.situationId === filter.situationId),
      );
  }

  /** `2027-03-08 08:00 ACTION_DUE owner #1 SCHEDULED`, one line per reminder, in time order. */
  async timeline(filter: ReminderFilter = {}): Promise<string[]> {
    return (await this.rows(filter))
      .map(
        (row) =>
          `${row.at} ${row.kind} ${row.to} #${row.occurrence} ${row.status}` +
          (row.reason ? ` ${row.reason}` : ''),
      )
      .sort();
  }

  /** As the dispatcher leaves a reminder it has fired. */
  async markSent(reminderId: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(Reminder)
      .update({ id: reminderId }, { status: ReminderStatus.SENT, settledAt: at });
  }
}

export async function reminderTerritory(
  dataSource: DataSource,
  identity: IdentityFactory,
): Promise<ReminderTerritory> {
  return new ReminderTerritory(dataSource, identity, await identity.territory());
}

/** A reminder as `stillDue` reads it: its kind and subject are all it needs. */
export function aReminder(
  kind: ReminderKind,
  subjectId: string,
  overrides: Partial<Reminder> = {},
): Reminder {
  return Object.assign(new Reminder(), { kind, subjectId, status: ReminderStatus.SCHEDULED, ...overrides });
}
