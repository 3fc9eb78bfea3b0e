import { chooseServer, privateServerNotice, privateServersAsked, ServerOptions } from './test-servers';

const POSTGRES = { name: 'Postgres', starting: 'd’un Postgres embarqué', usual: '127.0.0.1:5432' };

function options(overrides: Partial<ServerOptions> & { running: boolean }) {
  const probes: string[] = [];
  const choice = chooseServer({
    given: undefined,
    privateAsked: false,
    sharedUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    sharedRuns: () => {
      probes.push('5432');
      return Promise.resolve(overrides.running);
    },
    ...overrides,
  });
  return { choice, probes };
}

describe('the servers of a test run', () => {
  it('uses the server already running on its usual port', async () => {
    const { choice } = options({ running: true });
    expect(await choice).toEqual({ source: 'shared', url: 'postgres://postgres@127.0.0.1:5432/postgres' });
  });

  it('starts a private server when none runs there, and says so', async () => {
    const choice = await options({ running: false }).choice;
    expect(choice).toEqual({ source: 'private', because: 'none-running' });
    expect(privateServerNotice('none-running', POSTGRES)).toBe(
      'aucun Postgres sur 127.0.0.1:5432 : démarrage d’un Postgres embarqué',
    );
  });

  it('with RELAIS_TEST_LOCAL_SERVERS=1, starts a private server though one runs, without claiming none does', async () => {
    const { choice, probes } = options({ running: true, privateAsked: privateServersAsked('1') });
    expect(await choice).toEqual({ source: 'private', because: 'asked' });
    expect(probes).toEqual([]);
    const notice = privateServerNotice('asked', POSTGRES);
    expect(notice).toBe(
      'RELAIS_TEST_LOCAL_SERVERS=1 : démarrage d’un Postgres embarqué privé, sans utiliser celui de 127.0.0.1:5432 s’il y en a un',
    );
    expect(notice).not.toMatch(/aucun/);
  });

  it('reads only 1 as asking for private servers', () => {
    expect([undefined, '', '0', 'false', '1'].map(privateServersAsked)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('uses a server named by its variable above all', async () => {
    const given = 'postgres://postgres@db.example.test:5433/postgres';
    const { choice, probes } = options({ running: false, privateAsked: true, given });
    expect(await choice).toEqual({ source: 'given', url: given });
    expect(probes).toEqual([]);
  });
});
