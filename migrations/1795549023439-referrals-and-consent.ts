import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every new table is the application's to read and write, under the territory's row-level security. */
const NEW_TABLES = [
  'persons',
  'person_identities',
  'situations',
  'situation_circle_members',
  'situation_events',
  'situation_actions',
  'consents',
  'consent_exceptions',
  'referrals',
  'referral_transitions',
  'outbox_events',
];

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/**
 * People (pseudonym apart from identity), situations with their circle, timeline and actions,
 * consents and derogations, referrals and their transitions, and the outbox.
 */

export class ReferralsAndConsent1795549023439 implements MigrationInterface {
  name = 'ReferralsAndConsent1795549023439';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."age_band" AS ENUM('UNDER_18', 'AGE_18_24', 'AGE_25_39', 'AGE_40_49', 'AGE_50_59', 'AGE_60_74', 'AGE_75_PLUS', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "persons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "case_code" text NOT NULL, "initials" text NOT NULL, "age_band" "public"."age_band" NOT NULL, "district" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_persons_territory_case_code" UNIQUE ("territory_id", "case_code"), CONSTRAINT "pk_persons" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."protection_measure" AS ENUM('NONE', 'SAFEGUARD_OF_JUSTICE', 'CURATORSHIP', 'REINFORCED_CURATORSHIP', 'GUARDIANSHIP', 'FAMILY_AUTHORISATION', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "person_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "last_name" text NOT NULL, "first_name" text NOT NULL, "birth_date" date, "address" text, "phone" text, "protection_measure" "public"."protection_measure" NOT NULL, "representative_name" text, "representative_contact" text, "duplicate_key" character(64), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_person_identities_person" UNIQUE ("person_id"), CONSTRAINT "pk_person_identities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_person_identities_territory_duplicate_key" ON "person_identities" ("territory_id", "duplicate_key") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."situation_status" AS ENUM('ACCEPTED', 'SCHEDULED', 'EXAMINED', 'ACTIONS_IN_PROGRESS', 'REVIEW_DUE', 'CLOSED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."closure_reason" AS ENUM('PLAN_COMPLETED_HANDED_TO_COMMON_LAW', 'PERSON_REFUSED', 'MOVED_OR_LOST_CONTACT', 'DECEASED', 'REDIRECTED_OTHER_BODY', 'NO_LONGER_COMPLEX')`,
    );
    await queryRunner.query(
      `CREATE TABLE "situations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" "public"."situation_status" NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closure_reason" "public"."closure_reason", "next_review_on" date, CONSTRAINT "pk_situations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situations_territory_status" ON "situations" ("territory_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_situations_person_open" ON "situations" ("person_id") WHERE "status" <> 'CLOSED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."action_status" AS ENUM('TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."action_origin" AS ENUM('DECISION', 'DEROGATION')`);
    await queryRunner.query(
      `CREATE TABLE "situation_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "situation_id" uuid, "description" text NOT NULL, "owner_organisation_id" uuid NOT NULL, "owner_user_id" uuid, "due_on" date NOT NULL, "status" "public"."action_status" NOT NULL DEFAULT 'TODO', "origin" "public"."action_origin" NOT NULL, "origin_id" uuid NOT NULL, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_situation_actions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situation_actions_territory_person" ON "situation_actions" ("territory_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situation_actions_territory_owner" ON "situation_actions" ("territory_id", "owner_organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."legal_basis" AS ENUM('MEMBERSHIP', 'SELF', 'REFERRAL', 'INVITATION', 'CONSENT', 'DEROGATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "situation_circle_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "basis" "public"."legal_basis" NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_situation_circle_members_situation_organisation" UNIQUE ("situation_id", "organisation_id"), CONSTRAINT "pk_situation_circle_members" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situation_circle_members_territory_organisation" ON "situation_circle_members" ("territory_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."data_category" AS ENUM('LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET')`,
    );
    await queryRunner.query(
      `CREATE TABLE "situation_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "kind" text NOT NULL, "category" "public"."data_category" NOT NULL, "audience_organisation_id" uuid, "actor_organisation_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_situation_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situation_events_territory_situation" ON "situation_events" ("territory_id", "situation_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_status" AS ENUM('GIVEN', 'REFUSED', 'WITHDRAWN', 'DEROGATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_method" AS ENUM('WRITTEN', 'ORAL_BEFORE_WITNESS', 'LEGAL_REPRESENTATIVE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."information_item" AS ENUM('PURPOSES', 'RECIPIENTS', 'DATA_CATEGORIES', 'DURATION', 'RIGHT_TO_WITHDRAW', 'RIGHT_OF_ACCESS', 'CONTACT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_purpose" AS ENUM('CELL_EXAMINATION', 'FOLLOW_UP', 'HANDOFF', 'INFORMATION_SHARING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "referral_id" uuid, "status" "public"."consent_status" NOT NULL, "method" "public"."consent_method" NOT NULL, "witness_or_representative" text, "collected_by_user_id" uuid NOT NULL, "collected_by_organisation_id" uuid NOT NULL, "collected_on" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "information_given" "public"."information_item" array NOT NULL DEFAULT '{}', "wishes_to_attend" boolean NOT NULL, "purposes" "public"."consent_purpose" array NOT NULL DEFAULT '{}', "organisation_ids" uuid array NOT NULL DEFAULT '{}', "organisation_kinds" "public"."organisation_kind" array NOT NULL DEFAULT '{}', "includes_cell" boolean NOT NULL, "data_categories" "public"."data_category" array NOT NULL DEFAULT '{}', "expires_on" date NOT NULL, "superseded_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by_user_id" uuid, CONSTRAINT "pk_consents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consents_territory_person" ON "consents" ("territory_id", "person_id", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."derogation_ground" AS ENUM('INCAPACITY_OR_URGENCY', 'PERIL', 'VULNERABLE_PERSON_REPORT', 'MAYOR_INFORMATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."derogation_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent_exceptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "referral_id" uuid, "ground" "public"."derogation_ground" NOT NULL, "justification" text NOT NULL, "organisation_ids" uuid array NOT NULL DEFAULT '{}', "data_categories" "public"."data_category" array NOT NULL DEFAULT '{}', "status" "public"."derogation_status" NOT NULL, "requested_by_user_id" uuid NOT NULL, "requested_by_organisation_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "inform_person_by" date NOT NULL, CONSTRAINT "pk_consent_exceptions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consent_exceptions_territory_person" ON "consent_exceptions" ("territory_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consent_exceptions_territory_status" ON "consent_exceptions" ("territory_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sequence" BIGSERIAL NOT NULL, "territory_id" uuid NOT NULL, "type" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_events_territory_subject" ON "outbox_events" ("territory_id", "subject_type", "subject_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("sequence") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_status" AS ENUM('DRAFT', 'SUBMITTED', 'PRE_REVIEW', 'ACCEPTED', 'REDIRECTED', 'NEEDS_CONSENT', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."difficulty_area" AS ENUM('HOUSING_DEBT', 'EVICTION_PROCEDURE', 'NEIGHBOUR_DISTURBANCE', 'HYGIENE_HOARDING', 'CARE_INTERRUPTION', 'NO_GP', 'SOCIAL_RIGHTS', 'ISOLATION', 'SAFETY_RISK', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."urgency" AS ENUM('LOW', 'MEDIUM', 'HIGH')`);
    await queryRunner.query(
      `CREATE TYPE "public"."referral_request" AS ENUM('CELL_EXAMINATION', 'FOLLOW_UP_ASSESSMENT', 'FOLLOW_UP_HOUSING_SUSTAINMENT', 'ADVICE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."redirect_target" AS ENUM('DAC', 'MDPH', 'CCAPEX', 'CLSPD', 'EMERGENCY_SERVICES', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "referrer_user_id" uuid NOT NULL, "referrer_organisation_id" uuid NOT NULL, "status" "public"."referral_status" NOT NULL DEFAULT 'DRAFT', "difficulty_areas" "public"."difficulty_area" array NOT NULL DEFAULT '{}', "services_involved" text array NOT NULL DEFAULT '{}', "actions_tried" text, "blockages" text, "question_to_cell" text, "urgency" "public"."urgency" NOT NULL DEFAULT 'MEDIUM', "requests" "public"."referral_request" array NOT NULL DEFAULT '{}', "description" text, "housing_context" text, "health_information" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "redirect_target" "public"."redirect_target", "redirect_message" text, "situation_id" uuid, "possible_duplicate_person_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_referrals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_referrals_person" ON "referrals" ("person_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_territory_status" ON "referrals" ("territory_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_territory_organisation" ON "referrals" ("territory_id", "referrer_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "from_status" "public"."referral_status", "to_status" "public"."referral_status" NOT NULL, "actor_user_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, CONSTRAINT "pk_referral_transitions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referral_transitions_referral" ON "referral_transitions" ("referral_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "person_identities" ADD CONSTRAINT "fk_person_identities_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "situations" ADD CONSTRAINT "fk_situations_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "situation_actions" ADD CONSTRAINT "fk_situation_actions_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "situation_actions" ADD CONSTRAINT "fk_situation_actions_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "situation_circle_members" ADD CONSTRAINT "fk_situation_circle_members_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "situation_events" ADD CONSTRAINT "fk_situation_events_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_exceptions" ADD CONSTRAINT "fk_consent_exceptions_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO relais_app`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE outbox_events_sequence_seq TO relais_app`);
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
    await queryRunner.query(`REVOKE USAGE ON SEQUENCE outbox_events_sequence_seq FROM relais_app`);
    await queryRunner.query(`REVOKE ALL ON ${NEW_TABLES.join(', ')} FROM relais_app`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_situation"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_person"`);
    await queryRunner.query(
      `ALTER TABLE "consent_exceptions" DROP CONSTRAINT "fk_consent_exceptions_person"`,
    );
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "fk_consents_person"`);
    await queryRunner.query(`ALTER TABLE "situation_events" DROP CONSTRAINT "fk_situation_events_situation"`);
    await queryRunner.query(
      `ALTER TABLE "situation_circle_members" DROP CONSTRAINT "fk_situation_circle_members_situation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "situation_actions" DROP CONSTRAINT "fk_situation_actions_situation"`,
    );
    await queryRunner.query(`ALTER TABLE "situation_actions" DROP CONSTRAINT "fk_situation_actions_person"`);
    await queryRunner.query(`ALTER TABLE "situations" DROP CONSTRAINT "fk_situations_person"`);
    await queryRunner.query(`ALTER TABLE "person_identities" DROP CONSTRAINT "fk_person_identities_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referral_transitions_referral"`);
    await queryRunner.query(`DROP TABLE "referral_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_territory_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_territory_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_person"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    await queryRunner.query(`DROP TYPE "public"."redirect_target"`);
    await queryRunner.query(`DROP TYPE "public"."referral_request"`);
    await queryRunner.query(`DROP TYPE "public"."urgency"`);
    await queryRunner.query(`DROP TYPE "public"."difficulty_area"`);
    await queryRunner.query(`DROP TYPE "public"."referral_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_events_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_events_territory_subject"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_exceptions_territory_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_exceptions_territory_person"`);
    await queryRunner.query(`DROP TABLE "consent_exceptions"`);
    await queryRunner.query(`DROP TYPE "public"."derogation_status"`);
    await queryRunner.query(`DROP TYPE "public"."derogation_ground"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consents_territory_person"`);
    await queryRunner.query(`DROP TABLE "consents"`);
    await queryRunner.query(`DROP TYPE "public"."consent_purpose"`);
    await queryRunner.query(`DROP TYPE "public"."information_item"`);
    await queryRunner.query(`DROP TYPE "public"."consent_method"`);
    await queryRunner.query(`DROP TYPE "public"."consent_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situation_events_territory_situation"`);
    await queryRunner.query(`DROP TABLE "situation_events"`);
    await queryRunner.query(`DROP TYPE "public"."data_category"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situation_circle_members_territory_organisation"`);
    await queryRunner.query(`DROP TABLE "situation_circle_members"`);
    await queryRunner.query(`DROP TYPE "public"."legal_basis"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situation_actions_territory_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situation_actions_territory_person"`);
    await queryRunner.query(`DROP TABLE "situation_actions"`);
    await queryRunner.query(`DROP TYPE "public"."action_origin"`);
    await queryRunner.query(`DROP TYPE "public"."action_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_situations_person_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situations_territory_status"`);
    await queryRunner.query(`DROP TABLE "situations"`);
    await queryRunner.query(`DROP TYPE "public"."closure_reason"`);
    await queryRunner.query(`DROP TYPE "public"."situation_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_identities_territory_duplicate_key"`);
    await queryRunner.query(`DROP TABLE "person_identities"`);
    await queryRunner.query(`DROP TYPE "public"."protection_measure"`);
    await queryRunner.query(`DROP TABLE "persons"`);
    await queryRunner.query(`DROP TYPE "public"."age_band"`);
  }
}
