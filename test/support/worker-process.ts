import { Environment } from '@relais/config';
import { WORKER_READY } from '@relais/worker';
import { ServiceProcess, spawnServiceProcess } from './service-process';

export type WorkerProcess = ServiceProcess;

/**
 * The real worker in a process of its own, so a test can kill it as production would see it die.
 * Ready once it says it handles signals; returned at once, so that whoever started it can always
 * kill it.
 */
export function spawnWorkerProcess(environment: Environment, readyTimeoutMs = 45_000): WorkerProcess {
  return spawnServiceProcess({
    entry: 'apps/worker/src/main.ts',
    environment,
    readyLine: WORKER_READY,
    called: 'Le worker',
    readyTimeoutMs,
  });
}
