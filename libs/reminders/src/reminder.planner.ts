import { Injectable } from '@nestjs/common';
import { parisDate } from '@relais/config';
import { Consent, ConsentException, isConsentInForce } from '@relais/consent';
import { FollowUp, FollowUpTeamMember } from '@relais/followups';
import { AgendaItem, Meeting, MeetingInvitee } from '@relais/meetings';
import { OutboxEvent, OutboxPayload, readOutboxEvent } from '@relais/outbox';
import { Handoff, SituationAction } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { coordinatorsOf, distinctRecipients, membersOf } from './audience';
import { ReminderKind } from './domain/reminder-kind';
import { occurrenceOffsets, REMINDER_KINDS } from './domain/reminder-policy';
import { afterMoment, morningOf, shortenedWarning } from './domain/reminder-timing';
import { Recipient, ReminderDraft } from './reminder-draft';
import { ReminderPolicies, TerritoryPolicies } from './reminder-policy.service';
import {
  CancelCriteria,
  mergeChanges,
  NO_CHANGES,
  ReminderChanges,
  ReminderScheduler,
} from './reminder.scheduler';

/** A reminder planned this long before its event's moment is already late: it is not written. */
const LATE_TOLERANCE_MS = 60_000;

type Subject = { type: string; id: string };

interface Plan {
  readonly kind: ReminderKind;
  readonly subject: Subject;
  readonly personId?: string | null;
  readonly situationId?: string | null;
  readonly recipients: readonly Recipient[];
  /** The subject's date the offsets count from, `YYYY-MM-DD`; without it, the event's moment. */
  readonly fromDate?: string;
  /** Distinguishes successive plans for one subject (a new due date, a new review period). */
  readonly basis?: string;
}

