import type { OutboxEvent } from './outbox-event.entity';

/** `YYYY-MM-DD`, a Paris calendar day. */
export type CalendarDay = string;
/** A code from a context's enum (an organisation kind, a status, a legal ground…). */
export type Code = string;

/** What a referral's every event carries: whose record, and where the referral now stands. */
interface ReferralFacts {
  personId: string;
  status: Code;
}

/** What the cell decided about an action, as of the event. */
interface ActionFacts {
  personId: string;
  situationId: string | null;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  dueOn: CalendarDay;
  status: Code;
}

interface DerogationFacts {
  personId: string;
  requestedByUserId: string;
  /** The legal ground (DerogationGround). */
  ground: Code;
  /** The person's open situation, if any. */
  situationId: string | null;
}

interface FollowUpFacts {
  situationId: string;
  personId: string;
}

interface HandoffFacts {
  situationId: string;
  personId: string;
  proposedByUserId: string;
  followUpId: string | null;
  status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED';
  receivingOrganisationId: string;
  /** The receiving organisation's kind. */
  receiverKind: Code | null;
  /** The CMP follow-up at hand-off (CmpFollowUpStatus). */
  cmpFollowUp: Code;
  /** The eviction procedure's state at hand-off (EvictionProcedureState). */
  evictionState: Code;
}

interface MembershipFacts {
  userId: string;
  organisationKind: Code | null;
  roles: Code[];
  status: Code;
}

/** A partner kind's attendance at a meeting: organisations invited, organisations present. */
export interface AttendanceByKind {
  organisationKind: Code;
  invited: number;
  present: number;
}

/**
 * Every event the contexts write to the outbox: its type, the subject it is about (events of one
 * subject are handled in order), and its payload. Payloads carry ids, codes, days and counts —
 * never a person's identity nor free text: a consumer that needs more re-reads it.
 * Producers write through `writeOutbox`, consumers read through `readOutboxEvent`, both typed from
 * this one list, so neither can drift from the other.
 */
export interface OutboxCatalogue {
  // identity
  'membership.changed': {
    subject: 'Membership';
    payload: MembershipFacts & {
      change: 'CREATED' | 'ROLE_GRANTED' | 'ROLE_REVOKED' | 'MEMBERSHIP_SUSPENDED' | 'MEMBERSHIP_REACTIVATED';
    };
  };
  'membership.access_reduced': {
    subject: 'Membership';
    payload: { userId: string; change: 'MEMBERSHIP_SUSPENDED' | 'ROLE_REVOKED' };
  };
  'charter.accepted': {
    subject: 'Membership';
    payload: { userId: string; charterId: string; charterKind: Code; charterVersion: number };
  };
  'user.set_password_link_requested': {
    subject: 'User';
    payload: { issuedByUserId: string; reason: 'ACCOUNT_CREATED' | 'RESET' };
  };
  // referrals
  'referral.submitted': {
    subject: 'Referral';
    payload: ReferralFacts & {
      referrerOrganisationId: string;
      /** The referring organisation's kind. */
      referrerKind: Code | null;
      difficultyAreas: Code[];
      urgency: Code;
      /** No action was tried before referring. */
      nothingTried: boolean;
    };
  };
  'referral.pre_review_started': { subject: 'Referral'; payload: ReferralFacts };
  'referral.accepted': {
    subject: 'Referral';
    payload: ReferralFacts & { situationId: string; opened: boolean };
  };
  'referral.redirected': { subject: 'Referral'; payload: ReferralFacts & { target: Code } };
  'referral.consent_needed': { subject: 'Referral'; payload: ReferralFacts & { referrerUserId: string } };
  'referral.withdrawn': { subject: 'Referral'; payload: ReferralFacts };
  // situations
  'action.created': {
    subject: 'SituationAction';
    payload: ActionFacts & {
      meetingId: string | null;
      /** The owner organisation's kind. */
      ownerKind: Code | null;
    };
  };
  'action.due_date_changed': { subject: 'SituationAction'; payload: ActionFacts };
  'action.status_changed': { subject: 'SituationAction'; payload: ActionFacts };
  'action.done': { subject: 'SituationAction'; payload: ActionFacts };
  'situation.closed': { subject: 'Situation'; payload: { reason: Code } };
  'situation.review_due': { subject: 'Situation'; payload: { nextReviewOn: CalendarDay | null } };
  // meetings
  'meeting.planned': { subject: 'Meeting'; payload: { cellId: string; plannedOn: CalendarDay } };
  'meeting.cancelled': { subject: 'Meeting'; payload: Record<string, never> };
  'meeting.agenda_published': {
    subject: 'Meeting';
    payload: { userIds: string[]; organisationIds: string[] };
  };
  'meeting.item_examined': {
    subject: 'Meeting';
    payload: {
      agendaItemId: string;
      situationId: string;
      itemKind: Code;
      /** How many times the situation has come before the cell, this one included. */
      presentation: number;
      examinedOn: CalendarDay;
    };
  };
  'meeting.minutes_published': {
    subject: 'Meeting';
    payload: {
      userIds: string[];
      heldOn: CalendarDay;
      /** Items examined. */
      items: number;
      attendance: AttendanceByKind[];
    };
  };
  // consent
  'consent.given': {
    subject: 'Person';
    payload: {
      consentId: string;
      givenOn: CalendarDay;
      expiresOn: CalendarDay;
      collectedByUserId: string;
      /** The person's open situation, if any. */
      situationId: string | null;
    };
  };
  'consent.refused': { subject: 'Person'; payload: { consentId: string; keepOrganisationId: string } };
  'consent.withdrawn': { subject: 'Person'; payload: { consentId: string; keepOrganisationId: string } };
  'derogation.pending': { subject: 'ConsentException'; payload: DerogationFacts };
  'derogation.approved': { subject: 'ConsentException'; payload: DerogationFacts };
  'derogation.rejected': { subject: 'ConsentException'; payload: DerogationFacts };
  // follow-ups
  'followup.started': {
    subject: 'FollowUp';
    payload: FollowUpFacts & {
      kind: Code;
      requesterKind: Code;
      startedOn: CalendarDay;
      plannedEndOn: CalendarDay;
    };
  };
  'followup.renewed': {
    subject: 'FollowUp';
    payload: FollowUpFacts & { plannedEndOn: CalendarDay; renewals: number };
  };
  'followup.act_recorded': {
    subject: 'FollowUp';
    payload: FollowUpFacts & { actId: string; actType: Code; atHome: boolean; occurredOn: CalendarDay };
  };
  'followup.ended': {
    subject: 'FollowUp';
    payload: FollowUpFacts & {
      /** From the last hand-off's eviction state; null when no hand-off says. */
      housedAtEnd: boolean | null;
    };
  };
  'followup.planned_end_passed': {
    subject: 'FollowUp';
    payload: FollowUpFacts & { plannedEndOn: CalendarDay };
  };
  'followup.review_due': { subject: 'FollowUp'; payload: FollowUpFacts & { since: CalendarDay } };
  'followup.team_vacancy': { subject: 'FollowUp'; payload: FollowUpFacts & { role: Code; reason: Code } };
  'handoff.proposed': { subject: 'Handoff'; payload: HandoffFacts };
  'handoff.answered': { subject: 'Handoff'; payload: HandoffFacts };
}

