import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { EntityManager } from 'typeorm';
import { ReminderKind } from './domain/reminder-kind';
import { dedupeKey, ReminderDraft, ScheduledReminder } from './reminder-draft';

export interface CancelCriteria {
  readonly territoryId: string;
  readonly subject?: { readonly type: string; readonly id: string };
  readonly kinds?: readonly ReminderKind[];
  readonly personId?: string;
  readonly situationId?: string;
  /** Only reminders reaching their recipient through the person's consent… */
  readonly throughConsentOnly?: boolean;
  /** …except those to this organisation (the consent's collector keeps its own). */
  readonly exceptOrganisationId?: string;
}

/** What a planning changed, for Redis to follow once the transaction has committed. */
export interface ReminderChanges {
  readonly scheduled: ScheduledReminder[];
  readonly cancelled: string[];
}

export const NO_CHANGES: ReminderChanges = { scheduled: [], cancelled: [] };

export function mergeChanges(...changes: ReminderChanges[]): ReminderChanges {
  return {
    scheduled: changes.flatMap((change) => change.scheduled),
    cancelled: changes.flatMap((change) => change.cancelled),
  };
}

/** Writes and cancels reminder rows in the caller's transaction; Redis follows after commit. */
@Injectable()
export class ReminderScheduler {
  constructor(private readonly clock: Clock) {}

  /**
   * Inserts each draft once (its dedupe key): planning again is harmless, and a reminder
   * cancelled earlier (a due date moved away and back) is scheduled again. Sent ones stay sent.
   */
  async schedule(manager: EntityManager, drafts: readonly ReminderDraft[]): Promise<ScheduledReminder[]> {
    if (!drafts.length) return [];
    const now = this.clock.now();
    const rows = (await manager.query(
      `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, person_id, situation_id,
              recipient_user_id, recipient_organisation_id, through_consent, due_at, status, dedupe_key,
              occurrence, created_at)
       SELECT d.territory_id, d.kind::reminder_kind, d.subject_type, d.subject_id, d.person_id, d.situation_id,
              d.recipient_user_id, d.recipient_organisation_id, d.through_consent, d.due_at, 'SCHEDULED',
              d.dedupe_key, d.occurrence, $2
         FROM jsonb_to_recordset($1::jsonb) AS d(territory_id uuid, kind text, subject_type text,
              subject_id uuid, person_id uuid, situation_id uuid, recipient_user_id uuid,
              recipient_organisation_id uuid, through_consent boolean, due_at timestamptz,
              dedupe_key text, occurrence smallint)
       ON CONFLICT (dedupe_key) DO UPDATE
          SET status = 'SCHEDULED', due_at = EXCLUDED.due_at, settled_at = NULL, settled_reason = NULL
        WHERE reminders.status = 'CANCELLED'
       RETURNING id, due_at`,
      [
        JSON.stringify(
          drafts.map((draft) => ({
            territory_id: draft.territoryId,
            kind: draft.kind,
            subject_type: draft.subject.type,
            subject_id: draft.subject.id,
            person_id: draft.personId,
            situation_id: draft.situationId,
            recipient_user_id: draft.recipient.userId,
            recipient_organisation_id: draft.recipient.organisationId,
            through_consent: !draft.recipient.coordinator,
            due_at: draft.dueAt.toISOString(),
            dedupe_key: dedupeKey(draft),
            occurrence: draft.occurrence,
          })),
        ),
        now,
      ],
    )) as { id: string; due_at: Date }[];
    return rows.map((row) => ({ id: row.id, dueAt: new Date(row.due_at) }));
  }

  /** Cancels the scheduled reminders matching every criterion given; returns their ids. */
  async cancel(manager: EntityManager, criteria: CancelCriteria, reason: string): Promise<string[]> {
    const conditions = [`territory_id = $1`, `status = 'SCHEDULED'`];
    const parameters: unknown[] = [criteria.territoryId, this.clock.now(), reason];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (criteria.subject) {
      add((p) => `subject_type = ${p}`, criteria.subject.type);
      add((p) => `subject_id = ${p}`, criteria.subject.id);
    }
    if (criteria.kinds) add((p) => `kind = ANY(${p}::reminder_kind[])`, criteria.kinds);
    if (criteria.personId) add((p) => `person_id = ${p}`, criteria.personId);
    if (criteria.situationId) add((p) => `situation_id = ${p}`, criteria.situationId);
    if (criteria.throughConsentOnly) conditions.push('through_consent');
    if (criteria.exceptOrganisationId)
      add((p) => `recipient_organisation_id <> ${p}`, criteria.exceptOrganisationId);
    // An unscoped cancellation would silence a whole territory: some subject or person is required.
    if (!criteria.subject && !criteria.personId && !criteria.situationId) {
      throw new Error('Annulation de rappels sans sujet, personne ni situation : refusée.');
    }
    const [rows] = (await manager.query(
      `UPDATE reminders SET status = 'CANCELLED', settled_at = $2, settled_reason = $3
        WHERE ${conditions.join(' AND ')} RETURNING id`,
      parameters,
    )) as [{ id: string }[], number];
    return rows.map((row) => row.id);
  }
}
