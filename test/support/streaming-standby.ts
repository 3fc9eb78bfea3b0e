/**
 * A primary and a hot standby streaming from it, both private to one suite: the machine's Postgres
 * is never reconfigured. The standby comes from `pg_basebackup` of a Postgres installation of the
 * machine when there is one (`basebackup-standby.ts`), otherwise from a cold copy of the embedded
 * primary (`cold-copy-standby.ts`); `madeBy` says which.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findPostgresInstallation, startBasebackupPair } from './basebackup-standby';
import { startColdCopyPair } from './cold-copy-standby';

/** The standby's `application_name`, by which the primary's `pg_stat_replication` knows it. */
export const STANDBY_NAME = 'relais-standby';

/** Two running servers and how to stop them (each maker stops what it started when it fails). */
export interface ServerPair {
  /** Superuser URLs (`postgres` database) of each server. */
  primaryUrl: string;
  standbyUrl: string;
  /** How the standby was made, in French: « pg_basebackup 15 », « copie à froid (…) ». */
  madeBy: string;
  stop(): Promise<void>;
}

export interface StreamingPair extends ServerPair {
  /** Milliseconds from nothing to a standby streaming and answering. */
  setupMs: number;
  /** Runs one statement as the superuser on that server's `database`. */
  query<T>(server: 'primary' | 'standby', database: string, sql: string, values?: unknown[]): Promise<T[]>;
  /** Waits until the standby has replayed everything the primary had written when asked. */
  caughtUp(timeoutMs?: number): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'relais-standby-'));
  const clients = new Map<string, Client>();
  let servers: ServerPair | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all([...clients.values()].map((client) => client.end().catch(() => undefined)));
      clients.clear();
      try {
        await servers?.stop();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    })());
  try {
    const found = await findPostgresInstallation();
    servers =
      'installation' in found
        ? await startBasebackupPair(found.installation, root, STANDBY_NAME)
        : await startColdCopyPair(root, STANDBY_NAME, found.missing);
    const { primaryUrl, standbyUrl } = servers;

    const clientOf = async (server: 'primary' | 'standby', database: string): Promise<Client> => {
      const key = `${server}/${database}`;
      let client = clients.get(key);
      if (!client) {
        const url = new URL(server === 'primary' ? primaryUrl : standbyUrl);
        url.pathname = `/${database}`;
        client = new Client({ connectionString: url.toString() });
        // A server stopped on purpose (a failover) ends its connections: forgotten, not thrown.
        client.on('error', () => clients.delete(key));
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
      madeBy: servers.madeBy,
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
    // Ready once the primary streams to the standby. Not `caughtUp()`: pg_basebackup ends with a
    // segment switch, after which the insert position lies past the next page header, a position
    // replay reaches only with the next record written.
    const deadline = Date.now() + 30_000;
    const streaming = `SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'`;
    while (!(await query('primary', 'postgres', streaming, [STANDBY_NAME])).length) {
      if (Date.now() > deadline) throw new Error('Le serveur secondaire ne reçoit pas le flux du primaire.');
      await new Promise((done) => setTimeout(done, 20));
    }
    pair.setupMs = Date.now() - started;
    return pair;
  } catch (error) {
    await stop();
    throw error;
  }
}
