/** What a client spreading its requests over replicas saw. */
export interface TrafficTally {
  /** Requests the client meant to make (each counted once, whatever its retries). */
  total: number;
  /** Requests that needed more than one try: refused or cut connections, 503 while closing. */
  retried: number;
  /** Tries that failed and were made again elsewhere, by cause. */
  retriesBy: Record<string, number>;
  /** Requests that never got their answer: the figure that must stay 0. */
  lost: number;
  /** The first few reasons a request was lost, to explain a failure. */
  failures: string[];
  /** Answers given, by replica address. */
  answeredBy: Record<string, number>;
}

/** A failure worth trying again on another replica: nothing was done by the one that failed. */
function retryable(error: unknown): string | null {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message && /other side closed|socket/i.test(cause.message)) return 'SOCKET_CLOSED';
  return null;
}

/**
 * A client that keeps `concurrency` requests in flight over the replicas in turn, as a load
 * balancer does; `replicas` is read at each try, as the balancer's list follows its health checks.
 * A request whose connection is refused or cut, or that a closing replica answers 503, is sent
 * again to the next replica (a few rounds, briefly apart). `ask` says whether the answer is the
 * right one; anything else counts as lost.
 */
export function spreadTraffic(options: {
  replicas: () => readonly string[];
  concurrency: number;
  ask(url: string): Promise<{ status: number; ok: boolean; detail?: string }>;
}): { stop(): Promise<TrafficTally>; tally: TrafficTally } {
  const tally: TrafficTally = { total: 0, retried: 0, retriesBy: {}, lost: 0, failures: [], answeredBy: {} };
  const lose = (why: string) => {
    tally.lost += 1;
    if (tally.failures.length < 5) tally.failures.push(why);
  };
  let stopped = false;
  let turn = 0;

  const once = async () => {
    tally.total += 1;
    const first = turn++;
    let tries = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const replicas = options.replicas();
      const url = replicas[(first + attempt) % replicas.length];
      tries += 1;
      let cause: string;
      try {
        const answer = await options.ask(url);
        if (answer.status !== 503) {
          if (tries > 1) tally.retried += 1;
          if (!answer.ok) return lose(`${url} : ${answer.status} ${answer.detail ?? ''}`);
          tally.answeredBy[url] = (tally.answeredBy[url] ?? 0) + 1;
          return;
        }
        cause = 'HTTP_503';
      } catch (error) {
        const why = retryable(error);
        if (!why) return lose(`${url} : ${(error as Error).message}`);
        cause = why;
      }
      tally.retriesBy[cause] = (tally.retriesBy[cause] ?? 0) + 1;
      // From the second try on, a short pause: the balancer's list catches up meanwhile.
      if (attempt > 0) await new Promise((done) => setTimeout(done, 50));
    }
    lose('aucun réplica n’a répondu');
  };

  const loops = Array.from({ length: options.concurrency }, async () => {
    while (!stopped) await once();
  });
  return {
    tally,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return tally;
    },
  };
}
