import { Environment } from '@relais/config';
import { findFreePort } from '@relais/testing';
import { ServiceProcess, spawnServiceProcess } from './service-process';

export interface ApiProcess extends ServiceProcess {
  /** `http://127.0.0.1:<port>`, where it listens once ready. */
  readonly url: string;
}

/**
 * The real api (`apps/api/src/main.ts`) in a process of its own, on a free port: a replica a test
 * can stop with SIGTERM as an orchestrator would, while others keep serving. Ready once it listens,
 * which is after it handles signals; returned at once, so that whoever started it can always kill it.
 */
export async function spawnApiProcess(
  environment: Environment,
  options: { readyTimeoutMs?: number; /** A replica restarted where it was. */ port?: number } = {},
): Promise<ApiProcess> {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const service = spawnServiceProcess({
    entry: 'apps/api/src/main.ts',
    // Fastify says where it listens at `info`; the rest of what it logs there is rare.
    environment: { ...environment, API_HOST: '127.0.0.1', API_PORT: String(port), LOG_LEVEL: 'info' },
    readyLine: `Server listening at ${url}`,
    called: 'L’api',
    readyTimeoutMs: options.readyTimeoutMs ?? 45_000,
  });
  return { ...service, url };
}
