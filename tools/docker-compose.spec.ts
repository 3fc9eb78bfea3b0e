import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

// No Docker engine runs where the suite runs: the compose file is checked by reading it.
const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const { services } = compose;

describe('docker-compose.yml', () => {
  it('runs Postgres 16, Redis 7, a mail sink, the migrations, the api and the worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mail', 'migrate', 'postgres', 'redis', 'worker']);
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.redis.image).toBe('redis:7');
  });

  it('configures Redis as BullMQ needs it', () => {
    const command = services.redis.command?.join(' ') ?? '';
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('starts the api and the worker only after the migrations succeeded', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(services[name].environment?.NODE_ENV).toBe('production');
    }
  });

  it('commits no secret: passwords and keys come from the environment', () => {
    const secrets = Object.values(services).flatMap((service) =>
      Object.entries(service.environment ?? {}).filter(([key]) => /PASSWORD|SECRET|_URL$/.test(key)),
    );
    for (const [key, value] of secrets) {
      if (/PASSWORD|SECRET/.test(key)) expect(value).toMatch(/^\$\{[A-Z_]+:\?/);
    }
    expect(services.api.environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
  });
});
