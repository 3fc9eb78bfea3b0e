/**
 * Commands that work across territories (creating one, saving them all) must connect as the schema
 * owner: the application role sees only the territories its transaction names, under row-level
 * security, and an owner (or a superuser, or a BYPASSRLS role) sees every row.
 */
import { Client } from 'pg';
import { CommandError, EXIT } from './command';

export interface ServerFacts {
  readonly major: number;
  readonly role: string;
}

export async function assertSchemaOwner(
  url: string,
  applicationName: string,
  purpose: string,
): Promise<ServerFacts> {
  const client = new Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    const {
      rows: [row],
    } = await client.query<{ major: number; role: string; reads_everything: boolean }>(
      `SELECT current_setting('server_version_num')::int / 10000 AS major, current_user AS role,
              r.rolsuper OR r.rolbypassrls
                OR EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user)
                AS reads_everything
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    if (!row.reads_everything)
      throw new CommandError(
        `Le rôle « ${row.role} » ne lit pas toutes les lignes (sécurité par ligne) : ${purpose} se fait ` +
          `avec le propriétaire du schéma. Définissez DATABASE_OWNER_URL.`,
        EXIT.CONFIG,
      );
    return { major: row.major, role: row.role };
  } finally {
    await client.end();
  }
}
