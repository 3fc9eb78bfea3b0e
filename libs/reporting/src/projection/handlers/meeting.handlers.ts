import { refreshExaminations } from './referral.handlers';
import { ProjectionContext, ProjectionHandlers } from './projection-context';

/** Keeps `report_meetings`, `report_meeting_attendance`, `report_examinations` and `report_actions`. */
export const meetingHandlers: ProjectionHandlers = (context) => {
  const actionMoved = actionMovedIn(context);
  return {
    'meeting.planned': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_meetings (territory_id, meeting_id, planned_on) VALUES ($1, $2, $3)
       ON CONFLICT (territory_id, meeting_id) DO UPDATE SET planned_on = EXCLUDED.planned_on`,
        [context.territoryId, subjectId, payload.plannedOn ?? context.day],
      );
    },
    'meeting.cancelled': async ({ subjectId }) => {
      await context.manager.query(
        `UPDATE report_meetings SET cancelled_on = $3 WHERE territory_id = $1 AND meeting_id = $2`,
        [context.territoryId, subjectId, context.day],
      );
    },
    'meeting.item_examined': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_examinations (territory_id, agenda_item_id, meeting_id, situation_id, examined_on,
              item_kind, presentation)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (territory_id, agenda_item_id) DO NOTHING`,
        [
          context.territoryId,
          payload.agendaItemId,
          subjectId,
          payload.situationId,
          payload.examinedOn,
          payload.itemKind,
          payload.presentation,
        ],
      );
      await refreshExaminations(context, payload.situationId);
    },
    'meeting.minutes_published': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_meetings (territory_id, meeting_id, planned_on, held_on, items) VALUES ($1, $2, $3, $3, $4)
       ON CONFLICT (territory_id, meeting_id) DO UPDATE SET held_on = EXCLUDED.held_on, items = EXCLUDED.items`,
        [context.territoryId, subjectId, payload.heldOn ?? context.day, payload.items ?? 0],
      );
      await context.manager.query(
        `DELETE FROM report_meeting_attendance WHERE territory_id = $1 AND meeting_id = $2`,
        [context.territoryId, subjectId],
      );
      const attendance = payload.attendance ?? [];
      if (attendance.length) {
        await context.manager.query(
          `INSERT INTO report_meeting_attendance (territory_id, meeting_id, organisation_kind, invited, present)
         SELECT $1, $2, a.organisation_kind, a.invited, a.present
           FROM jsonb_to_recordset($3::jsonb) AS a(organisation_kind text, invited int, present int)`,
          [
            context.territoryId,
            subjectId,
            JSON.stringify(
              attendance.map((row) => ({
                organisation_kind: row.organisationKind,
                invited: row.invited,
                present: row.present,
              })),
            ),
          ],
        );
      }
    },
    'action.created': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_actions (territory_id, action_id, situation_id, meeting_id, decided_on, due_on, status, owner_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (territory_id, action_id) DO UPDATE SET
         situation_id = EXCLUDED.situation_id, meeting_id = EXCLUDED.meeting_id, decided_on = EXCLUDED.decided_on,
         owner_kind = EXCLUDED.owner_kind`,
        [
          context.territoryId,
          subjectId,
          payload.situationId ?? null,
          payload.meetingId ?? null,
          context.day,
          payload.dueOn ?? null,
          payload.status ?? 'TODO',
          payload.ownerKind ?? null,
        ],
      );
    },
    'action.due_date_changed': ({ subjectId, payload }) => actionMoved(subjectId, payload),
    'action.status_changed': ({ subjectId, payload }) => actionMoved(subjectId, payload),
    'action.done': ({ subjectId, payload }) => actionMoved(subjectId, payload),
  };
};

function actionMovedIn(context: ProjectionContext) {
  return async (actionId: string, payload: { dueOn: string; status: string }) => {
    // Done on the day it was first said done; reopened, it is no longer done.
    await context.manager.query(
      `UPDATE report_actions SET due_on = $3, status = $4,
              done_on = CASE WHEN $4 = 'DONE' THEN COALESCE(done_on, $5::date) ELSE NULL END
        WHERE territory_id = $1 AND action_id = $2`,
      [context.territoryId, actionId, payload.dueOn, payload.status, context.day],
    );
  };
}
