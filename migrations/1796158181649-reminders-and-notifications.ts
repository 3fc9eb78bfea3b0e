import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = [
  'outbox_consumptions',
  'reminders',
  'notifications',
  'notification_preferences',
  'reminder_policy_settings',
];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;
const FOR_DISPATCH = `(SELECT app_purpose()) = 'dispatch'`;

/**
 * Reminders (the truth behind the delayed jobs), the notifications they write, users' e-mail
 * choices, territories' tuning of each kind, and which outbox events a consumer has handled.
 * The worker's relay and dispatcher read outbox events and reminders across territories under the
 * `dispatch` purpose: those rows hold ids, kinds and times, never a person's data.
 */
export class RemindersAndNotifications1796158181649 implements MigrationInterface {
  name = 'RemindersAndNotifications1796158181649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_consumptions" ("event_id" uuid NOT NULL, "consumer" text NOT NULL, "territory_id" uuid NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_outbox_consumptions" PRIMARY KEY ("event_id", "consumer"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_kind" AS ENUM('ACTION_DUE', 'ACTION_OVERDUE', 'CALL_FOR_ITEMS', 'AGENDA_PUBLISHED', 'MINUTES_PUBLISHED', 'CONSENT_EXPIRING', 'CONSENT_EXPIRED', 'FOLLOW_UP_REVIEW_DUE', 'FOLLOW_UP_OVERRUN', 'TEAM_VACANCY', 'HANDOFF_UNANSWERED', 'REFERRAL_NOT_ACKNOWLEDGED', 'DEROGATION_AWAITING_APPROVAL', 'PERSON_TO_INFORM', 'PERSON_ANSWER_MISSING', 'SITUATION_INACTIVE', 'REVIEW_DATE_REACHED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."mail_status" AS ENUM('NONE', 'PENDING_IMMEDIATE', 'PENDING_DIGEST', 'SENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reminder_id" uuid NOT NULL, "kind" "public"."reminder_kind" NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "situation_id" uuid, "case_code" text, "about_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "mail_status" "public"."mail_status" NOT NULL DEFAULT 'NONE', "mailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_mail_pending" ON "notifications" ("territory_id", "mail_status") WHERE "mail_status" IN ('PENDING_IMMEDIATE', 'PENDING_DIGEST')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_user_created" ON "notifications" ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notifications_reminder" ON "notifications" ("reminder_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."email_mode" AS ENUM('IMMEDIATE', 'DAILY_DIGEST', 'NONE')`);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "territory_id" uuid NOT NULL, "email_mode" "public"."email_mode" NOT NULL DEFAULT 'IMMEDIATE', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_notification_preferences" PRIMARY KEY ("user_id", "territory_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reminder_status" AS ENUM('SCHEDULED', 'SENT', 'SKIPPED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "kind" "public"."reminder_kind" NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "person_id" uuid, "situation_id" uuid, "recipient_user_id" uuid NOT NULL, "recipient_organisation_id" uuid NOT NULL, "through_consent" boolean NOT NULL DEFAULT false, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."reminder_status" NOT NULL DEFAULT 'SCHEDULED', "dedupe_key" text NOT NULL, "occurrence" smallint NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "settled_at" TIMESTAMP WITH TIME ZONE, "settled_reason" text, CONSTRAINT "pk_reminders" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_territory_person" ON "reminders" ("territory_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_territory_subject" ON "reminders" ("territory_id", "subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_scheduled_due" ON "reminders" ("due_at") WHERE "status" = 'SCHEDULED'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_reminders_dedupe_key" ON "reminders" ("dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "reminder_policy_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "kind" "public"."reminder_kind" NOT NULL, "enabled" boolean NOT NULL, "offsets_days" integer array NOT NULL, "repeat_every_days" integer, "max_repeats" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_user_id" uuid NOT NULL, CONSTRAINT "pk_reminder_policy_settings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_reminder_policy_settings_territory_kind" ON "reminder_policy_settings" ("territory_id", "kind") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_reminder" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO relais_app`);
    for (const table of NEW_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_territories" ON "${table}" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
      );
    }
    for (const table of ['outbox_events', 'reminders', 'outbox_consumptions']) {
      await queryRunner.query(
        `CREATE POLICY "${table}_read_for_dispatch" ON "${table}" FOR SELECT TO relais_app USING (${FOR_DISPATCH})`,
      );
    }
    await queryRunner.query(
      `CREATE POLICY "outbox_events_publish_for_dispatch" ON "outbox_events" FOR UPDATE TO relais_app USING (${FOR_DISPATCH}) WITH CHECK (${FOR_DISPATCH})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "outbox_events_publish_for_dispatch" ON "outbox_events"`);
    for (const table of ['outbox_events', 'reminders', 'outbox_consumptions']) {
      await queryRunner.query(`DROP POLICY "${table}_read_for_dispatch" ON "${table}"`);
    }
    for (const table of NEW_TABLES) {
      await queryRunner.query(`DROP POLICY "${table}_territories" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`REVOKE ALL ON ${NEW_TABLES.join(', ')} FROM relais_app`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."ux_reminder_policy_settings_territory_kind"`);
    await queryRunner.query(`DROP TABLE "reminder_policy_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ux_reminders_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminders_scheduled_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminders_territory_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminders_territory_person"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_status"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TYPE "public"."email_mode"`);
    await queryRunner.query(`DROP INDEX "public"."ux_notifications_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_mail_pending"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "public"."mail_status"`);
    await queryRunner.query(`DROP TYPE "public"."reminder_kind"`);
    await queryRunner.query(`DROP TABLE "outbox_consumptions"`);
  }
}
