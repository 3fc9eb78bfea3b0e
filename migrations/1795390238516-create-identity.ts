import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795390238516 implements MigrationInterface {
  name = 'CreateIdentity1795390238516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "territories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_territories_name" UNIQUE ("name"), CONSTRAINT "pk_territories" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cells" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cells_territory_name" UNIQUE ("territory_id", "name"), CONSTRAINT "pk_cells" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('SOCIAL', 'HOUSING', 'PSYCHIATRY', 'MEDICO_SOCIAL', 'MUNICIPAL', 'ASSOCIATION', 'PEER_SUPPORT', 'JUSTICE_POLICE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "name" text NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "finess" character(9), "siret" character(14), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organisations_territory_name" UNIQUE ("territory_id", "name"), CONSTRAINT "pk_organisations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."profession" AS ENUM('PSYCHIATRIST', 'PHYSICIAN', 'PSYCHIATRIC_NURSE', 'NURSE', 'PSYCHOLOGIST', 'SOCIAL_WORKER', 'SPECIALISED_EDUCATOR', 'FAMILY_SOCIAL_WORKER', 'SOCIAL_ECONOMICS_ADVISOR', 'LEGAL_PROTECTION_OFFICER', 'HOUSING_OFFICER', 'CLSM_COORDINATOR', 'MUNICIPAL_OFFICER', 'POLICE_OFFICER', 'ADMINISTRATIVE_STAFF', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sharing_category" AS ENUM('HEALTH', 'SOCIAL_MEDICOSOCIAL', 'NOT_LISTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "email" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "profession" "public"."profession" NOT NULL, "sharing_category" "public"."sharing_category" NOT NULL, "password_hash" text NOT NULL, "failed_login_count" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_users_email" UNIQUE ("email"), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_users_territory_organisation" ON "users" ("territory_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."membership_role" AS ENUM('COORDINATOR', 'CELL_MEMBER', 'REFERRER', 'FOLLOWUP_PRACTITIONER', 'TERRITORY_ADMIN', 'AUDITOR')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."membership_status" AS ENUM('ACTIVE', 'SUSPENDED')`);
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "roles" "public"."membership_role" array NOT NULL DEFAULT '{}', "cell_id" uuid, "substitute_of_id" uuid, "status" "public"."membership_status" NOT NULL DEFAULT 'ACTIVE', "suspended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_memberships_territory_user" UNIQUE ("territory_id", "user_id"), CONSTRAINT "pk_memberships" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_memberships_user" ON "memberships" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, CONSTRAINT "pk_sessions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory_id" uuid NOT NULL, "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_refresh_tokens_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_session" ON "refresh_tokens" ("session_id") `);
    await queryRunner.query(
      `ALTER TABLE "cells" ADD CONSTRAINT "fk_cells_territory" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_territory" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_territory" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_territory" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_cell" FOREIGN KEY ("cell_id") REFERENCES "cells"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_substitute_of" FOREIGN KEY ("substitute_of_id") REFERENCES "memberships"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_session"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_substitute_of"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_cell"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_territory"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_organisation"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_territory"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "fk_organisations_territory"`);
    await queryRunner.query(`ALTER TABLE "cells" DROP CONSTRAINT "fk_cells_territory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens_session"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sessions_expires_at"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_user"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TYPE "public"."membership_status"`);
    await queryRunner.query(`DROP TYPE "public"."membership_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_territory_organisation"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."sharing_category"`);
    await queryRunner.query(`DROP TYPE "public"."profession"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
    await queryRunner.query(`DROP TABLE "cells"`);
    await queryRunner.query(`DROP TABLE "territories"`);
  }
}
