import 'reflect-metadata';
import { loadConfigOrExit } from '@relais/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen({ host: config.http.host, port: config.http.port });
}

void main();
