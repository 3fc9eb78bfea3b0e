import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the hot reads need once one deployment serves every territory (found by EXPLAIN over a
 * national dataset, kept by test/hot-query-plans.e2e-spec.ts): the agenda found each item's
 * guests by reading every invitation of the partner in the territory, and each item's referrer by
 * reading every referral of the territory; the situations list checked a guest's access to each
 * situation the same way; a follow-up's objectives were read from the whole table.
 */
export class HotQueryIndexes1796800001600 implements MigrationInterface {
  name = 'HotQueryIndexes1796800001600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_item_invitations_meeting_organisation" ON "item_invitations" ("meeting_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_item_invitations_situation_organisation" ON "item_invitations" ("situation_id", "organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_referrals_situation" ON "referrals" ("situation_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_objectives_follow_up" ON "follow_up_objectives" ("follow_up_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_objectives_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_situation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_item_invitations_situation_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_item_invitations_meeting_organisation"`);
  }
}
