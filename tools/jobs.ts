/**
 * npm run jobs:failed [-- <file>] | jobs:retry [-- <file>]
 * Lists the failed jobs of one queue (or of all), or puts them back to waiting for a worker to try
 * again. Reads REDIS_URL and REDIS_KEY_PREFIX from the validated configuration.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@relais/config';
import {
  ALL_QUEUES,
  failedJobsSummary,
  QueueMetrics,
  QueueName,
  RedisUnavailableError,
  retryFailedJobs,
} from '@relais/queue';

/** An operator's terminal can wait longer than a health check. */
const REDIS_TIMEOUT_MS = 5_000;
const LISTED = 50;

async function main(command: string | undefined, only: string | undefined): Promise<number> {
  if (command !== 'failed' && command !== 'retry') {
    console.error('Usage : jobs failed [file] | retry [file]');
    return 2;
  }
  if (only !== undefined && !isQueueName(only)) {
    console.error(`File inconnue : ${only}. Files : ${ALL_QUEUES.join(', ')}.`);
    return 2;
  }
  const queues = new QueueMetrics(loadConfigOrExit());
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
    return 0;
  } finally {
    await queues.close();
  }
}

function isQueueName(name: string): name is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(name);
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof RedisUnavailableError
        ? `${error.message} Vérifiez REDIS_URL et que Redis est démarré.`
        : error,
    );
    process.exit(1);
  },
);
