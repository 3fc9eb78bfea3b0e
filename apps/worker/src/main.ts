import 'reflect-metadata';
import { loadConfigOrExit } from '@relais/config';
import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await createWorker(config);
}

void main();
