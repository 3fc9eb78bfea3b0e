import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** Follow-up objectives, and what the watch job has already announced. */

export class FollowUpObjectivesAndWatch1795554028946 implements MigrationInterface {
  name = 'FollowUpObjectivesAndWatch1795554028946';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."objective_status" AS ENUM('OPEN', 'ACHIEVED', 'ABANDONED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_objectives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "follow_up_id" uuid NOT NULL, "text" text NOT NULL, "status" "public"."objective_status" NOT NULL DEFAULT 'OPEN', CONSTRAINT "pk_follow_up_objectives" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD "planned_end_announced" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "follow_ups" ADD "review_announced_on" date`);
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD "announced_vacancies" "public"."team_role" array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_objectives" ADD CONSTRAINT "fk_follow_up_objectives_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON follow_up_objectives TO relais_app`);
    await queryRunner.query(`ALTER TABLE "follow_up_objectives" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "follow_up_objectives_territories" ON "follow_up_objectives" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "follow_up_objectives_territories" ON "follow_up_objectives"`);
    await queryRunner.query(`ALTER TABLE "follow_up_objectives" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON follow_up_objectives FROM relais_app`);
    await queryRunner.query(
      `ALTER TABLE "follow_up_objectives" DROP CONSTRAINT "fk_follow_up_objectives_follow_up"`,
    );
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "announced_vacancies"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "review_announced_on"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "planned_end_announced"`);
    await queryRunner.query(`DROP TABLE "follow_up_objectives"`);
    await queryRunner.query(`DROP TYPE "public"."objective_status"`);
  }
}
