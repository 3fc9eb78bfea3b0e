import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = ['retention_policies', 'legal_holds'];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** Tables whose rows belong to one situation: none changes once the situation is archived. */
const SITUATION_CHILDREN = [
  'situation_actions',
  'situation_circle_members',
  'situation_events',
  'handoffs',
  'follow_ups',
  'agenda_items',
  'decisions',
  'referrals',
];

/**
 * The retention lifecycle: a territory's periods (its departures from the defaults), legal holds,
 * the situation's archived and anonymised instants, and the audit chain's purges.
 *
 * An archived situation is read-only for everyone: triggers refuse any change to it or to a row
 * that belongs to it (SQLSTATE RLA01, a French message the api shows as is), except inside the
 * retention job's own transaction (`relais.retention`), which anonymises it.
 *
 * Audit events stay append-only for the application: it may delete them only through
 * `purge_audit_events`, which runs as the owner, deletes up to a sequence except the events kept
 * under a legal hold, and writes the signed anchor that lets the chain be verified from the first
 * event kept. The append-only trigger lets a DELETE through only inside that function.
 */
export class RetentionLifecycle1796800000900 implements MigrationInterface {
  name = 'RetentionLifecycle1796800000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."situation_retention_state" AS ENUM('ACTIVE', 'ARCHIVED', 'ANONYMISED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "situations" ADD "retention_state" "public"."situation_retention_state" NOT NULL DEFAULT 'ACTIVE'`,
    );
    await queryRunner.query(`ALTER TABLE "situations" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "situations" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_situations_territory_retention" ON "situations" ("territory_id", "retention_state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_policies" ("territory_id" uuid NOT NULL, "active_months" integer, "archive_months" integer, "audit_months" integer, "justification" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_user_id" uuid NOT NULL, CONSTRAINT "pk_retention_policies" PRIMARY KEY ("territory_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."legal_hold_scope" AS ENUM('SITUATION', 'AUDIT_LOG')`);
    await queryRunner.query(
      `CREATE TABLE "legal_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "scope" "public"."legal_hold_scope" NOT NULL, "situation_id" uuid, "reason" text NOT NULL, "placed_by_user_id" uuid NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lifted_by_user_id" uuid, "lifted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_legal_holds_scope_situation" CHECK (("scope" = 'SITUATION') = ("situation_id" IS NOT NULL)), CONSTRAINT "pk_legal_holds" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_legal_holds_territory_in_force" ON "legal_holds" ("territory_id", "scope") WHERE "lifted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain_purges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "through_sequence" bigint NOT NULL, "through_hash" character(64) NOT NULL, "kept_events" integer NOT NULL, "purged_events" integer NOT NULL, "purged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" text NOT NULL, "signature" character(64) NOT NULL, CONSTRAINT "pk_audit_chain_purges" PRIMARY KEY ("id"))`,
    );

    await queryRunner.query(
      `CREATE INDEX "ix_audit_chain_purges_territory" ON "audit_chain_purges" ("territory_id", "through_sequence") `,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO relais_app`);
    await queryRunner.query(`GRANT SELECT ON audit_chain_purges TO relais_app`);
    for (const table of [...NEW_TABLES, 'audit_chain_purges']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_territories" ON "${table}" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
      );
    }

    // Read-only once archived, whoever asks; only the retention job's transaction may anonymise.
    await queryRunner.query(`CREATE FUNCTION refuse_archived_situation_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
      BEGIN
        IF coalesce(current_setting('relais.retention', true), '') = 'on' THEN
          RETURN coalesce(NEW, OLD);
        END IF;
        IF TG_TABLE_NAME = 'situations' THEN
          IF OLD.retention_state <> 'ACTIVE' THEN
            RAISE EXCEPTION USING ERRCODE = 'RLA01',
              MESSAGE = 'Cette situation est archivée : elle ne peut plus être modifiée.';
          END IF;
          RETURN coalesce(NEW, OLD);
        END IF;
        target := CASE WHEN TG_OP = 'DELETE' THEN OLD.situation_id ELSE NEW.situation_id END;
        IF target IS NULL AND TG_OP = 'UPDATE' THEN target := OLD.situation_id; END IF;
        IF target IS NOT NULL AND EXISTS (SELECT 1 FROM situations s WHERE s.id = target AND s.retention_state <> 'ACTIVE') THEN
          RAISE EXCEPTION USING ERRCODE = 'RLA01',
            MESSAGE = 'Cette situation est archivée : elle ne peut plus être modifiée.';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.situation_id IS NOT NULL AND OLD.situation_id IS DISTINCT FROM target
          AND EXISTS (SELECT 1 FROM situations s WHERE s.id = OLD.situation_id AND s.retention_state <> 'ACTIVE') THEN
          RAISE EXCEPTION USING ERRCODE = 'RLA01',
            MESSAGE = 'Cette situation est archivée : elle ne peut plus être modifiée.';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "situations_archived_read_only" BEFORE UPDATE OR DELETE ON "situations"
      FOR EACH ROW EXECUTE FUNCTION refuse_archived_situation_change()`);
    for (const table of SITUATION_CHILDREN) {
      await queryRunner.query(`CREATE TRIGGER "${table}_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION refuse_archived_situation_change()`);
    }

    // A DELETE passes only inside purge_audit_events (which sets the flag for its own transaction).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF TG_OP = 'DELETE' AND coalesce(current_setting('relais.audit_purge', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_events est en ajout seul';
      END $$`);
    await queryRunner.query(`CREATE FUNCTION purge_audit_events(
        p_territory_id uuid, p_through_sequence bigint, p_kept_person_ids uuid[], p_kept_subject_ids uuid[],
        p_through_hash text, p_kept_events integer, p_purged_at timestamptz, p_key_id text, p_signature text)
      RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        purged integer;
        kept integer;
      BEGIN
        IF NOT (p_territory_id = ANY (app_territory_ids())) THEN
          RAISE EXCEPTION 'territoire hors de la transaction';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM audit_events WHERE territory_id = p_territory_id
            AND sequence = p_through_sequence AND hash = p_through_hash)
          AND NOT EXISTS (SELECT 1 FROM audit_chain_purges WHERE territory_id = p_territory_id
            AND through_sequence = p_through_sequence AND through_hash = p_through_hash) THEN
          RAISE EXCEPTION 'ancre de purge inconnue';
        END IF;
        PERFORM set_config('relais.audit_purge', 'on', true);
        DELETE FROM audit_events
          WHERE territory_id = p_territory_id AND sequence <= p_through_sequence
            AND (person_id IS NULL OR NOT (person_id = ANY (p_kept_person_ids)))
            AND (subject_id IS NULL OR NOT (subject_id = ANY (p_kept_subject_ids)));
        GET DIAGNOSTICS purged = ROW_COUNT;
        PERFORM set_config('relais.audit_purge', '', true);
        SELECT count(*) INTO kept FROM audit_events
          WHERE territory_id = p_territory_id AND sequence <= p_through_sequence;
        -- The signed count must be what stays: the anchor vouches for every event kept before it.
        IF kept <> p_kept_events THEN
          RAISE EXCEPTION 'événements conservés : % attendus, % restants', p_kept_events, kept;
        END IF;
        INSERT INTO audit_chain_purges (territory_id, through_sequence, through_hash, kept_events,
            purged_events, purged_at, key_id, signature)
          VALUES (p_territory_id, p_through_sequence, p_through_hash, kept, purged, p_purged_at, p_key_id, p_signature);
        RETURN purged;
      END $$`);
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION purge_audit_events(uuid, bigint, uuid[], uuid[], text, integer, timestamptz, text, text) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION purge_audit_events(uuid, bigint, uuid[], uuid[], text, integer, timestamptz, text, text) TO relais_app`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION purge_audit_events(uuid, bigint, uuid[], uuid[], text, integer, timestamptz, text, text)`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_events est en ajout seul'; END $$`);
    for (const table of SITUATION_CHILDREN) {
      await queryRunner.query(`DROP TRIGGER "${table}_archived_read_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP TRIGGER "situations_archived_read_only" ON "situations"`);
    await queryRunner.query(`DROP FUNCTION refuse_archived_situation_change()`);
    for (const table of [...NEW_TABLES, 'audit_chain_purges']) {
      await queryRunner.query(`DROP POLICY "${table}_territories" ON "${table}"`);
    }
    await queryRunner.query(
      `REVOKE ALL ON ${[...NEW_TABLES, 'audit_chain_purges'].join(', ')} FROM relais_app`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_audit_chain_purges_territory"`);
    await queryRunner.query(`DROP TABLE "audit_chain_purges"`);
    await queryRunner.query(`DROP INDEX "public"."ix_legal_holds_territory_in_force"`);
    await queryRunner.query(`DROP TABLE "legal_holds"`);
    await queryRunner.query(`DROP TYPE "public"."legal_hold_scope"`);
    await queryRunner.query(`DROP TABLE "retention_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situations_territory_retention"`);
    await queryRunner.query(`ALTER TABLE "situations" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "situations" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "situations" DROP COLUMN "retention_state"`);
    await queryRunner.query(`DROP TYPE "public"."situation_retention_state"`);
  }
}
