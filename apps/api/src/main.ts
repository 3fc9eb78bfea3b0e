import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals, loadConfigOrExit } from '@relais/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  closeOnSignals(app, (error) => new Logger('Arrêt').error(error));
  await app.listen({ host: config.http.host, port: config.http.port });
}

void main();
