import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, loadConfigOrExit } from '@relais/config';
import { createWorker, WORKER_READY } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorker(config);
  closeOnSignals(app, (error) => new Logger('Arrêt').error(error));
  // Said once the signals are handled, so whoever waits for it may stop the worker cleanly.
  new Logger('Worker').log(WORKER_READY);
}

void main();