/**
 * Turns the events of every context into reminders to write or cancel: one reaction per event
 * type, each re-reading what it needs (events carry ids only).
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly policies: ReminderPolicies,
  ) {}

  async react(manager: EntityManager, event: OutboxEvent): Promise<ReminderChanges> {
    // Policies are read by the first plan that needs them: most events plan nothing.
    const context = new PlanningContext(manager, event, this.scheduler, () =>
      this.policies.forTerritory(manager, event.territoryId),
    );
    const typed = readOutboxEvent(event);
    if (!typed) return NO_CHANGES;
    const subject = { type: event.subjectType, id: event.subjectId };
    switch (typed.type) {
      case 'action.created':
        return this.planAction(context, event.subjectId);
      case 'action.due_date_changed':
        return mergeChanges(
          await context.cancel(
            { subject, kinds: [ReminderKind.ACTION_DUE, ReminderKind.ACTION_OVERDUE] },
            'DUE_DATE_CHANGED',
          ),
          await this.planAction(context, event.subjectId),
        );
      case 'action.done':
        return context.cancel({ subject }, 'ACTION_DONE');
      case 'meeting.planned':
        return this.planCallForItems(context, event.subjectId);
      case 'meeting.cancelled':
        return context.cancel({ subject }, 'MEETING_CANCELLED');
      case 'meeting.agenda_published':
        return this.planAgendaPublished(context, event.subjectId, typed.payload);
      case 'meeting.minutes_published':
        return this.planMinutesPublished(context, event.subjectId, typed.payload);
      case 'consent.given':
        return this.planConsentExpiry(context, typed.payload);
      case 'consent.withdrawn':
      case 'consent.refused':
        return mergeChanges(
          await context.cancel(
            {
              personId: event.subjectId,
              throughConsentOnly: true,
              exceptOrganisationId: stringOrNull(typed.payload.keepOrganisationId) ?? undefined,
            },
            'CONSENT_WITHDRAWN',
          ),
          await context.cancel(
            {
              personId: event.subjectId,
              kinds: [ReminderKind.CONSENT_EXPIRING, ReminderKind.CONSENT_EXPIRED],
            },
            'CONSENT_WITHDRAWN',
          ),
        );
      case 'followup.review_due':
        return this.planFollowUpNotice(
          context,
          event.subjectId,
          ReminderKind.FOLLOW_UP_REVIEW_DUE,
          String(typed.payload.since),
          false,
          typed.payload.personId,
        );
      case 'followup.planned_end_passed':
        return this.planFollowUpNotice(
          context,
          event.subjectId,
          ReminderKind.FOLLOW_UP_OVERRUN,
          String(typed.payload.plannedEndOn),
          true,
          typed.payload.personId,
        );
      case 'followup.team_vacancy':
        return this.planTeamVacancy(context, event, String(typed.payload.role), typed.payload.personId);
      case 'followup.ended':
        return context.cancel({ subject }, 'FOLLOW_UP_ENDED');
      case 'handoff.proposed':
        return this.planHandoff(context, event.subjectId, typed.payload.personId);
      case 'handoff.answered':
        return context.cancel({ subject }, 'HANDOFF_ANSWERED');
      case 'referral.submitted':
        return context.write({
          kind: ReminderKind.REFERRAL_NOT_ACKNOWLEDGED,
          subject,
          personId: stringOrNull(typed.payload.personId),
          recipients: await coordinatorsOf(manager, event.territoryId),
          basis: event.occurredAt.toISOString(),
        });
      case 'referral.accepted':
        return mergeChanges(
          await context.cancel({ subject }, 'REFERRAL_ACKNOWLEDGED'),
          await this.planInactivityWatch(
            context,
            stringOrNull(typed.payload.situationId),
            stringOrNull(typed.payload.personId),
          ),
        );
      case 'referral.redirected':
      case 'referral.consent_needed':
      case 'referral.withdrawn':
        return context.cancel({ subject }, 'REFERRAL_ACKNOWLEDGED');
      case 'derogation.pending':
        return this.planDerogationApproval(context, event.subjectId, typed.payload.situationId);
      case 'derogation.approved':
        return mergeChanges(
          await context.cancel(
            { subject, kinds: [ReminderKind.DEROGATION_AWAITING_APPROVAL] },
            'DEROGATION_DECIDED',
          ),
          await this.planPersonToInform(context, event.subjectId, typed.payload.situationId),
        );
      case 'derogation.rejected':
        return context.cancel({ subject }, 'DEROGATION_DECIDED');
      case 'situation.review_due':
        return context.write({
          kind: ReminderKind.REVIEW_DATE_REACHED,
          subject,
          situationId: event.subjectId,
          recipients: await coordinatorsOf(manager, event.territoryId),
          basis: String(typed.payload.nextReviewOn),
        });
      case 'situation.closed':
        return context.cancel({ situationId: event.subjectId }, 'SITUATION_CLOSED');
      default:
        return NO_CHANGES;
    }
  }

  private async planAction(context: PlanningContext, actionId: string): Promise<ReminderChanges> {
    const action = await context.manager.findOneBy(SituationAction, { id: actionId });
    if (!action || action.status === 'DONE' || action.status === 'CANCELLED') return NO_CHANGES;
    const owners = await membersOf(context.manager, {
      territoryId: action.territoryId,
      ...(action.ownerUserId
        ? { userIds: [action.ownerUserId] }
        : { organisationIds: [action.ownerOrganisationId] }),
    });
    const common = {
      subject: { type: 'SituationAction', id: action.id },
      personId: action.personId,
      situationId: action.situationId,
      fromDate: action.dueOn,
      basis: action.dueOn,
    };
    return mergeChanges(
      await context.write({ ...common, kind: ReminderKind.ACTION_DUE, recipients: owners }),
      await context.write({
        ...common,
        kind: ReminderKind.ACTION_OVERDUE,
        recipients: distinctRecipients(owners, await coordinatorsOf(context.manager, action.territoryId)),
      }),
    );
  }

  private async planCallForItems(context: PlanningContext, meetingId: string): Promise<ReminderChanges> {
    const meeting = await context.manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) return NO_CHANGES;
    const invitees = await context.manager.findBy(MeetingInvitee, { meetingId });
    return context.write({
      kind: ReminderKind.CALL_FOR_ITEMS,
      subject: { type: 'Meeting', id: meeting.id },
      recipients: await membersOf(context.manager, {
        territoryId: meeting.territoryId,
        userIds: invitees.map((invitee) => invitee.userId),
      }),
      fromDate: parisDate(meeting.startsAt),
      basis: meeting.startsAt.toISOString(),
    });
  }

  private async planAgendaPublished(
    context: PlanningContext,
    meetingId: string,
    payload: OutboxPayload<'meeting.agenda_published'>,
  ): Promise<ReminderChanges> {
    const territoryId = context.event.territoryId;
    const recipients = distinctRecipients(
      await membersOf(context.manager, { territoryId, userIds: stringList(payload.userIds) }),
      await membersOf(context.manager, { territoryId, organisationIds: stringList(payload.organisationIds) }),
    );
    return mergeChanges(
      await context.cancel(
        { subject: { type: 'Meeting', id: meetingId }, kinds: [ReminderKind.CALL_FOR_ITEMS] },
        'AGENDA_PUBLISHED',
      ),
      await context.write({
        kind: ReminderKind.AGENDA_PUBLISHED,
        subject: { type: 'Meeting', id: meetingId },
        recipients,
      }),
    );
  }

  private async planMinutesPublished(
    context: PlanningContext,
    meetingId: string,
    payload: OutboxPayload<'meeting.minutes_published'>,
  ): Promise<ReminderChanges> {
    const territoryId = context.event.territoryId;
    const readers = await membersOf(context.manager, { territoryId, userIds: stringList(payload.userIds) });
    const coordinators = await coordinatorsOf(context.manager, territoryId);
    const awaitingAnswer = await context.manager
      .getRepository(AgendaItem)
      .createQueryBuilder('item')
      .innerJoin('situations', 'situation', 'situation.id = item.situation_id')
      .select(['item.id AS id', 'item.situation_id AS situation_id', 'situation.person_id AS person_id'])
      .where('item.meeting_id = :meetingId AND item.recorded_at IS NOT NULL AND item.person_answer IS NULL', {
        meetingId,
      })
      .getRawMany<{ id: string; situation_id: string; person_id: string }>();
    const changes = [
      await context.write({
        kind: ReminderKind.MINUTES_PUBLISHED,
        subject: { type: 'Meeting', id: meetingId },
        recipients: readers,
      }),
    ];
    for (const item of awaitingAnswer) {
      changes.push(
        await context.write({
          kind: ReminderKind.PERSON_ANSWER_MISSING,
          subject: { type: 'AgendaItem', id: item.id },
          personId: item.person_id,
          situationId: item.situation_id,
          recipients: coordinators,
        }),
      );
    }
    return mergeChanges(...changes);
  }

  private async planConsentExpiry(
    context: PlanningContext,
    payload: OutboxPayload<'consent.given'>,
  ): Promise<ReminderChanges> {
    const consent = await context.manager.findOneBy(Consent, { id: String(payload.consentId) });
    const personId = context.event.subjectId;
    // A new answer supersedes the previous one: its expiry reminders go.
    const cancelled = await context.cancel(
      { personId, kinds: [ReminderKind.CONSENT_EXPIRING, ReminderKind.CONSENT_EXPIRED] },
      'CONSENT_RENEWED',
    );
    if (!consent || !isConsentInForce(consent, consent.expiresOn)) return cancelled;
    const recipients = distinctRecipients(
      await membersOf(context.manager, {
        territoryId: consent.territoryId,
        userIds: [consent.collectedByUserId],
      }),
      await coordinatorsOf(context.manager, consent.territoryId),
    );
    const common = {
      subject: { type: 'Consent', id: consent.id },
      personId,
      situationId: await situationOf(context.manager, personId, payload.situationId),
      recipients,
      fromDate: consent.expiresOn,
      basis: consent.expiresOn,
    };
    return mergeChanges(
      cancelled,
      await context.write({ ...common, kind: ReminderKind.CONSENT_EXPIRING }),
      await context.write({ ...common, kind: ReminderKind.CONSENT_EXPIRED }),
    );
  }

  private async planFollowUpNotice(
    context: PlanningContext,
    followUpId: string,
    kind: ReminderKind,
    basis: string,
    withCoordinators: boolean,
    personId: string | undefined,
  ): Promise<ReminderChanges> {
    const followUp = await context.manager.findOneBy(FollowUp, { id: followUpId });
    if (!followUp) return NO_CHANGES;
    const today = parisDate(context.event.occurredAt);
    const seats = await context.manager.findBy(FollowUpTeamMember, { followUpId });
    const holders = seats.filter(
      (seat) => (!seat.fromOn || seat.fromOn <= today) && (!seat.untilOn || seat.untilOn >= today),
    );
    const team = await membersOf(context.manager, {
      territoryId: followUp.territoryId,
      userIds: holders.map((seat) => seat.userId),
    });
    return context.write({
      kind,
      subject: { type: 'FollowUp', id: followUp.id },
      personId: await personOf(context.manager, followUp.situationId, personId),
      situationId: followUp.situationId,
      recipients: withCoordinators
        ? distinctRecipients(team, await coordinatorsOf(context.manager, followUp.territoryId))
        : team,
      basis,
    });
  }

  private async planTeamVacancy(
    context: PlanningContext,
    event: OutboxEvent,
    role: string,
    personId: string | undefined,
  ): Promise<ReminderChanges> {
    const followUp = await context.manager.findOneBy(FollowUp, { id: event.subjectId });
    if (!followUp) return NO_CHANGES;
    return context.write({
      kind: ReminderKind.TEAM_VACANCY,
      subject: { type: 'FollowUp', id: followUp.id },
      situationId: followUp.situationId,
      personId: await personOf(context.manager, followUp.situationId, personId),
      recipients: await coordinatorsOf(context.manager, followUp.territoryId),
      basis: `${role}:${event.id}`,
    });
  }

  private async planHandoff(
    context: PlanningContext,
    handoffId: string,
    personId: string | undefined,
  ): Promise<ReminderChanges> {
    const handoff = await context.manager.findOneBy(Handoff, { id: handoffId });
    if (!handoff || handoff.status !== 'PROPOSED') return NO_CHANGES;
    return context.write({
      kind: ReminderKind.HANDOFF_UNANSWERED,
      subject: { type: 'Handoff', id: handoff.id },
      situationId: handoff.situationId,
      personId: await personOf(context.manager, handoff.situationId, personId),
      recipients: distinctRecipients(
        await membersOf(context.manager, {
          territoryId: handoff.territoryId,
          organisationIds: [handoff.receivingOrganisationId],
        }),
        await membersOf(context.manager, {
          territoryId: handoff.territoryId,
          userIds: [handoff.proposedByUserId],
        }),
      ),
    });
  }

  private async planDerogationApproval(
    context: PlanningContext,
    derogationId: string,
    situationId: string | null | undefined,
  ): Promise<ReminderChanges> {
    const derogation = await context.manager.findOneBy(ConsentException, { id: derogationId });
    if (!derogation || derogation.status !== 'PENDING') return NO_CHANGES;
    const coordinators = await coordinatorsOf(context.manager, derogation.territoryId);
    return context.write({
      kind: ReminderKind.DEROGATION_AWAITING_APPROVAL,
      subject: { type: 'ConsentException', id: derogation.id },
      personId: derogation.personId,
      situationId: await situationOf(context.manager, derogation.personId, situationId),
      // The author cannot approve their own request.
      recipients: coordinators.filter((recipient) => recipient.userId !== derogation.requestedByUserId),
    });
  }

  private async planPersonToInform(
    context: PlanningContext,
    derogationId: string,
    situationId: string | null | undefined,
  ): Promise<ReminderChanges> {
    const derogation = await context.manager.findOneBy(ConsentException, { id: derogationId });
    if (!derogation) return NO_CHANGES;
    return context.write({
      kind: ReminderKind.PERSON_TO_INFORM,
      subject: { type: 'ConsentException', id: derogation.id },
      personId: derogation.personId,
      situationId: await situationOf(context.manager, derogation.personId, situationId),
      recipients: await membersOf(context.manager, {
        territoryId: derogation.territoryId,
        userIds: [derogation.requestedByUserId],
      }),
    });
  }

  /** A situation's first watch for inactivity; firing moves it along while there is activity. */
  private async planInactivityWatch(
    context: PlanningContext,
    situationId: string | null,
    personId: string | null,
  ): Promise<ReminderChanges> {
    if (!situationId) return NO_CHANGES;
    return context.write({
      kind: ReminderKind.SITUATION_INACTIVE,
      subject: { type: 'Situation', id: situationId },
      situationId,
      personId,
      recipients: await coordinatorsOf(context.manager, context.event.territoryId),
      basis: 'watch',
    });
  }
}

