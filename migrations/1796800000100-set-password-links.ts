import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_TERRITORIES = `territory_id = ANY ((SELECT app_territory_ids())::uuid[])`;
const FOR_AUTHENTICATION = `(SELECT app_purpose()) = 'authentication'`;
/**
 * As for the account: its territory, sign-in (`authentication`: the public set-password step finds
 * its token by hash), or a territory where the user is a member, whose administrator issues links.
 */
const POLICY = `${IN_TERRITORIES} OR ${FOR_AUTHENTICATION} OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = set_password_tokens.user_id AND m.territory_id = ANY ((SELECT app_territory_ids())::uuid[]))`;

/**
 * Accounts created by an administrator start without a password (null hash) and get a one-time,
 * expiring set-password link, of which only the SHA-256 is stored.
 */
export class SetPasswordLinks1796800000100 implements MigrationInterface {
  name = 'SetPasswordLinks1796800000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "set_password_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "issued_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_set_password_tokens_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_set_password_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_set_password_tokens_user" ON "set_password_tokens" ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "set_password_tokens" ADD CONSTRAINT "fk_set_password_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON set_password_tokens TO relais_app`);
    await queryRunner.query(`ALTER TABLE "set_password_tokens" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "set_password_tokens_territories" ON "set_password_tokens" TO relais_app USING (${POLICY}) WITH CHECK (${POLICY})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "set_password_tokens_territories" ON "set_password_tokens"`);
    await queryRunner.query(`ALTER TABLE "set_password_tokens" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON set_password_tokens FROM relais_app`);
    await queryRunner.query(
      `ALTER TABLE "set_password_tokens" DROP CONSTRAINT "fk_set_password_tokens_user"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_set_password_tokens_user"`);
    await queryRunner.query(`DROP TABLE "set_password_tokens"`);
    // Accounts still waiting for their link keep no usable password.
    await queryRunner.query(`UPDATE "users" SET "password_hash" = '!' WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
