import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A situation's timeline (the most recent line first) and actions (the first due first) are read
 * a page at a time, keyset on the list's order: an index in that order makes a page its first rows
 * after the cursor, where the territory-wide indexes read and sorted the whole history.
 */
export class SituationHistoryOrderIndexes1796800001400 implements MigrationInterface {
  name = 'SituationHistoryOrderIndexes1796800001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_situation_events_situation_occurred" ON "situation_events" ("situation_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_situation_actions_situation_due" ON "situation_actions" ("situation_id", "due_on", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_situation_actions_situation_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_situation_events_situation_occurred"`);
  }
}
