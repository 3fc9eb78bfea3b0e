import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;

/** The person's requests about her data (RGPD articles 15 to 21), tracked to their answer. */
export class DataSubjectRequests1796800001000 implements MigrationInterface {
  name = 'DataSubjectRequests1796800001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."data_subject_request_kind" AS ENUM('ACCESS', 'RECTIFICATION', 'OPPOSITION', 'ERASURE', 'LIMITATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."data_subject_request_status" AS ENUM('RECEIVED', 'IN_PROGRESS', 'DONE', 'REFUSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "data_subject_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "person_id" uuid NOT NULL, "kind" "public"."data_subject_request_kind" NOT NULL, "received_on" date NOT NULL, "request" text NOT NULL, "status" "public"."data_subject_request_status" NOT NULL DEFAULT 'RECEIVED', "outcome" text, "answered_on" date, "answered_by_user_id" uuid, "recorded_by_user_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_data_subject_requests" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_data_subject_requests_territory_received" ON "data_subject_requests" ("territory_id", "received_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_data_subject_requests_territory_person" ON "data_subject_requests" ("territory_id", "person_id", "received_on") `,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON data_subject_requests TO relais_app`);
    await queryRunner.query(`ALTER TABLE "data_subject_requests" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "data_subject_requests_territories" ON "data_subject_requests" TO relais_app USING (${IN_TERRITORIES}) WITH CHECK (${IN_TERRITORIES})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "data_subject_requests_territories" ON "data_subject_requests"`);
    await queryRunner.query(`ALTER TABLE "data_subject_requests" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON data_subject_requests FROM relais_app`);
    await queryRunner.query(`DROP INDEX "public"."ix_data_subject_requests_territory_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_data_subject_requests_territory_received"`);
    await queryRunner.query(`DROP TABLE "data_subject_requests"`);
    await queryRunner.query(`DROP TYPE "public"."data_subject_request_status"`);
    await queryRunner.query(`DROP TYPE "public"."data_subject_request_kind"`);
  }
}
