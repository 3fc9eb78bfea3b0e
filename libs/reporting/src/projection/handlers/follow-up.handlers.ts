import { ProjectionHandlers } from './projection-context';

/** Keeps `report_follow_ups`, `report_handoffs` and situations' last contact. */
export const followUpHandlers: ProjectionHandlers = (context) => ({
  'followup.started': async ({ subjectId, payload }) => {
    await context.manager.query(
      `INSERT INTO report_follow_ups (territory_id, follow_up_id, situation_id, person_id, kind, requester_kind, started_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (territory_id, follow_up_id) DO UPDATE SET
         situation_id = EXCLUDED.situation_id, person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
         requester_kind = EXCLUDED.requester_kind, started_on = EXCLUDED.started_on`,
      [
        context.territoryId,
        subjectId,
        payload.situationId,
        payload.personId ?? null,
        payload.kind,
        payload.requesterKind ?? null,
        payload.startedOn ?? context.day,
      ],
    );
  },
  'followup.renewed': async ({ subjectId, payload }) => {
    await context.manager.query(
      `UPDATE report_follow_ups SET renewals = GREATEST(renewals, $3) WHERE territory_id = $1 AND follow_up_id = $2`,
      [context.territoryId, subjectId, payload.renewals],
    );
  },
  'followup.act_recorded': async ({ subjectId, payload }) => {
    // Counted once: the consumption row (or the rebuild's single pass) guards the increment.
    await context.manager.query(
      `UPDATE report_follow_ups SET acts = acts + 1, acts_at_home = acts_at_home + $3::int
        WHERE territory_id = $1 AND follow_up_id = $2`,
      [context.territoryId, subjectId, payload.atHome ? 1 : 0],
    );
    await context.manager.query(
      `INSERT INTO report_situations (territory_id, situation_id, last_contact_on) VALUES ($1, $2, $3)
       ON CONFLICT (territory_id, situation_id) DO UPDATE
         SET last_contact_on = GREATEST(report_situations.last_contact_on, EXCLUDED.last_contact_on)`,
      [context.territoryId, payload.situationId, payload.occurredOn],
    );
  },
  'followup.ended': async ({ subjectId, payload }) => {
    await context.manager.query(
      `UPDATE report_follow_ups SET ended_on = $3, housed_at_end = $4 WHERE territory_id = $1 AND follow_up_id = $2`,
      [context.territoryId, subjectId, context.day, payload.housedAtEnd ?? null],
    );
  },
  'handoff.proposed': async ({ subjectId, payload }) => {
    await context.manager.query(
      `INSERT INTO report_handoffs (territory_id, handoff_id, follow_up_id, situation_id, proposed_on, status,
              receiver_kind, cmp_follow_up, eviction_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (territory_id, handoff_id) DO NOTHING`,
      [
        context.territoryId,
        subjectId,
        payload.followUpId ?? null,
        payload.situationId,
        context.day,
        payload.status,
        payload.receiverKind ?? null,
        payload.cmpFollowUp ?? null,
        payload.evictionState ?? null,
      ],
    );
  },
  'handoff.answered': async ({ subjectId, payload }) => {
    await context.manager.query(
      `UPDATE report_handoffs SET status = $3, answered_on = $4 WHERE territory_id = $1 AND handoff_id = $2`,
      [context.territoryId, subjectId, payload.status, context.day],
    );
  },
});
