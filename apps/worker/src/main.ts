import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, loadConfigOrExit } from '@relais/config';
import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorker(config);
  closeOnSignals(app, (error) => new Logger('Arrêt').error(error));
}

void main();
