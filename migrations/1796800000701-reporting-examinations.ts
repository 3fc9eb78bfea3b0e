import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/**
 * The projection's examinations (one per agenda item recorded): a referral's first examination
 * and its re-presentations are computed from them, in whatever order the events arrive.
 */
export class ReportingExaminations1796800000701 implements MigrationInterface {
  name = 'ReportingExaminations1796800000701';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_examinations" ("territory_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "situation_id" uuid NOT NULL, "examined_on" date NOT NULL, "item_kind" text NOT NULL, "presentation" integer NOT NULL, CONSTRAINT "pk_report_examinations" PRIMARY KEY ("territory_id", "agenda_item_id"))`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON report_examinations TO relais_app`);
    await queryRunner.query(`ALTER TABLE "report_examinations" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "report_examinations_territories" ON "report_examinations" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "report_examinations_territories" ON "report_examinations"`);
    await queryRunner.query(`REVOKE ALL ON report_examinations FROM relais_app`);
    await queryRunner.query(`DROP TABLE "report_examinations"`);
  }
}
