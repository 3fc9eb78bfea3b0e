import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = ['second_factors', 'recovery_codes', 'second_factor_enrolments'];
const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;
const FOR_AUTHENTICATION = `(SELECT app_purpose()) = 'authentication'`;

/**
 * Second factors (TOTP secrets sealed under a key the database does not hold), single-use recovery
 * codes and forced enrolments (hashed tokens). Row-level security as for the accounts they belong
 * to: the user's territory, sign-in (`authentication`), or a territory where the user is a member,
 * so that its administrator can reset them.
 */
function policyOf(table: string): string {
  return `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION} OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ${table}.user_id AND m.territory_id = ANY ((SELECT app_territory_ids())::uuid[]))`;
}

export class SecondFactor1796800000200 implements MigrationInterface {
  name = 'SecondFactor1796800000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "second_factors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "sealed_secret" text NOT NULL, "last_accepted_step" bigint, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_second_factors_user" UNIQUE ("user_id"), CONSTRAINT "pk_second_factors" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_recovery_codes_user_hash" UNIQUE ("user_id", "code_hash"), CONSTRAINT "pk_recovery_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "second_factor_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "sealed_secret" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_second_factor_enrolments_token" UNIQUE ("token_hash"), CONSTRAINT "pk_second_factor_enrolments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_second_factor_enrolments_user" ON "second_factor_enrolments" ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "second_factors" ADD CONSTRAINT "fk_second_factors_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" ADD CONSTRAINT "fk_recovery_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "second_factor_enrolments" ADD CONSTRAINT "fk_second_factor_enrolments_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEW_TABLES.join(', ')} TO relais_app`);
    for (const table of NEW_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_territories" ON "${table}" TO relais_app USING (${policyOf(table)}) WITH CHECK (${policyOf(table)})`,
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
      `ALTER TABLE "second_factor_enrolments" DROP CONSTRAINT "fk_second_factor_enrolments_user"`,
    );
    await queryRunner.query(`ALTER TABLE "recovery_codes" DROP CONSTRAINT "fk_recovery_codes_user"`);
    await queryRunner.query(`ALTER TABLE "second_factors" DROP CONSTRAINT "fk_second_factors_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_second_factor_enrolments_user"`);
    await queryRunner.query(`DROP TABLE "second_factor_enrolments"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`DROP TABLE "second_factors"`);
  }
}