export type OutboxEventType = keyof OutboxCatalogue;
export type OutboxSubjectType<T extends OutboxEventType> = OutboxCatalogue[T]['subject'];
export type OutboxPayload<T extends OutboxEventType> = OutboxCatalogue[T]['payload'];

/** Each type's subject, at run time: the list of known types, checked complete by the compiler. */
export const OUTBOX_EVENT_SUBJECTS: { readonly [T in OutboxEventType]: OutboxSubjectType<T> } = {
  'membership.changed': 'Membership',
  'membership.access_reduced': 'Membership',
  'charter.accepted': 'Membership',
  'user.set_password_link_requested': 'User',
  'referral.submitted': 'Referral',
  'referral.pre_review_started': 'Referral',
  'referral.accepted': 'Referral',
  'referral.redirected': 'Referral',
  'referral.consent_needed': 'Referral',
  'referral.withdrawn': 'Referral',
  'action.created': 'SituationAction',
  'action.due_date_changed': 'SituationAction',
  'action.status_changed': 'SituationAction',
  'action.done': 'SituationAction',
  'situation.closed': 'Situation',
  'situation.review_due': 'Situation',
  'meeting.planned': 'Meeting',
  'meeting.cancelled': 'Meeting',
  'meeting.agenda_published': 'Meeting',
  'meeting.item_examined': 'Meeting',
  'meeting.minutes_published': 'Meeting',
  'consent.given': 'Person',
  'consent.refused': 'Person',
  'consent.withdrawn': 'Person',
  'derogation.pending': 'ConsentException',
  'derogation.approved': 'ConsentException',
  'derogation.rejected': 'ConsentException',
  'followup.started': 'FollowUp',
  'followup.renewed': 'FollowUp',
  'followup.act_recorded': 'FollowUp',
  'followup.ended': 'FollowUp',
  'followup.planned_end_passed': 'FollowUp',
  'followup.review_due': 'FollowUp',
  'followup.team_vacancy': 'FollowUp',
  'handoff.proposed': 'Handoff',
  'handoff.answered': 'Handoff',
};

export function isOutboxEventType(type: string): type is OutboxEventType {
  return Object.prototype.hasOwnProperty.call(OUTBOX_EVENT_SUBJECTS, type);
}

/** What a producer writes: the type decides the subject's type and the payload's shape. */
export type OutboxMessage<T extends OutboxEventType = OutboxEventType> = {
  [K in T]: {
    territoryId: string;
    type: K;
    subject: { type: OutboxSubjectType<K>; id: string };
    payload: OutboxPayload<K>;
    occurredAt: Date;
  };
}[T];

/** A stored event whose type is known: narrowing on `type` gives its payload's type. */
export type CatalogueEvent<T extends OutboxEventType = OutboxEventType> = {
  [K in T]: Omit<OutboxEvent, 'type' | 'payload'> & { type: K; payload: OutboxPayload<K> };
}[T];

/**
 * A stored event as the catalogue types it; null for a type the catalogue does not know (none is
 * written today). Payloads are not validated at run time: they were written through `writeOutbox`.
 */
export function readOutboxEvent(event: OutboxEvent): CatalogueEvent | null {
  return isOutboxEventType(event.type) ? (event as unknown as CatalogueEvent) : null;
}

/** One handler per event type a consumer reacts to; the others it ignores. */
export type OutboxHandlers<R> = {
  [K in OutboxEventType]?: (event: CatalogueEvent<K>) => R;
};

/** Calls the handler of the event's type, if the consumer has one. */
export function dispatchOutboxEvent<R>(event: CatalogueEvent, handlers: OutboxHandlers<R>): R | undefined {
  const handler = handlers[event.type] as ((event: CatalogueEvent) => R) | undefined;
  return handler?.(event);
}
