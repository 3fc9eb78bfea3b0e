import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authentication of a request in one statement: the session with its account and organisation,
 * the active memberships with their charter state, the session ended when it expired or idled,
 * `last_seen_at` moved on past its resolution. The function runs as the caller (row-level security
 * applies) and opens the account tables by stating the `authentication` purpose for itself, then
 * puts back the caller's purpose, so it may run alone or inside a scoped transaction.
 */
export class AuthenticateSession1796800001500 implements MigrationInterface {
  name = 'AuthenticateSession1796800001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION authenticate_session(
        p_session_id uuid, p_user_id uuid, p_now timestamptz, p_idle_ms integer, p_last_seen_resolution_ms integer
      ) RETURNS jsonb LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS
      $$ DECLARE
        caller_purpose text := coalesce(current_setting('app.purpose', true), '');
        seen record;
        ending text;
        active jsonb;
        outcome jsonb;
      BEGIN
        PERFORM set_config('app.purpose', 'authentication', true);
        SELECT s.ended_at, s.expires_at, s.last_seen_at, u.organisation_id, u.sharing_category, o.kind
          INTO seen
          FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
         WHERE s.id = p_session_id AND s.user_id = p_user_id;
        IF NOT FOUND OR seen.ended_at IS NOT NULL THEN
          outcome := jsonb_build_object('outcome', 'SESSION_EXPIRED');
        ELSE
          ending := CASE
            WHEN seen.expires_at <= p_now THEN 'EXPIRED'
            WHEN p_now - seen.last_seen_at > p_idle_ms * interval '1 millisecond' THEN 'IDLE_TIMEOUT'
          END;
          IF ending IS NOT NULL THEN
            UPDATE sessions SET ended_at = p_now, end_reason = ending WHERE id = p_session_id AND ended_at IS NULL;
            outcome := jsonb_build_object('outcome', 'SESSION_EXPIRED');
          ELSE
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'id', m.id, 'territory_id', m.territory_id, 'roles', to_jsonb(m.roles), 'cell_id', m.cell_id,
                     'sharing_matrix', t.settings -> 'sharingMatrix',
                     'charter_accepted', NOT EXISTS (
                       SELECT 1 FROM charters c
                        WHERE c.territory_id = m.territory_id AND c.current
                          AND NOT EXISTS (SELECT 1 FROM charter_acceptances a WHERE a.charter_id = c.id AND a.user_id = m.user_id)
                     ))), '[]'::jsonb)
              INTO active
              FROM memberships m JOIN territories t ON t.id = m.territory_id
             WHERE m.user_id = p_user_id AND m.status = 'ACTIVE' AND cardinality(m.roles) > 0;
            IF jsonb_array_length(active) = 0 THEN
              outcome := jsonb_build_object('outcome', 'ACCESS_SUSPENDED');
            ELSE
              IF p_now - seen.last_seen_at > p_last_seen_resolution_ms * interval '1 millisecond' THEN
                UPDATE sessions SET last_seen_at = p_now WHERE id = p_session_id;
              END IF;
              outcome := jsonb_build_object(
                'outcome', 'AUTHENTICATED', 'organisation_id', seen.organisation_id,
                'sharing_category', seen.sharing_category, 'organisation_kind', seen.kind, 'memberships', active);
            END IF;
          END IF;
        END IF;
        PERFORM set_config('app.purpose', caller_purpose, true);
        RETURN outcome;
      END $$`);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION authenticate_session(uuid, uuid, timestamptz, integer, integer) TO relais_app`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION authenticate_session(uuid, uuid, timestamptz, integer, integer)`);
  }
}
