import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = [
  'report_referrals',
  'report_situations',
  'report_actions',
  'report_consents',
  'report_derogations',
  'report_memberships',
  'report_charter_acceptances',
  'report_meetings',
  'report_meeting_attendance',
  'report_follow_ups',
  'report_handoffs',
];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/**
 * The activity report's projection: its own tables, kept by the `reporting` consumer from outbox
 * events and rebuildable from them. No identity in them: opaque ids (for idempotent upserts),
 * codes, Paris calendar days and counts. Every key leads with `territory_id`.
 */
export class ReportingProjection1796800000700 implements MigrationInterface {
  name = 'ReportingProjection1796800000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_actions" ("territory_id" uuid NOT NULL, "action_id" uuid NOT NULL, "situation_id" uuid, "meeting_id" uuid, "decided_on" date NOT NULL, "due_on" date, "done_on" date, "status" text NOT NULL, "owner_kind" text, CONSTRAINT "pk_report_actions" PRIMARY KEY ("territory_id", "action_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_charter_acceptances" ("territory_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "charter_version" text NOT NULL, "accepted_on" date NOT NULL, CONSTRAINT "pk_report_charter_acceptances" PRIMARY KEY ("territory_id", "membership_id", "charter_version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_consents" ("territory_id" uuid NOT NULL, "consent_id" uuid NOT NULL, "person_id" uuid, "status" text NOT NULL, "given_on" date, "expires_on" date, "refused_on" date, "withdrawn_on" date, CONSTRAINT "pk_report_consents" PRIMARY KEY ("territory_id", "consent_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_derogations" ("territory_id" uuid NOT NULL, "derogation_id" uuid NOT NULL, "ground" text NOT NULL, "requested_on" date NOT NULL, "status" text NOT NULL, "decided_on" date, CONSTRAINT "pk_report_derogations" PRIMARY KEY ("territory_id", "derogation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_follow_ups" ("territory_id" uuid NOT NULL, "follow_up_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "person_id" uuid, "kind" text NOT NULL, "requester_kind" text, "started_on" date NOT NULL, "ended_on" date, "renewals" integer NOT NULL DEFAULT '0', "acts" integer NOT NULL DEFAULT '0', "acts_at_home" integer NOT NULL DEFAULT '0', "housed_at_end" boolean, CONSTRAINT "pk_report_follow_ups" PRIMARY KEY ("territory_id", "follow_up_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_handoffs" ("territory_id" uuid NOT NULL, "handoff_id" uuid NOT NULL, "follow_up_id" uuid, "situation_id" uuid NOT NULL, "proposed_on" date NOT NULL, "answered_on" date, "status" text NOT NULL, "receiver_kind" text, "cmp_follow_up" text, "eviction_state" text, CONSTRAINT "pk_report_handoffs" PRIMARY KEY ("territory_id", "handoff_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_meeting_attendance" ("territory_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "organisation_kind" text NOT NULL, "invited" integer NOT NULL DEFAULT '0', "present" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_report_meeting_attendance" PRIMARY KEY ("territory_id", "meeting_id", "organisation_kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_meetings" ("territory_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "planned_on" date NOT NULL, "held_on" date, "cancelled_on" date, "items" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_report_meetings" PRIMARY KEY ("territory_id", "meeting_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_memberships" ("territory_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "organisation_kind" text, "roles" text array NOT NULL DEFAULT '{}', "active_from" date NOT NULL, "active_until" date, CONSTRAINT "pk_report_memberships" PRIMARY KEY ("territory_id", "membership_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_referrals" ("territory_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "situation_id" uuid, "submitted_on" date, "referrer_kind" text, "difficulty_areas" text array NOT NULL DEFAULT '{}', "urgent" boolean NOT NULL DEFAULT false, "urgency" text, "nothing_tried" boolean, "admissibility" text, "admissibility_on" date, "outcome" text, "outcome_on" date, "redirect_target" text, "first_examined_on" date, "examinations" integer NOT NULL DEFAULT '0', "status" text NOT NULL, CONSTRAINT "pk_report_referrals" PRIMARY KEY ("territory_id", "referral_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_situations" ("territory_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "opened_on" date, "closed_on" date, "closure_reason" text, "last_contact_on" date, CONSTRAINT "pk_report_situations" PRIMARY KEY ("territory_id", "situation_id"))`,
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
    }
    await queryRunner.query(`REVOKE ALL ON ${NEW_TABLES.join(', ')} FROM relais_app`);
    for (const table of [...NEW_TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
