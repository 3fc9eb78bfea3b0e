import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit links become HMACs under a key kept outside the database; each event names its key.
 * Events written before stay as they are (key id null, plain SHA-256), still verifiable: adding
 * a nullable column rewrites no row, so the append-only trigger is not involved.
 */
export class AuditChainKeys1796800000600 implements MigrationInterface {
  name = 'AuditChainKeys1796800000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "key_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "key_id"`);
  }
}
