import { chooseProgram, libpqEnvironment, programVersion } from './pg-dump';

describe('choosing pg_dump', () => {
  const debian15 = { path: '/usr/bin/pg_dump', version: '15.20', major: 15 };
  const pgdg16 = { path: '/usr/lib/postgresql/16/bin/pg_dump', version: '16.4', major: 16 };
  const pgdg18 = { path: '/usr/lib/postgresql/18/bin/pg_dump', version: '18.1', major: 18 };

  it('reads the version pg_dump prints', () => {
    expect(programVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toEqual({
      version: '15.20',
      major: 15,
    });
    expect(programVersion('pg_dump (PostgreSQL) 18beta1')).toEqual({ version: '18', major: 18 });
    expect(programVersion('something else')).toBeUndefined();
  });

  it('takes the oldest one at least as recent as the server', () => {
    expect(chooseProgram([pgdg18, debian15, pgdg16], 16)).toEqual({ program: pgdg16 });
    expect(chooseProgram([pgdg18, debian15], 15)).toEqual({ program: debian15 });
  });

  it('says which package to install when every pg_dump is older than the server, or none exists', () => {
    const older = chooseProgram([debian15], 18);
    expect(older).toEqual({
      problem: expect.stringContaining('pg_dump 15.20 (/usr/bin/pg_dump) est plus ancien'),
    });
    expect(older).toEqual({ problem: expect.stringContaining('postgresql-client-18') });
    expect(chooseProgram([], 16)).toEqual({
      problem: expect.stringMatching(/^pg_dump est introuvable : installez postgresql-client-16/),
    });
  });

  it('hands the connection to libpq through its variables, the password decoded', () => {
    expect(libpqEnvironment('postgres://owner:p%40ss%2Fw@db.example:5433/relais?sslmode=require')).toEqual({
      PGHOST: 'db.example',
      PGPORT: '5433',
      PGUSER: 'owner',
      PGPASSWORD: 'p@ss/w',
      PGDATABASE: 'relais',
      PGSSLMODE: 'require',
    });
  });
});
