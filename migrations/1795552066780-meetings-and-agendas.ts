import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = ['meetings', 'meeting_invitees', 'agenda_items', 'item_invitations'];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** Meetings of the cells, their standing invitees, agenda items and per-item guests. */

export class MeetingsAndAgendas1795552066780 implements MigrationInterface {
  name = 'MeetingsAndAgendas1795552066780';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_status" AS ENUM('PLANNED', 'AGENDA_PUBLISHED', 'HELD', 'MINUTES_PUBLISHED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "cell_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL DEFAULT '120', "place" text, "video_link" text, "status" "public"."meeting_status" NOT NULL DEFAULT 'PLANNED', "series_id" uuid, "agenda_published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_meetings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meetings_territory_cell_starts_at" ON "meetings" ("territory_id", "cell_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."agenda_item_kind" AS ENUM('NEW', 'REVIEW', 'RE_EXAMINATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."suggestion_reason" AS ENUM('ACCEPTED_NOT_SCHEDULED', 'REVIEW_DATE_REACHED', 'OVERDUE_ACTIONS', 'DEROGATION_TO_REVIEW')`,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "position" integer NOT NULL, "kind" "public"."agenda_item_kind" NOT NULL, "minutes" integer NOT NULL, "presenter_organisation_id" uuid, "presenter_user_id" uuid, "reason" "public"."suggestion_reason", "presentation" integer NOT NULL, CONSTRAINT "uq_agenda_items_meeting_situation" UNIQUE ("meeting_id", "situation_id"), CONSTRAINT "pk_agenda_items" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agenda_items_territory_situation" ON "agenda_items" ("territory_id", "situation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "item_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "lapsed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_item_invitations_item_organisation" UNIQUE ("agenda_item_id", "organisation_id"), CONSTRAINT "pk_item_invitations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_item_invitations_territory_organisation" ON "item_invitations" ("territory_id", "organisation_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."invitee_kind" AS ENUM('PERMANENT', 'SUBSTITUTE')`);
    await queryRunner.query(
      `CREATE TABLE "meeting_invitees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" "public"."invitee_kind" NOT NULL, CONSTRAINT "uq_meeting_invitees_meeting_user" UNIQUE ("meeting_id", "user_id"), CONSTRAINT "pk_meeting_invitees" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "fk_agenda_items_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "fk_agenda_items_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_invitations" ADD CONSTRAINT "fk_item_invitations_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_invitations" ADD CONSTRAINT "fk_item_invitations_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_invitations" ADD CONSTRAINT "fk_item_invitations_situation" FOREIGN KEY ("situation_id") REFERENCES "situations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_invitees" ADD CONSTRAINT "fk_meeting_invitees_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
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
    await queryRunner.query(`ALTER TABLE "meeting_invitees" DROP CONSTRAINT "fk_meeting_invitees_meeting"`);
    await queryRunner.query(`ALTER TABLE "item_invitations" DROP CONSTRAINT "fk_item_invitations_situation"`);
    await queryRunner.query(`ALTER TABLE "item_invitations" DROP CONSTRAINT "fk_item_invitations_meeting"`);
    await queryRunner.query(
      `ALTER TABLE "item_invitations" DROP CONSTRAINT "fk_item_invitations_agenda_item"`,
    );
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP CONSTRAINT "fk_agenda_items_situation"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP CONSTRAINT "fk_agenda_items_meeting"`);
    await queryRunner.query(`DROP TABLE "meeting_invitees"`);
    await queryRunner.query(`DROP TYPE "public"."invitee_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_item_invitations_territory_organisation"`);
    await queryRunner.query(`DROP TABLE "item_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agenda_items_territory_situation"`);
    await queryRunner.query(`DROP TABLE "agenda_items"`);
    await queryRunner.query(`DROP TYPE "public"."suggestion_reason"`);
    await queryRunner.query(`DROP TYPE "public"."agenda_item_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meetings_territory_cell_starts_at"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_status"`);
  }
}
