import { ProjectionContext, ProjectionHandlers } from './projection-context';

/** Urgency codes the report counts as urgent. */
const URGENT = ['HIGH'];

/** Keeps `report_referrals`: the referral's facts at submission, the coordinator's reading, the end. */
export const referralHandlers: ProjectionHandlers = (context) => ({
  'referral.submitted': async ({ subjectId, payload }) => {
    // A referral sent back for consent is submitted again: its first submission day stays.
    await context.manager.query(
      `INSERT INTO report_referrals (territory_id, referral_id, submitted_on, referrer_kind, difficulty_areas,
              urgent, urgency, nothing_tried, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (territory_id, referral_id) DO UPDATE SET
         submitted_on = COALESCE(report_referrals.submitted_on, EXCLUDED.submitted_on),
         referrer_kind = EXCLUDED.referrer_kind, difficulty_areas = EXCLUDED.difficulty_areas,
         urgent = EXCLUDED.urgent, urgency = EXCLUDED.urgency, nothing_tried = EXCLUDED.nothing_tried,
         status = EXCLUDED.status`,
      [
        context.territoryId,
        subjectId,
        context.day,
        payload.referrerKind ?? null,
        payload.difficultyAreas ?? [],
        URGENT.includes(payload.urgency),
        payload.urgency ?? null,
        payload.nothingTried ?? null,
        payload.status,
      ],
    );
  },
  'referral.pre_review_started': async ({ subjectId, payload }) =>
    read(context, subjectId, payload.status, 'ADMISSIBLE', ['CONSENT_NEEDED']),
  'referral.consent_needed': async ({ subjectId, payload }) =>
    read(context, subjectId, payload.status, 'CONSENT_NEEDED', []),
  'referral.accepted': async ({ subjectId, payload }) => {
    await read(context, subjectId, payload.status, 'ADMISSIBLE', ['CONSENT_NEEDED']);
    await end(context, subjectId, 'ACCEPTED', { situationId: payload.situationId });
    if (payload.opened) {
      await context.manager.query(
        `INSERT INTO report_situations (territory_id, situation_id, opened_on) VALUES ($1, $2, $3)
         ON CONFLICT (territory_id, situation_id) DO UPDATE
           SET opened_on = COALESCE(report_situations.opened_on, EXCLUDED.opened_on)`,
        [context.territoryId, payload.situationId, context.day],
      );
    }
    await refreshExaminations(context, payload.situationId);
  },
  'referral.redirected': async ({ subjectId, payload }) => {
    // Redirected before any pre-review: the cell read it as not its to examine.
    await read(context, subjectId, payload.status, 'REDIRECTED', []);
    await end(context, subjectId, 'REDIRECTED', { redirectTarget: payload.target });
  },
  'referral.withdrawn': async ({ subjectId, payload }) => {
    await read(context, subjectId, payload.status, null, []);
    await end(context, subjectId, 'WITHDRAWN', {});
  },
});

/**
 * The coordinator's reading: set when none is recorded yet, or when it replaces one of `over`
 * (a referral first sent back for consent, then admitted). The status follows every event.
 */
async function read(
  context: ProjectionContext,
  referralId: string,
  status: string,
  admissibility: string | null,
  over: string[],
): Promise<void> {
  await context.manager.query(
    `INSERT INTO report_referrals (territory_id, referral_id, status, admissibility, admissibility_on)
     VALUES ($1, $2, $3, $4, CASE WHEN $4::text IS NULL THEN NULL ELSE $5::date END)
     ON CONFLICT (territory_id, referral_id) DO UPDATE SET
       status = EXCLUDED.status,
       admissibility = CASE WHEN report_referrals.admissibility IS NULL OR report_referrals.admissibility = ANY($6::text[])
                            THEN COALESCE(EXCLUDED.admissibility, report_referrals.admissibility)
                            ELSE report_referrals.admissibility END,
       admissibility_on = CASE WHEN report_referrals.admissibility IS NULL OR report_referrals.admissibility = ANY($6::text[])
                               THEN COALESCE(EXCLUDED.admissibility_on, report_referrals.admissibility_on)
                               ELSE report_referrals.admissibility_on END`,
    [context.territoryId, referralId, status, admissibility, context.day, over],
  );
}

async function end(
  context: ProjectionContext,
  referralId: string,
  outcome: string,
  facts: { situationId?: string; redirectTarget?: string },
): Promise<void> {
  await context.manager.query(
    `UPDATE report_referrals SET outcome = $3, outcome_on = $4,
            situation_id = COALESCE($5, situation_id), redirect_target = COALESCE($6, redirect_target)
      WHERE territory_id = $1 AND referral_id = $2`,
    [
      context.territoryId,
      referralId,
      outcome,
      context.day,
      facts.situationId ?? null,
      facts.redirectTarget ?? null,
    ],
  );
}

/**
 * A referral's examinations are its situation's, from the day it was submitted: the first one
 * gives the delay, more than one is a re-presentation.
 */
export async function refreshExaminations(context: ProjectionContext, situationId: string): Promise<void> {
  await context.manager.query(
    `UPDATE report_referrals r SET first_examined_on = x.first_on, examinations = x.count
       FROM (SELECT r2.referral_id, min(e.examined_on) AS first_on, count(e.agenda_item_id)::int AS count
               FROM report_referrals r2
               LEFT JOIN report_examinations e
                 ON e.territory_id = r2.territory_id AND e.situation_id = r2.situation_id
                AND (r2.submitted_on IS NULL OR e.examined_on >= r2.submitted_on)
              WHERE r2.territory_id = $1 AND r2.situation_id = $2
              GROUP BY r2.referral_id) x
      WHERE r.territory_id = $1 AND r.referral_id = x.referral_id`,
    [context.territoryId, situationId],
  );
}