/** One event's planning: its territory's policies, its moment, and the rows it writes. */
class PlanningContext {
  constructor(
    readonly manager: EntityManager,
    readonly event: OutboxEvent,
    private readonly scheduler: ReminderScheduler,
    private readonly loadPolicies: () => Promise<TerritoryPolicies>,
  ) {}

  private policies?: Promise<TerritoryPolicies>;

  async write(plan: Plan): Promise<ReminderChanges> {
    const policy = (await (this.policies ??= this.loadPolicies())).get(plan.kind)!;
    const { workingDays, warnsAhead } = REMINDER_KINDS[plan.kind];
    const earliest = this.event.occurredAt.getTime() - LATE_TOLERANCE_MS;
    const drafts: ReminderDraft[] = [];
    const offsets = occurrenceOffsets(policy);
    const moments = offsets.map((offset) =>
      plan.fromDate
        ? morningOf(plan.fromDate, offset, workingDays)
        : afterMoment(this.event.occurredAt, offset, workingDays),
    );
    if (
      warnsAhead &&
      plan.fromDate &&
      offsets.length &&
      moments.every((dueAt) => dueAt.getTime() < earliest)
    ) {
      // The date is too close for every lead (a consent given for a fortnight): one warning, sooner.
      const sooner = shortenedWarning(plan.fromDate, this.event.occurredAt, new Date(earliest));
      if (sooner) moments[0] = sooner;
    }
    moments.forEach((dueAt, index) => {
      // « Due in 7 days » written when the action is due in 3 would mislead: it is left out.
      if (dueAt.getTime() < earliest) return;
      for (const recipient of plan.recipients) {
        drafts.push({
          territoryId: this.event.territoryId,
          kind: plan.kind,
          subject: plan.subject,
          personId: plan.personId ?? null,
          situationId: plan.situationId ?? null,
          recipient,
          dueAt,
          occurrence: index + 1,
          basis: plan.basis ?? this.event.id,
        });
      }
    });
    return { scheduled: await this.scheduler.schedule(this.manager, drafts), cancelled: [] };
  }

