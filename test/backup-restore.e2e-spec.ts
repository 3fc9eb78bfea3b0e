import { Role } from '@relais/access';
import { createDatabase, dropDatabase, withDatabase } from '@relais/database';
import { OrganisationKind, Profession } from '@relais/identity';
import { adminDatabaseUrl, IsolatedDatabase, logInClient, provisionIsolatedDatabase } from '@relais/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { RunningApi, startApi } from './support/api-harness';
import { runOperationsCommand } from './support/operations-command';

const CREATE_ORGANISATION = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`;
const MY_TERRITORIES = /* GraphQL */ `
  query {
    me {
      email
      memberships {
        territory {
          id
        }
      }
    }
  }
`;
const ORGANISATIONS = /* GraphQL */ `
  query ($territoryId: ID!) {
    organisations(territoryId: $territoryId, first: 20) {
      edges {
        node {
          name
        }
      }
    }
  }
`;

/** Per table of the public schema: its row count and a digest of its rows in a stable order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const {
        rows: [row],
      } = await client.query<{ count: string; digest: string }>(
        `SELECT count(*) AS count, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      digests[name] = `${row.count} ${row.digest}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ major: number }>(
      `SELECT current_setting('server_version_num')::int / 10000 AS major`,
    );
    return rows[0].major;
  } finally {
    await client.end();
  }
}

describe('npm run backup: a dump restored with pg_restore holds the same rows, and the api runs on it', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let output: string;
  const restoredName = `relais_restore_${Date.now().toString(36)}`;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    api = await startApi(isolated.environment);
    output = mkdtempSync(join(tmpdir(), 'relais-backup-'));
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await dropDatabase(adminDatabaseUrl(), restoredName);
    await isolated?.drop();
    rmSync(output, { recursive: true, force: true });
  });

  it('dumps as the owner into a dated 0600 file, restores it, and serves the restored territory', async () => {
    // A territory with accounts, and an administrator's change through the api (audited, outbox).
    const territory = await api.factory.territory();
    const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const administrator = await api.factory.user({
      territory,
      organisation: town,
      profession: Profession.ADMINISTRATIVE_STAFF,
      roles: [Role.TERRITORY_ADMIN],
    });
    const coordinator = await api.factory.user({
      territory,
      organisation: town,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR, Role.CELL_MEMBER],
    });
    const admin = await logInClient(api.anonymous, administrator.email, administrator.password);
    await admin.client.expectData(CREATE_ORGANISATION, {
      input: { territoryId: territory.id, name: 'CCAS de Sauveville', kind: 'SOCIAL' },
    });

    const ownerUrl = String(isolated.environment.DATABASE_OWNER_URL);
    const major = await serverMajor(ownerUrl);
    const run = await runOperationsCommand('backup.ts', ['--output', output], isolated.environment);
    expect(run.stderr).toMatch(/^connexion : Postgres 127\.0\.0\.1:\d+\/relais_test_\w+ \(rôle \w+\)$/m);
    if (run.code === 69 && /est plus ancien que le serveur|est introuvable/.test(run.stderr)) {
      // This machine's pg_dump cannot save its server: the command says which package to install.
      expect(run.stderr).toContain(`postgresql-client-${major}`);
      expect(readdirSync(output)).toEqual([]);
      process.stderr.write(`Restauration non essayée : ${run.stderr}\n`);
      return;
    }
    expect(run.code).toBe(0);
    const [file] = readdirSync(output);
    expect(file).toMatch(/^relais-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump$/);
    const path = join(output, file);
    expect(run.stdout).toContain(`Sauvegarde écrite : ${path} (`);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    await createDatabase(adminDatabaseUrl(), restoredName);
    const restoredOwnerUrl = withDatabase(adminDatabaseUrl(), restoredName);
    // A throw-away test server's address may ride on this command line; the command itself never does that.
    await promisify(execFile)('pg_restore', [
      '--exit-on-error',
      '--no-password',
      `--dbname=${restoredOwnerUrl}`,
      path,
    ]);

    expect(await tableDigests(restoredOwnerUrl)).toEqual(await tableDigests(ownerUrl));

    // The api boots on the restored database, as its application role, and serves what was saved.
    const restoredApi = await startApi({
      ...isolated.environment,
      DATABASE_OWNER_URL: restoredOwnerUrl,
      DATABASE_URL: withDatabase(String(isolated.environment.DATABASE_URL), restoredName),
    });
    try {
      const { client } = await logInClient(restoredApi.anonymous, coordinator.email, coordinator.password);
      const { me } = await client.expectData<{ me: { memberships: { territory: { id: string } }[] } }>(
        MY_TERRITORIES,
      );
      expect(me.memberships.map((membership) => membership.territory.id)).toEqual([territory.id]);
      // The administrator's last second-factor step was saved too: a later one is asked.
      restoredApi.clock.advance(120_000);
      const restoredAdmin = await logInClient(
        restoredApi.anonymous,
        administrator.email,
        administrator.password,
      );
      const { organisations } = await restoredAdmin.client.expectData<{
        organisations: { edges: { node: { name: string } }[] };
      }>(ORGANISATIONS, { territoryId: territory.id });
      expect(organisations.edges.map((edge) => edge.node.name)).toContain('CCAS de Sauveville');
    } finally {
      await restoredApi.close();
    }
  }, 150_000);
});
