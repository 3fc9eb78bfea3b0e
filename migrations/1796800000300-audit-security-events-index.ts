import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security events (refused accesses, failed sign-ins…) are a small share of a territory's audit
 * log: a partial index lets the auditor list them newest first without reading the rest.
 */
export class AuditSecurityEventsIndex1796800000300 implements MigrationInterface {
  name = 'AuditSecurityEventsIndex1796800000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_territory_security" ON "audit_events" ("territory_id", "sequence") WHERE "action" LIKE 'SECURITY\\_%'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_territory_security"`);
  }
}
