import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the application reads and writes; audit_events is apart (insert and read only). */
const APPLICATION_TABLES = [
  'territories',
  'cells',
  'organisations',
  'users',
  'memberships',
  'sessions',
  'refresh_tokens',
  'charters',
  'charter_acceptances',
  'audit_chain_heads',
];

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;
const FOR_AUTHENTICATION = `(SELECT app_purpose()) = 'authentication'`;

/**
 * Row-level security, the second lock behind the application's rules: each transaction states its
 * territories (`app.territory_ids`), and a query that forgets sees nothing. The settings are read
 * through sub-selects so Postgres evaluates them once per query, not per row.
 */
const POLICIES: Record<string, string> = {
  territories: `id = ANY ((SELECT app_territory_ids())::uuid[])`,
  cells: IN_TERRITORIES,
  organisations: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  // A user created in one territory is seen in the others through their memberships there.
  users: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION} OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.territory_id = ANY ((SELECT app_territory_ids())::uuid[]))`,
  memberships: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  sessions: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  refresh_tokens: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  charters: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  charter_acceptances: `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION}`,
  audit_chain_heads: IN_TERRITORIES,
  audit_events: IN_TERRITORIES,
};

export class AccessAndAudit1795397204688 implements MigrationInterface {
  name = 'AccessAndAudit1795397204688';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_heads" ("territory_id" uuid NOT NULL, "sequence" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "pk_audit_chain_heads" PRIMARY KEY ("territory_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "sequence" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "request_id" text, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid, "person_id" uuid, "data_categories" text array NOT NULL DEFAULT '{}', "details" jsonb NOT NULL DEFAULT '{}', "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "uq_audit_events_territory_sequence" UNIQUE ("territory_id", "sequence"), CONSTRAINT "pk_audit_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_territory_actor" ON "audit_events" ("territory_id", "actor_user_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_territory_person" ON "audit_events" ("territory_id", "person_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_territory_subject" ON "audit_events" ("territory_id", "subject_type", "subject_id", "occurred_at") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."charter_kind" AS ENUM('RULES', 'CONFIDENTIALITY')`);
    await queryRunner.query(
      `CREATE TABLE "charters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "kind" "public"."charter_kind" NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "current" boolean NOT NULL DEFAULT true, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_user_id" uuid NOT NULL, CONSTRAINT "uq_charters_territory_kind_version" UNIQUE ("territory_id", "kind", "version"), CONSTRAINT "pk_charters" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_charters_territory_kind_current" ON "charters" ("territory_id", "kind") WHERE "current"`,
    );
    await queryRunner.query(
      `CREATE TABLE "charter_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "charter_id" uuid NOT NULL, "user_id" uuid NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_charter_acceptances_charter_user" UNIQUE ("charter_id", "user_id"), CONSTRAINT "pk_charter_acceptances" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "charters" ADD CONSTRAINT "fk_charters_territory" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "charters" ADD CONSTRAINT "fk_charters_published_by" FOREIGN KEY ("published_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "charter_acceptances" ADD CONSTRAINT "fk_charter_acceptances_charter" FOREIGN KEY ("charter_id") REFERENCES "charters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "charter_acceptances" ADD CONSTRAINT "fk_charter_acceptances_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Roles belong to the server, not to one database: created once, kept when a database goes.
    await queryRunner.query(`DO $$ BEGIN CREATE ROLE relais_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await queryRunner.query(`CREATE FUNCTION app_territory_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
      $$ SELECT coalesce(nullif(current_setting('app.territory_ids', true), ''), '{}')::uuid[] $$`);
    await queryRunner.query(`CREATE FUNCTION app_purpose() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.purpose', true), '') $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO relais_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${APPLICATION_TABLES.join(', ')} TO relais_app`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON audit_events TO relais_app`);
    // Even the owner cannot rewrite history without disabling this trigger, which is itself visible.
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_events est en ajout seul'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    for (const [table, condition] of Object.entries(POLICIES)) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_territories" ON "${table}" TO relais_app USING (${condition}) WITH CHECK (${condition})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(POLICIES)) {
      await queryRunner.query(`DROP POLICY "${table}_territories" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(
      `REVOKE ALL ON ${[...APPLICATION_TABLES, 'audit_events'].join(', ')} FROM relais_app`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM relais_app`);
    await queryRunner.query(`DROP FUNCTION app_purpose()`);
    await queryRunner.query(`DROP FUNCTION app_territory_ids()`);
    await queryRunner.query(
      `ALTER TABLE "charter_acceptances" DROP CONSTRAINT "fk_charter_acceptances_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "charter_acceptances" DROP CONSTRAINT "fk_charter_acceptances_charter"`,
    );
    await queryRunner.query(`ALTER TABLE "charters" DROP CONSTRAINT "fk_charters_published_by"`);
    await queryRunner.query(`ALTER TABLE "charters" DROP CONSTRAINT "fk_charters_territory"`);
    await queryRunner.query(`DROP TABLE "charter_acceptances"`);
    await queryRunner.query(`DROP INDEX "public"."uq_charters_territory_kind_current"`);
    await queryRunner.query(`DROP TABLE "charters"`);
    await queryRunner.query(`DROP TYPE "public"."charter_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_territory_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_territory_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_territory_actor"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
  }
}
