import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;
const LINK_FUNCTION = 'link_audit_events(uuid, uuid[], bigint[], text[], text[], text)';

/** Rejects every change but a purge's deletion, naming the table it guards. */
const APPEND_ONLY = `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('relais.audit_purge', true), '') = 'on' THEN
      RETURN NULL;
    END IF;
    RAISE EXCEPTION '% est en ajout seul', TG_TABLE_NAME;
  END $$`;

/** The purge's checks and deletions, with `links` the part that reads and deletes read links. */
function purgeFunction(links: boolean): string {
  const anchorInLinks = links
    ? `AND NOT EXISTS (SELECT 1 FROM audit_read_links WHERE territory_id = p_territory_id
            AND sequence = p_through_sequence AND hash = p_through_hash)`
    : '';
  const deletion = links
    ? `WITH gone AS (
          DELETE FROM audit_events e
           WHERE e.territory_id = p_territory_id
             AND (e.sequence <= p_through_sequence OR (e.sequence IS NULL AND EXISTS (
                   SELECT 1 FROM audit_read_links l WHERE l.territory_id = p_territory_id
                      AND e.position = ANY (l.positions) AND l.sequence <= p_through_sequence)))
             AND (e.person_id IS NULL OR NOT (e.person_id = ANY (p_kept_person_ids)))
             AND (e.subject_id IS NULL OR NOT (e.subject_id = ANY (p_kept_subject_ids)))
          RETURNING e.position),
        emptied AS (
          DELETE FROM audit_read_links l
           WHERE l.territory_id = p_territory_id AND l.sequence <= p_through_sequence
             AND NOT EXISTS (SELECT 1 FROM audit_events e
                              WHERE e.territory_id = p_territory_id AND e.position = ANY (l.positions)
                                AND e.sequence IS NULL
                                AND e.position NOT IN (SELECT position FROM gone)))
        SELECT count(*) INTO purged FROM gone;`
    : `DELETE FROM audit_events
          WHERE territory_id = p_territory_id AND sequence <= p_through_sequence
            AND (person_id IS NULL OR NOT (person_id = ANY (p_kept_person_ids)))
            AND (subject_id IS NULL OR NOT (subject_id = ANY (p_kept_subject_ids)));
        GET DIAGNOSTICS purged = ROW_COUNT;`;
  const keptReads = links
    ? `+ (SELECT count(*) FROM audit_read_links l JOIN audit_events e
            ON e.territory_id = l.territory_id AND e.position = ANY (l.positions) AND e.sequence IS NULL
          WHERE l.territory_id = p_territory_id AND l.sequence <= p_through_sequence)`
    : '';
  return `CREATE OR REPLACE FUNCTION purge_audit_events(
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
        ${anchorInLinks}
        AND NOT EXISTS (SELECT 1 FROM audit_chain_purges WHERE territory_id = p_territory_id
          AND through_sequence = p_through_sequence AND through_hash = p_through_hash) THEN
        RAISE EXCEPTION 'ancre de purge inconnue';
      END IF;
      PERFORM set_config('relais.audit_purge', 'on', true);
      ${deletion}
      PERFORM set_config('relais.audit_purge', '', true);
      SELECT count(*) ${keptReads} INTO kept FROM audit_events
        WHERE territory_id = p_territory_id AND sequence <= p_through_sequence;
      -- The signed count must be what stays: the anchor vouches for every event kept before it.
      IF kept <> p_kept_events THEN
        RAISE EXCEPTION 'événements conservés : % attendus, % restants', p_kept_events, kept;
      END IF;
      INSERT INTO audit_chain_purges (territory_id, through_sequence, through_hash, kept_events,
          purged_events, purged_at, key_id, signature)
        VALUES (p_territory_id, p_through_sequence, p_through_hash, kept, purged, p_purged_at, p_key_id, p_signature);
      RETURN purged;
    END $$`;
}

/**
 * Reads are linked into their territory's chain in sets: one `audit_read_links` row per set, written
 * once by the chaining worker, holding the positions and seals of the reads it links. A read's link
 * used to be written into its event: that update rewrote the whole event with an entry in every
 * index (`sequence` is indexed, so never in place) and left a dead version behind, for every read
 * of every list. The event is now written once and never changed.
 *
 * Events linked the old way keep their link in their own row; reads waiting at migration time are
 * linked the new way. The chain is both, ordered by sequence. Reads stay out of the unique index
 * of sequences (they have none), and the index of reads waiting is gone.
 */
export class AuditReadLinks1796800001700 implements MigrationInterface {
  name = 'AuditReadLinks1796800001700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_read_links" ("territory_id" uuid NOT NULL, "sequence" bigint NOT NULL, "positions" bigint array NOT NULL, "seals" bytea NOT NULL, "last_position" bigint NOT NULL, "key_id" text NOT NULL, "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "pk_audit_read_links" PRIMARY KEY ("territory_id", "sequence"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_read_links_territory_last_position" ON "audit_read_links" ("territory_id", "last_position") `,
    );
    // Seals are random bytes: both arrays are stored out of line without trying to compress them.
    await queryRunner.query(`ALTER TABLE "audit_read_links" ALTER COLUMN "positions" SET STORAGE EXTERNAL`);
    await queryRunner.query(`ALTER TABLE "audit_read_links" ALTER COLUMN "seals" SET STORAGE EXTERNAL`);
    await queryRunner.query(`GRANT SELECT, INSERT ON audit_read_links TO relais_app`);
    await queryRunner.query(`ALTER TABLE "audit_read_links" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "audit_read_links_territories" ON "audit_read_links" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
    );
    await queryRunner.query(APPEND_ONLY);
    await queryRunner.query(`CREATE TRIGGER audit_read_links_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_read_links
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await queryRunner.query(`DROP FUNCTION ${LINK_FUNCTION}`);
    await queryRunner.query(`DROP TRIGGER "audit_events_link_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_link_only()`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_unchained"`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" DROP CONSTRAINT "uq_audit_events_territory_sequence"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_audit_events_territory_sequence" ON "audit_events" ("territory_id", "sequence") WHERE "sequence" IS NOT NULL`,
    );
    await queryRunner.query(purgeFunction(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The chain before had one link per event, computed with the chain's key, which the database
    // does not hold: reads linked in sets cannot be given such links here.
    await queryRunner.query(`DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM audit_read_links) THEN
          RAISE EXCEPTION 'des consultations sont chaînées par lots : retour arrière impossible sans la clé de chaîne';
        END IF;
      END $$`);
    await queryRunner.query(purgeFunction(false));
    await queryRunner.query(`DROP INDEX "public"."uq_audit_events_territory_sequence"`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "uq_audit_events_territory_sequence" UNIQUE ("territory_id", "sequence")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_unchained" ON "audit_events" ("territory_id", "position") WHERE "sequence" IS NULL`,
    );
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
    await queryRunner.query(`DROP TABLE "audit_read_links"`);
  }
}
