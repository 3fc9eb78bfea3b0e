import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs that work through every territory (the review job) first list them: under the purpose
 * `maintenance`, the territories' ids are readable, and nothing else; each territory's work then
 * runs in a transaction scoped to it.
 */
export class MaintenanceListsTerritories1795552600000 implements MigrationInterface {
  name = 'MaintenanceListsTerritories1795552600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE POLICY "territories_maintenance_list" ON "territories" FOR SELECT TO relais_app USING ((SELECT app_purpose()) = 'maintenance')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "territories_maintenance_list" ON "territories"`);
  }
}
