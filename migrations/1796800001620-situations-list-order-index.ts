import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The situations list (next review first, then opening, 50 a page) sorted every situation of the
 * territory to give a page: over a national database Postgres read the whole table for it. In the
 * list's own order, a page is the index's first rows whatever the territory's size.
 */
export class SituationsListOrderIndex1796800001620 implements MigrationInterface {
  name = 'SituationsListOrderIndex1796800001620';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_situations_territory_review_order" ON "situations" ("territory_id", (COALESCE("next_review_on", DATE '9999-12-31')), "opened_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_situations_territory_review_order"`);
  }
}
