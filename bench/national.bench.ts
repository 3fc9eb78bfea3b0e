/**
 * One deployment for every territory: the agenda (40 items), a 50-row list (situations) and the
 * first page of "who saw this file" (a person's audit events) read by a coordinator over the
 * national dataset (test/support/national-dataset.ts, NATIONAL preset unless
 * RELAIS_NATIONAL_SCALE=<fraction>; generated once into `relais_bench_national` and reused while it
 * holds the same scale). Prints, from interleaved rounds of one run:
 * - the api's throughput as a share of a bare Fastify + pg server sending the same statements with
 *   the same parameters under the same settings and answering with the rows it read, at 8 and 32
 *   connections (target ≥ 0.8), and beside it the share of the same server answering their number
 *   alone; each ratio is the median of the rounds' own (api and bare server measured one after
 *   the other in each round);
 * - the p95 latency in the large territory against the small one, both read at the same time
 *   (target ≤ 1.1);
 * - the statements each request costs;
 * - the chaining worker's full pass over the whole journal (every read's position and seal), and
 *   the round after it.
 * The servers run in a child process pinned to core 0, the load from this one on core 1.
 */
import { API_NODE_FLAGS, processEnvironment } from '@relais/config';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { NATIONAL, NationalScale } from '../test/support/national-dataset';
import { nationalDatabase } from './national/dataset';
import type { BenchTarget, ChainingMeasured, ServersReady } from './national/servers';

const ROUNDS = 6;
const SECONDS = 3;
const CONNECTIONS = [8, 32];
const LATENCY_CONNECTIONS = 8;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function scaled(fraction: number): NationalScale {
  if (fraction >= 1) return NATIONAL;
  return {
    ...NATIONAL,
    situations: Math.round(NATIONAL.situations * fraction),
    actions: Math.round(NATIONAL.actions * fraction),
    auditEvents: Math.round(NATIONAL.auditEvents * fraction),
  };
}

function pin(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Load {
  requests: number;
  seconds: number;
  latencies: number[];
  failures: number;
}

/** `connections` clients, each sending its next request as soon as the previous one answered. */
async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  connections: number,
): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const at = performance.now();
      const sent = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - at);
            else failures += 1;
            resolve();
          });
        },
      );
      sent.on('error', () => {
        failures += 1;
        resolve();
      });
      sent.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  agent.destroy();
  return { requests: latencies.length, seconds: (performance.now() - started) / 1000, latencies, failures };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

async function startServers(argument: string): Promise<{ child: ChildProcess; ready: ServersReady }> {
  // RELAIS_BENCH_CPU_PROFILE=<directory>: the servers' process leaves a V8 CPU profile there on exit.
  const profileDirectory = processEnvironment().RELAIS_BENCH_CPU_PROFILE;
  const profiling = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const child = fork(`${__dirname}/national/servers.ts`, [argument], {
    // The api's own V8 flags, as it runs in production (the bare server shares its process and them).
    execArgv: ['-r', '@swc-node/register', ...API_NODE_FLAGS, ...profiling],
    // And its libraries in their production mode, as the image sets it (graphql-js, for one, checks
    // every `instanceof` it makes for a second copy of itself otherwise). The api's own settings
    // stay the test configuration the harness starts it with.
    env: { ...processEnvironment(), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<ServersReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ServersReady));
    child.once('exit', (code) => reject(new Error(`Le processus des serveurs s’est arrêté (code ${code}).`)));
  });
  return { child, ready };
}

