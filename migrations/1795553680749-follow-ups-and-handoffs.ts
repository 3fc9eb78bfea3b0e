import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = [
  'handoffs',
  'follow_ups',
  'follow_up_team_members',
  'follow_up_acts',
  'follow_up_renewals',
];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** Trinôme follow-ups (team, acts, renewals) and the situation's hand-offs to common-law services. */

export class FollowUpsAndHandoffs1795553680749 implements MigrationInterface {
  name = 'FollowUpsAndHandoffs1795553680749';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."cmp_follow_up_status" AS ENUM('NONE', 'REQUESTED', 'APPOINTMENT_SET', 'ONGOING', 'NOT_NEEDED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."eviction_procedure_state" AS ENUM('NONE', 'PRE_LITIGATION', 'SUMMONS', 'JUDGMENT', 'EVICTION_ORDERED', 'SUSPENDED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."right_opened" AS ENUM('HEALTH_COVERAGE', 'AAH', 'RSA', 'HOUSING_ALLOWANCE', 'FSL', 'DISABILITY_RECOGNITION', 'PROTECTION_MEASURE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."handoff_status" AS ENUM('PROPOSED', 'ACCEPTED', 'DECLINED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "handoffs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "follow_up_id" uuid, "receiving_organisation_id" uuid NOT NULL, "referent_name" text, "cmp_follow_up_status" "public"."cmp_follow_up_status" NOT NULL, "first_appointment_on" date, "social_referent" text, "eviction_procedure_state" "public"."eviction_procedure_state" NOT NULL, "rights_opened" "public"."right_opened" array NOT NULL DEFAULT '{}', "residual_risks" text, "contacts" text, "person_agreed" boolean NOT NULL, "status" "public"."handoff_status" NOT NULL, "decline_reason" text, "proposed_by_user_id" uuid NOT NULL, "proposed_by_organisation_id" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_by_user_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_handoffs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_handoffs_territory_receiver" ON "handoffs" ("territory_id", "receiving_organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_handoffs_territory_situation" ON "handoffs" ("territory_id", "situation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_kind" AS ENUM('ASSESSMENT', 'HOUSING_SUSTAINMENT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."requester_kind" AS ENUM('PSYCHIATRY', 'HOUSING', 'SOCIAL', 'MEDICO_SOCIAL', 'ASSOCIATION', 'MUNICIPAL')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_phase" AS ENUM('ORIENTATION', 'ASSESSMENT', 'SUPPORT', 'HANDOFF', 'ENDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "kind" "public"."follow_up_kind" NOT NULL, "requester_kind" "public"."requester_kind" NOT NULL, "requested_by_referral_id" uuid, "requested_by_decision_id" uuid, "phase" "public"."follow_up_phase" NOT NULL, "started_on" date NOT NULL, "planned_end_on" date NOT NULL, "renewals" integer NOT NULL DEFAULT '0', "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_follow_ups" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_ups_territory_situation" ON "follow_ups" ("territory_id", "situation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."act_type" AS ENUM('HOME_VISIT', 'ACCOMPANIED_APPOINTMENT', 'PHONE', 'PARTNER_MEETING', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."note_visibility" AS ENUM('TEAM', 'HEALTH')`);
    await queryRunner.query(
      `CREATE TABLE "follow_up_acts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "follow_up_id" uuid NOT NULL, "occurred_on" date NOT NULL, "type" "public"."act_type" NOT NULL, "duration_minutes" integer NOT NULL, "present_user_ids" uuid array NOT NULL DEFAULT '{}', "note" text, "note_visibility" "public"."note_visibility" NOT NULL, "author_user_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_follow_up_acts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_acts_follow_up" ON "follow_up_acts" ("follow_up_id", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_renewals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "follow_up_id" uuid NOT NULL, "reason" text NOT NULL, "planned_end_on" date NOT NULL, "renewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_follow_up_renewals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."team_role" AS ENUM('PATHWAY_COORDINATOR', 'FAMILY_SOCIAL_WORKER', 'PSYCHIATRIC_PROFESSIONAL')`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_team_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "follow_up_id" uuid NOT NULL, "role" "public"."team_role" NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "from_on" date, "until_on" date, CONSTRAINT "pk_follow_up_team_members" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_team_members_territory_user" ON "follow_up_team_members" ("territory_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_team_members_follow_up" ON "follow_up_team_members" ("follow_up_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "handoffs" ADD CONSTRAINT "fk_handoffs_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_acts" ADD CONSTRAINT "fk_follow_up_acts_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_renewals" ADD CONSTRAINT "fk_follow_up_renewals_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_team_members" ADD CONSTRAINT "fk_follow_up_team_members_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO relais_app`);
    for (const table of NEW_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_territories" ON "${table}" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEW_TABLES) {
      await queryRunner.query(`DROP POLICY "${table}_territories" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`REVOKE ALL ON ${NEW_TABLES.join(', ')} FROM relais_app`);
    await queryRunner.query(
      `ALTER TABLE "follow_up_team_members" DROP CONSTRAINT "fk_follow_up_team_members_follow_up"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_renewals" DROP CONSTRAINT "fk_follow_up_renewals_follow_up"`,
    );
    await queryRunner.query(`ALTER TABLE "follow_up_acts" DROP CONSTRAINT "fk_follow_up_acts_follow_up"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_situation"`);
    await queryRunner.query(`ALTER TABLE "handoffs" DROP CONSTRAINT "fk_handoffs_situation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_team_members_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_team_members_territory_user"`);
    await queryRunner.query(`DROP TABLE "follow_up_team_members"`);
    await queryRunner.query(`DROP TYPE "public"."team_role"`);
    await queryRunner.query(`DROP TABLE "follow_up_renewals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_acts_follow_up"`);
    await queryRunner.query(`DROP TABLE "follow_up_acts"`);
    await queryRunner.query(`DROP TYPE "public"."note_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."act_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_territory_situation"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_phase"`);
    await queryRunner.query(`DROP TYPE "public"."requester_kind"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handoffs_territory_situation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handoffs_territory_receiver"`);
    await queryRunner.query(`DROP TABLE "handoffs"`);
    await queryRunner.query(`DROP TYPE "public"."handoff_status"`);
    await queryRunner.query(`DROP TYPE "public"."right_opened"`);
    await queryRunner.query(`DROP TYPE "public"."eviction_procedure_state"`);
    await queryRunner.query(`DROP TYPE "public"."cmp_follow_up_status"`);
  }
}
