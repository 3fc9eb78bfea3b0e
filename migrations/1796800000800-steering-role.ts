import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steering committee (« comité de pilotage ») reads the territory's activity reports and
 * nothing personal: a role a member may be given like the others.
 */
export class SteeringRole1796800000800 implements MigrationInterface {
  name = 'SteeringRole1796800000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."membership_role" ADD VALUE IF NOT EXISTS 'STEERING'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Postgres cannot drop an enum value: the role goes from every membership, then the type is rebuilt.
    await queryRunner.query(
      `UPDATE "memberships" SET "roles" = array_remove("roles", 'STEERING') WHERE 'STEERING' = ANY("roles")`,
    );
    await queryRunner.query(`ALTER TYPE "public"."membership_role" RENAME TO "membership_role_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."membership_role" AS ENUM('COORDINATOR', 'CELL_MEMBER', 'REFERRER', 'FOLLOWUP_PRACTITIONER', 'TERRITORY_ADMIN', 'AUDITOR')`,
    );
    await queryRunner.query(`ALTER TABLE "memberships" ALTER COLUMN "roles" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "memberships" ALTER COLUMN "roles" TYPE "public"."membership_role"[] USING "roles"::text[]::"public"."membership_role"[]`,
    );
    await queryRunner.query(`ALTER TABLE "memberships" ALTER COLUMN "roles" SET DEFAULT '{}'`);
    await queryRunner.query(`DROP TYPE "public"."membership_role_old"`);
  }
}