export async function run(): Promise<void> {
  const fraction = Number(processEnvironment().RELAIS_NATIONAL_SCALE ?? 1);
  const scale = scaled(fraction);
  const infrastructure = await provisionTestInfrastructure();
  let child: ChildProcess | undefined;
  try {
    const { environment, dataset } = await nationalDatabase(scale);
    say(
      `Échelle : ${scale.territories} territoires, ${dataset.rows.situations} situations, ` +
        `${dataset.rows.situation_actions} actions, ${dataset.rows.audit_events} événements d’audit ` +
        `(${dataset.rows.referrals} orientations, ${dataset.rows.agenda_items} points d’ordre du jour, ` +
        `${dataset.rows.item_invitations} invitations, ${dataset.rows.notifications} notifications, ` +
        `${dataset.rows.users} comptes) ; grand territoire ${dataset.large.situations} situations, petit ${dataset.small.situations}.`,
    );
    const started = await startServers(JSON.stringify({ environment, dataset }));
    child = started.child;
    const { apiUrl, bareUrl, targets } = started.ready;
    const pinned = pin(child.pid!, 0) && pin(process.pid, 1);
    say(
      pinned
        ? 'Serveurs sur le cœur 0, charge sur le cœur 1.'
        : 'taskset indisponible : processus non épinglés.',
    );

    const api = (target: BenchTarget) => ({
      url: `${apiUrl}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: target.body,
    });
    const bare = (target: BenchTarget, answer = '') => ({
      url: `${bareUrl}/replay/${encodeURIComponent(`${target.territory}:${target.name}`)}${answer}`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    type Key = string;
    const throughput = new Map<Key, number[]>();
    const latencies = new Map<Key, number[]>();
    const push = <T>(map: Map<Key, T[]>, key: Key, ...values: T[]) =>
      map.set(key, [...(map.get(key) ?? []), ...values]);
    let failures = 0;
    const large = targets.filter((target) => target.territory === 'large');
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const target of large) {
        for (const connections of CONNECTIONS) {
          for (const [side, shape] of [
            ['api', api(target)],
            ['nu', bare(target)],
            ['compte', bare(target, '?answer=count')],
          ] as const) {
            const measured = await load(shape.url, shape.headers, shape.body, connections);
            failures += measured.failures;
            if (round > 0)
              push(throughput, `${target.name}|${connections}|${side}`, measured.requests / measured.seconds);
          }
        }
      }
      // Both territories at once, half the connections each: the small one and the large one
      // meet the same moment of the machine, whose pauses (collector, Postgres on the shared
      // core) otherwise made p95 differ by a fifth from one measurement to the next.
      for (const name of [...new Set(targets.map((target) => target.name))]) {
        const pair = targets.filter((target) => target.name === name);
        const measured = await Promise.all(
          pair.map((target) =>
            load(api(target).url, api(target).headers, api(target).body, LATENCY_CONNECTIONS / 2),
          ),
        );
        pair.forEach((target, index) => {
          failures += measured[index].failures;
          if (round > 0) push(latencies, `${target.name}|${target.territory}`, ...measured[index].latencies);
        });
      }
    }
    const median = (values: number[]) => quantile(values, 0.5);
    // Each round measures the api and the bare server one after the other: their ratio in the same
    // round shares the machine's state of the moment, and the median of those ratios is the figure.
    const ratioOf = (name: string, connections: number, side: string) => {
      const ofApi = throughput.get(`${name}|${connections}|api`)!;
      return median(
        throughput.get(`${name}|${connections}|${side}`)!.map((bare, round) => ofApi[round] / bare),
      );
    };
    say(
      `\nDébit, grand territoire, ${ROUNDS} tours de ${SECONDS} s alternés (après un d’échauffement) : ` +
        'requêtes/s médianes, et médiane des rapports api/nu de chaque tour :',
    );
    for (const target of large) {
      for (const connections of CONNECTIONS) {
        const ofApi = median(throughput.get(`${target.name}|${connections}|api`)!);
        const ofBare = median(throughput.get(`${target.name}|${connections}|nu`)!);
        const ofCount = median(throughput.get(`${target.name}|${connections}|compte`)!);
        say(
          `  ${target.name.padEnd(16)} ${String(connections).padStart(2)} connexions : api ${ofApi.toFixed(0).padStart(5)}  ` +
            `serveur nu ${ofBare.toFixed(0).padStart(5)}  api/nu ×${ratioOf(target.name, connections, 'nu').toFixed(2)} (cible ≥ 0,8)  ` +
            `[nu ne renvoyant que le nombre de lignes ${ofCount.toFixed(0).padStart(5)}, ` +
            `api/nu ×${ratioOf(target.name, connections, 'compte').toFixed(2)}]`,
        );
      }
    }
    say(
      `\nLatence p95 de l’api à ${LATENCY_CONNECTIONS} connexions, la moitié sur chaque territoire en même temps, grand contre petit :`,
    );
    for (const name of [...new Set(targets.map((target) => target.name))]) {
      const small = quantile(latencies.get(`${name}|small`)!, 0.95);
      const big = quantile(latencies.get(`${name}|large`)!, 0.95);
      say(
        `  ${name.padEnd(16)} petit ${small.toFixed(1).padStart(6)} ms  grand ${big.toFixed(1).padStart(6)} ms  ` +
          `×${(big / small).toFixed(2)} (cible ≤ 1,1)`,
      );
    }
    say('\nInstructions SQL par requête (hors transaction et portée) :');
    for (const target of targets)
      say(`  ${target.name.padEnd(16)} ${target.territory.padEnd(5)} ${target.statements}`);
    const chaining = await new Promise<ChainingMeasured>((resolve, reject) => {
      child!.on('message', (message) => {
        const reply = message as { chaining?: ChainingMeasured; chainingFailed?: string };
        if (reply.chaining) resolve(reply.chaining);
        if (reply.chainingFailed) reject(new Error(`Chaînage : ${reply.chainingFailed}`));
      });
      child!.send('chaining');
    });
    say(
      `\nChaînage des lectures sur tout le journal (${chaining.reads} lectures, ${chaining.links} liens) : ` +
        `passage complet (au démarrage du worker, puis chaque heure) ${(chaining.fullPassMs / 1000).toFixed(1)} s, ` +
        `${chaining.fullPassLinked} lectures reliées ; tour suivant ${chaining.nextRoundMs.toFixed(0)} ms.`,
    );
    if (failures) say(`\n${failures} requêtes en échec pendant la mesure.`);
  } finally {
    child?.send('stop');
    await new Promise((resolve) => (child ? child.once('exit', resolve) : resolve(null)));
    await infrastructure.stop();
  }
}
