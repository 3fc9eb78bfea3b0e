/**
 * npm run jobs:failed [-- <file>] | jobs:retry [-- <file>]
 * Lists the failed jobs of one queue (or of all), or puts them back to waiting for a worker to try
 * again. Reads REDIS_URL and REDIS_KEY_PREFIX from the validated configuration, or, unset, the local
 * redis-server `npm start` runs.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@relais/config';
import { ALL_QUEUES, failedJobsSummary, QueueMetrics, QueueName, retryFailedJobs } from '@relais/queue';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';

/** An operator's terminal can wait longer than a health check. */
const REDIS_TIMEOUT_MS = 5_000;
const LISTED = 50;
const USAGE = `Usage : npm run jobs:failed [-- <file>] | npm run jobs:retry [-- <file>]\nFiles : ${ALL_QUEUES.join(', ')}.`;

async function main(command: string | undefined, rest: readonly string[]): Promise<number> {
  if (command !== 'failed' && command !== 'retry') throw new UsageError('Commande inconnue.', USAGE);
  const [only, ...extra] = rest;
  if (extra.length) throw new UsageError(`Argument en trop : ${extra.join(' ')}.`, USAGE);
  if (only !== undefined && !isQueueName(only)) throw new UsageError(`File inconnue : ${only}.`, USAGE);
  const queues = new QueueMetrics(loadConfigOrExit(await commandEnvironment({ redis: true })));
  try {
    for (const name of only ? [only] : ALL_QUEUES) {
      const queue = await queues.queue(name, REDIS_TIMEOUT_MS);
      if (command === 'retry') {
        const retried = await retryFailedJobs(queue);
        console.log(
          `${name} : ${retried ? `${retried} tâche(s) remise(s) en attente` : 'aucune tâche en échec'}`,
        );
        continue;
      }
      const total = await queue.getFailedCount();
      console.log(`${name} : ${total ? `${total} tâche(s) en échec` : 'aucune tâche en échec'}`);
      for (const job of await failedJobsSummary(queue, LISTED)) {
        const when = job.finishedOn ? job.finishedOn.toISOString() : 'date inconnue';
        console.log(`  ${job.id}  ${job.name}  ${when}  ${job.attemptsMade} essai(s)  ${job.reason}`);
      }
      if (total > LISTED) console.log(`  … et ${total - LISTED} autre(s), non listée(s)`);
    }
    return EXIT.OK;
  } finally {
    await queues.close();
  }
}

function isQueueName(name: string): name is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(name);
}

runCommand(() => main(process.argv[2], process.argv.slice(3)));