  async cancel(criteria: Omit<CancelCriteria, 'territoryId'>, reason: string): Promise<ReminderChanges> {
    return {
      scheduled: [],
      cancelled: await this.scheduler.cancel(
        this.manager,
        { territoryId: this.event.territoryId, ...criteria },
        reason,
      ),
    };
  }
}

/**
 * The person's open situation as the event says it; events written before the catalogue carried
 * it are read the old way.
 */
async function situationOf(
  manager: EntityManager,
  personId: string,
  told: string | null | undefined,
): Promise<string | null> {
  return told !== undefined ? told : openSituationOf(manager, personId);
}

/** The situation's person as the event says it, or (an older event) as the situation row says. */
async function personOf(
  manager: EntityManager,
  situationId: string,
  told: string | undefined,
): Promise<string | null> {
  return told ?? personOfSituation(manager, situationId);
}

async function openSituationOf(manager: EntityManager, personId: string): Promise<string | null> {
  const [row] = (await manager.query(
    `SELECT id FROM situations WHERE person_id = $1 AND status <> 'CLOSED' ORDER BY opened_at DESC LIMIT 1`,
    [personId],
  )) as { id: string }[];
  return row?.id ?? null;
}

async function personOfSituation(manager: EntityManager, situationId: string): Promise<string | null> {
  const [row] = (await manager.query(`SELECT person_id FROM situations WHERE id = $1`, [situationId])) as {
    person_id: string;
  }[];
  return row?.person_id ?? null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
