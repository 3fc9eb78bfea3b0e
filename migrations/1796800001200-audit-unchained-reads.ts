import { MigrationInterface, QueryRunner } from 'typeorm';

const LINK_FUNCTION = 'link_audit_events(uuid, uuid[], bigint[], text[], text[], text)';

/**
 * Reads are recorded without the territory's chain lock: a read event is inserted unchained
 * (no sequence, no previous hash; `hash` holds its own seal, an HMAC of its content under
 * `key_id`), and a worker links it into the chain soon after. `position`, drawn from a sequence
 * without any lock, orders every event as it was written, chained or not.
 *
 * Events stay append-only for the application: the only change it may make is linking an
 * unchained event, through `link_audit_events`, which runs as the owner; a row trigger refuses
 * any other change (a linked event, or any field but the link's).
 */
export class AuditUnchainedReads1796800001200 implements MigrationInterface {
  name = 'AuditUnchainedReads1796800001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "sequence" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "previous_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "position" BIGSERIAL NOT NULL`);
    // Existing events take their positions in chain order (the column is outside every link).
    await queryRunner.query(`ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only"`);
    await queryRunner.query(
      `UPDATE "audit_events" e SET "position" = o.n FROM (SELECT id, row_number() OVER (ORDER BY occurred_at, territory_id, sequence) AS n FROM "audit_events") o WHERE o.id = e.id`,
    );
    await queryRunner.query(`ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only"`);
    await queryRunner.query(
      `SELECT setval('audit_events_position_seq', coalesce((SELECT max("position") FROM "audit_events"), 0) + 1, false)`,
    );
    await queryRunner.query(`GRANT USAGE ON SEQUENCE audit_events_position_seq TO relais_app`);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_territory_position" ON "audit_events" ("territory_id", "position") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_unchained" ON "audit_events" ("territory_id", "position") WHERE "sequence" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "ck_audit_events_linked" CHECK (("sequence" IS NULL) = ("previous_hash" IS NULL))`,
    );

    // The statement trigger lets an UPDATE through only inside link_audit_events.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF TG_OP = 'DELETE' AND coalesce(current_setting('relais.audit_purge', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('relais.audit_link', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_events est en ajout seul';
      END $$`);
    // …and each row may only receive its link, once: what it says never changes.
    await queryRunner.query(`CREATE FUNCTION audit_events_link_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF OLD.sequence IS NOT NULL OR NEW.sequence IS NULL OR NEW.previous_hash IS NULL
          OR (NEW.id, NEW.territory_id, NEW.occurred_at, NEW.actor_user_id, NEW.request_id, NEW.action,
              NEW.subject_type, NEW.subject_id, NEW.person_id, NEW.data_categories, NEW.details, NEW.position)
            IS DISTINCT FROM
             (OLD.id, OLD.territory_id, OLD.occurred_at, OLD.actor_user_id, OLD.request_id, OLD.action,
              OLD.subject_type, OLD.subject_id, OLD.person_id, OLD.data_categories, OLD.details, OLD.position) THEN
          RAISE EXCEPTION 'audit_events est en ajout seul';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_events_link_only" BEFORE UPDATE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_link_only()`);
    await queryRunner.query(`CREATE FUNCTION link_audit_events(
        p_territory_id uuid, p_ids uuid[], p_sequences bigint[], p_previous_hashes text[], p_hashes text[], p_key_id text)
      RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        linked integer;
      BEGIN
        IF NOT (p_territory_id = ANY (app_territory_ids())) THEN
          RAISE EXCEPTION 'territoire hors de la transaction';
        END IF;
        PERFORM set_config('relais.audit_link', 'on', true);
        UPDATE audit_events e SET sequence = l.sequence, previous_hash = l.previous_hash, hash = l.hash,
            key_id = p_key_id
          FROM unnest(p_ids, p_sequences, p_previous_hashes, p_hashes) AS l(id, sequence, previous_hash, hash)
          WHERE e.id = l.id AND e.territory_id = p_territory_id AND e.sequence IS NULL;
        GET DIAGNOSTICS linked = ROW_COUNT;
        PERFORM set_config('relais.audit_link', '', true);
        IF linked <> coalesce(array_length(p_ids, 1), 0) THEN
          RAISE EXCEPTION 'événements à chaîner : % attendus, % chaînés', coalesce(array_length(p_ids, 1), 0), linked;
        END IF;
        RETURN linked;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${LINK_FUNCTION} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${LINK_FUNCTION} TO relais_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${LINK_FUNCTION}`);
    await queryRunner.query(`DROP TRIGGER "audit_events_link_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_link_only()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF TG_OP = 'DELETE' AND coalesce(current_setting('relais.audit_purge', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_events est en ajout seul';
      END $$`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "ck_audit_events_linked"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_unchained"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_territory_position"`);
    // Unchained events cannot stay without a sequence: link them (the worker) before going back.
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "position"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "previous_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "sequence" SET NOT NULL`);
  }
}
