import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamingPair } from './streaming-standby';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * `pg_ctl stop -m immediate` on one server of the pair: SIGQUIT to its postmaster, which ends every
 * backend at once, without a checkpoint and without a word to the standby, as a machine lost.
 * Resolves once the postmaster is gone.
 */
export async function stopImmediately(pair: StreamingPair, server: 'primary' | 'standby'): Promise<void> {
  const [{ directory }] = await pair.query<{ directory: string }>(
    server,
    'postgres',
    `SELECT current_setting('data_directory') AS directory`,
  );
  const pid = Number(readFileSync(join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`Le postmaster ${pid} ne s’arrête pas.`);
    await pause(5);
  }
}

/** One try of a probe: when it left, when its answer (or failure) came, and whether it was right. */
export interface ProbeTry {
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** Why it failed: the status, the error's code, the exception. */
  why?: string;
}

/**
 * A client that asks again and again, `pauseMs` apart, whatever the last answer was: each try is
 * kept, so the outage shows as the run of failed tries.
 */
export function probeContinuously(
  ask: () => Promise<{ ok: boolean; why?: string }>,
  pauseMs: number,
): { stop(): Promise<ProbeTry[]> } {
  const tries: ProbeTry[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const startedAt = Date.now();
      let outcome: { ok: boolean; why?: string };
      try {
        outcome = await ask();
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        outcome = { ok: false, why: cause?.code ?? (error as Error).message };
      }
      tries.push({ startedAt, endedAt: Date.now(), ...outcome });
      await pause(pauseMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return tries;
    },
  };
}

/** What a probe saw around a failover: the primary lost at `crashedAt`, the proxy switched at `switchedAt`. */
export interface OutageSeen {
  tries: number;
  failed: number;
  /** From the start of the first failed try to the answer of the first good one after the last failure. */
  unavailableMs: number;
  /** From the switch to that first good answer. */
  recoveredAfterSwitchMs: number;
  /** Failed tries answered before the primary was lost: failures the failover does not explain. */
  failedBeforeCrash: number;
  /** Failed tries that left after the switch: what did not recover with it. */
  failedAfterSwitch: number;
  /** The distinct reasons of failure. */
  reasons: string[];
}

export function outageOf(
  tries: readonly ProbeTry[],
  { crashedAt, switchedAt }: { crashedAt: number; switchedAt: number },
): OutageSeen {
  const failures = tries.filter((attempt) => !attempt.ok);
  const first = failures[0];
  const last = failures[failures.length - 1];
  const recovered = last
    ? tries.find((attempt) => attempt.ok && attempt.startedAt > last.startedAt)
    : undefined;
  return {
    tries: tries.length,
    failed: failures.length,
    unavailableMs: first && recovered ? recovered.endedAt - first.startedAt : NaN,
    recoveredAfterSwitchMs: recovered ? recovered.endedAt - switchedAt : NaN,
    failedBeforeCrash: failures.filter((attempt) => attempt.endedAt < crashedAt).length,
    failedAfterSwitch: failures.filter((attempt) => attempt.startedAt > switchedAt).length,
    reasons: [...new Set(failures.map((attempt) => attempt.why ?? '?'))],
  };
}
