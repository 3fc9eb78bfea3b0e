import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Territories are readable under two purposes, and only read: `maintenance`, for jobs that work
 * through every territory (each territory's work then runs in a transaction scoped to it), and
 * `authentication`, which reads each membership's territory settings (its sharing matrix) with
 * the principal. A territory holds no personal data.
 */
export class MaintenanceListsTerritories1795552600000 implements MigrationInterface {
  name = 'MaintenanceListsTerritories1795552600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE POLICY "territories_read_for_purpose" ON "territories" FOR SELECT TO relais_app USING ((SELECT app_purpose()) IN ('maintenance', 'authentication'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "territories_read_for_purpose" ON "territories"`);
  }
}
