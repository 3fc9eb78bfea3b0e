import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe('structured logger', () => {
  it('masks credentials and personal fields, wherever they are nested', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination });
    logger.info(
      {
        email: 'camille.martin@example.org',
        input: { password: 'Sup3r-secret-pass', email: 'camille.martin@example.org' },
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
      },
      'connexion',
    );
    const output = lines.join('');
    expect(output).not.toContain('camille.martin@example.org');
    expect(output).not.toContain('Sup3r-secret-pass');
    expect(output).not.toContain('abc.def.ghi');
    expect(output).toContain('[masqué]');
  });

  it('scrubs e-mails and values from error messages and Postgres details', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination });
    const error = Object.assign(
      new Error(
        'duplicate key value violates unique constraint: Key (email)=(lea@example.org) already exists',
      ),
      { code: '23505', detail: 'Key (email)=(lea@example.org) already exists.' },
    );
    logger.error({ err: error }, 'échec pour lea@example.org');
    const output = lines.join('');
    expect(output).not.toContain('lea@example.org');
    expect(output).toContain('23505');
  });
});
