import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder dispatcher re-reads, for each derogation whose person is to be informed, the action
 * that derogation created: by its origin, which no index served (every action of the territory
 * read for each derogation; a million actions nationally).
 */
export class ActionOriginIndex1796800001610 implements MigrationInterface {
  name = 'ActionOriginIndex1796800001610';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_situation_actions_origin" ON "situation_actions" ("origin_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_situation_actions_origin"`);
  }
}
