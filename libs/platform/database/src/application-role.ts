import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The group role the migrations grant table rights to and write row-level security policies
 * for. The application logs in as a member of it that owns nothing and is not superuser,
 * since owners and superusers bypass row-level security.
 */
export const APPLICATION_GROUP_ROLE = 'relais_app';

/** The same server and database, logged in as `user`. */
export function withCredentials(url: string, user: string, password: string | undefined): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}

function credentialsOf(url: string): { user: string; password: string | undefined } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Run by the migration command with the owner's connection: makes the user of the application's
 * URL a login member of the group role, with that URL's password, and nothing more.
 */
export async function ensureApplicationLogin(
  ownerUrl: string,
  applicationUrl: string,
): Promise<string | null> {
  const { user, password } = credentialsOf(applicationUrl);
  if (!user || user === credentialsOf(ownerUrl).user) return null;
  await withClient(ownerUrl, async (client) => {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rowCount;
    const statement = exists
      ? `SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD %L', $1::text, $2::text) AS sql`
      : `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD %L', $1::text, $2::text) AS sql`;
    const [{ sql }] = (await client.query<{ sql: string }>(statement, [user, password ?? null])).rows;
    await concurrently(() => client.query(sql));
    await concurrently(() =>
      client.query(`GRANT ${APPLICATION_GROUP_ROLE} TO ${client.escapeIdentifier(user)}`),
    );
  });
  return user;
}

/**
 * Two processes migrating at once (test suites with databases of their own) may create or alter
 * the same role together: the other one's identical change won, which is as good as ours.
 */
async function concurrently(change: () => Promise<unknown>): Promise<void> {
  try {
    await change();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    const raced = code === '42710' || (code === 'XX000' && /concurrently updated/.test(message ?? ''));
    if (!raced) throw error;
  }
}

export async function dropApplicationLogin(ownerUrl: string, user: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(user)}`);
  });
}

/**
 * Refuses to run the application as a role row-level security would not apply to: the second
 * lock must hold even if an application filter is forgotten.
 */
export async function assertApplicationRole(dataSource: DataSource): Promise<void> {
  const [role] = (await dataSource.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
            pg_has_role(current_user, $1, 'MEMBER') AS member,
            EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APPLICATION_GROUP_ROLE],
  )) as { name: string; superuser: boolean; bypass: boolean; member: boolean; owner: boolean }[];
  const problems = [
    role.superuser && 'est superutilisateur',
    role.bypass && 'contourne la sécurité par ligne (BYPASSRLS)',
    role.owner && 'possède des tables',
    !role.member && `n'est pas membre de ${APPLICATION_GROUP_ROLE}`,
  ].filter(Boolean);
  if (problems.length) {
    throw new Error(
      `Le rôle Postgres de l'application (« ${role.name} ») ${problems.join(', ')} : ` +
        `DATABASE_URL doit désigner le rôle applicatif créé par « npm run migration:run » ` +
        `(DATABASE_OWNER_URL réservé aux migrations).`,
    );
  }
}
