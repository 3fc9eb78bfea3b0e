import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = ['attendances', 'item_disclosures', 'restricted_notes', 'decisions'];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** What a meeting records: attendance, who was in the room per item, notes, decisions. */

export class MeetingRecords1795552402683 implements MigrationInterface {
  name = 'MeetingRecords1795552402683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."attendance_status" AS ENUM('PRESENT', 'EXCUSED', 'REPRESENTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "attendances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" "public"."attendance_status" NOT NULL, "represented_by_user_id" uuid, CONSTRAINT "uq_attendances_meeting_user" UNIQUE ("meeting_id", "user_id"), CONSTRAINT "pk_attendances" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "text" text NOT NULL, "rationale" text, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_decisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_decisions_item" ON "decisions" ("agenda_item_id") `);
    await queryRunner.query(
      `CREATE TABLE "item_disclosures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "uq_item_disclosures_item_user" UNIQUE ("agenda_item_id", "user_id"), CONSTRAINT "pk_item_disclosures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "restricted_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "category" "public"."data_category" NOT NULL, "text" text NOT NULL, "author_user_id" uuid NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_restricted_notes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_restricted_notes_item" ON "restricted_notes" ("agenda_item_id") `,
    );
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "recorded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "summary" text`);
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD "summary_category" "public"."data_category" NOT NULL DEFAULT 'SOCIAL_CONFIDENTIAL'`,
    );
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "person_attended" boolean`);
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "person_informed_on" date`);
    await queryRunner.query(
      `CREATE TYPE "public"."person_answer" AS ENUM('AGREES', 'PARTLY_AGREES', 'DISAGREES', 'NO_ANSWER')`,
    );
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "person_answer" "public"."person_answer"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "next_review_on" date`);
    await queryRunner.query(
      `ALTER TABLE "attendances" ADD CONSTRAINT "fk_attendances_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "fk_decisions_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_disclosures" ADD CONSTRAINT "fk_item_disclosures_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "restricted_notes" ADD CONSTRAINT "fk_restricted_notes_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
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
      `ALTER TABLE "restricted_notes" DROP CONSTRAINT "fk_restricted_notes_agenda_item"`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_disclosures" DROP CONSTRAINT "fk_item_disclosures_agenda_item"`,
    );
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "fk_decisions_agenda_item"`);
    await queryRunner.query(`ALTER TABLE "attendances" DROP CONSTRAINT "fk_attendances_meeting"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "next_review_on"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "person_answer"`);
    await queryRunner.query(`DROP TYPE "public"."person_answer"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "person_informed_on"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "person_attended"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "summary_category"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "summary"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "recorded_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_restricted_notes_item"`);
    await queryRunner.query(`DROP TABLE "restricted_notes"`);
    await queryRunner.query(`DROP TABLE "item_disclosures"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decisions_item"`);
    await queryRunner.query(`DROP TABLE "decisions"`);
    await queryRunner.query(`DROP TABLE "attendances"`);
    await queryRunner.query(`DROP TYPE "public"."attendance_status"`);
  }
}
