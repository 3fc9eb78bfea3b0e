import { SUGGESTION_PRIORITY } from './domain/suggestion';

const RANK = `CASE c.reason ${SUGGESTION_PRIORITY.map((reason, rank) => `WHEN '${reason}' THEN ${rank}`).join(' ')} END`;

/**
 * One page of the suggestions for a meeting ($3) of a territory ($1) on its day ($2): each
 * situation once, for its most pressing reason (its rank), most pressing first, then by situation;
 * after the position ($4 rank, $5 situation) when given, at most $6 rows. One fixed text for every
 * page, so it prepares once.
 */
export const SUGGESTIONS_SQL = `/* prepared:agenda-suggestions-page */
WITH candidates AS (
  SELECT s.id AS situation_id, 'ACCEPTED_NOT_SCHEDULED' AS reason, to_char(s.opened_at, 'YYYY-MM-DD') AS detail
    FROM situations s
   WHERE s.territory_id = $1 AND s.status = 'ACCEPTED'
     AND NOT EXISTS (SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                      WHERE i.situation_id = s.id AND m.status <> 'CANCELLED')
  UNION ALL
  SELECT s.id, 'REVIEW_DATE_REACHED', to_char(s.next_review_on, 'YYYY-MM-DD')
    FROM situations s
   WHERE s.territory_id = $1 AND s.status IN ('ACTIONS_IN_PROGRESS', 'REVIEW_DUE')
     AND s.next_review_on <= $2::date
  UNION ALL
  SELECT s.id, 'OVERDUE_ACTIONS', count(*)::text
    FROM situations s JOIN situation_actions a ON a.situation_id = s.id
   WHERE s.territory_id = $1 AND s.status <> 'CLOSED'
     AND a.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND a.due_on < $2::date
   GROUP BY s.id
  UNION ALL
  SELECT s.id, 'DEROGATION_TO_REVIEW', NULL
    FROM situations s JOIN consent_exceptions d ON d.person_id = s.person_id
   WHERE s.territory_id = $1 AND s.status <> 'CLOSED' AND d.status = 'APPROVED'
     -- Reviewed once examined after the approval, or already on another coming agenda.
     AND NOT EXISTS (SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
                      WHERE i.situation_id = s.id AND m.id <> $3
                        AND (i.recorded_at > d.decided_at
                             OR (i.recorded_at IS NULL AND m.status IN ('PLANNED', 'AGENDA_PUBLISHED')
                                 AND m.starts_at > d.decided_at)))
),
ranked AS (
  SELECT DISTINCT ON (c.situation_id) c.situation_id, c.reason, c.detail, ${RANK} AS rank
    FROM candidates c
   WHERE NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = $3 AND i.situation_id = c.situation_id)
   ORDER BY c.situation_id, ${RANK}
)
SELECT r.situation_id, r.reason, r.detail, r.rank, p.case_code, p.initials, p.age_band, p.district
  FROM ranked r
  JOIN situations s ON s.id = r.situation_id
  JOIN persons p ON p.id = s.person_id
 WHERE $4::int IS NULL OR (r.rank, r.situation_id) > ($4::int, $5::uuid)
 ORDER BY r.rank, r.situation_id
 LIMIT $6`;
