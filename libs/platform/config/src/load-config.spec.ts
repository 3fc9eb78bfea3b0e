import { ConfigurationError, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/relais',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('builds a typed configuration with defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.graphql.introspection).toBe(true);
  });

  it('turns introspection and GraphiQL off in production', () => {
    const config = loadConfig({ ...valid, NODE_ENV: 'production' });
    expect(config.graphql.introspection).toBe(false);
    expect(config.graphql.graphiql).toBe(false);
  });

  it('names every missing or invalid variable at once, without echoing values', () => {
    const secret = 'too-short-secret';
    let problems: readonly string[] = [];
    try {
      loadConfig({ API_PORT: 'quatre', JWT_SECRET: secret });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      problems = (error as ConfigurationError).problems;
    }
    const text = problems.join('\n');
    expect(text).toContain('DATABASE_URL : variable manquante');
    expect(text).toContain('REDIS_URL : variable manquante');
    expect(text).toContain('API_PORT');
    expect(text).toContain('JWT_SECRET');
    expect(text).not.toContain(secret);
  });

  it('parses the CORS origins list', () => {
    const config = loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
