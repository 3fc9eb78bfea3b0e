import { loadConfig, processEnvironment } from '@relais/config';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { checkDistributionReadiness, DistributionReadiness, TableReadiness } from './distribution-readiness';

/**
 * Each rule of the check on tables made for it, in a schema of this test's own inside the run's
 * database (as its owner: @relais/testing would import this library back).
 */
describe('the distribution readiness check', () => {
  const schema = `distribution_probe_${randomBytes(4).toString('hex')}`;
  const client = new Client({
    connectionString: loadConfig({ ...processEnvironment(), NODE_ENV: 'test' }).database.ownerUrl,
  });
  let readiness: DistributionReadiness;
  const table = (name: string): TableReadiness => {
    const found = readiness.tables.find((candidate) => candidate.table === name);
    if (!found) throw new Error(`${name} absente du rapport`);
    return found;
  };
  const blockers = (name: string) => table(name).blockers.map((blocker) => `${blocker.kind}:${blocker.name}`);

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query(`
      CREATE TABLE kinds (code text CONSTRAINT pk_kinds PRIMARY KEY, label text CONSTRAINT uq_kinds_label UNIQUE);
      CREATE TABLE accounts (
        territory_id uuid NOT NULL, id uuid NOT NULL, kind text REFERENCES kinds (code), name text,
        CONSTRAINT pk_accounts PRIMARY KEY (territory_id, id));
      CREATE UNIQUE INDEX ux_accounts_territory_name ON accounts (territory_id, lower(name));
      CREATE TABLE notes (
        territory_id uuid NOT NULL, id uuid CONSTRAINT pk_notes PRIMARY KEY, account_id uuid NOT NULL,
        CONSTRAINT fk_notes_account FOREIGN KEY (territory_id, account_id) REFERENCES accounts (territory_id, id));
      CREATE TABLE crossed (
        territory_id uuid NOT NULL, other_territory_id uuid NOT NULL, id uuid NOT NULL, account_id uuid NOT NULL,
        CONSTRAINT pk_crossed PRIMARY KEY (territory_id, id),
        CONSTRAINT fk_crossed_account FOREIGN KEY (other_territory_id, account_id) REFERENCES accounts (territory_id, id));
      CREATE TABLE tokens (
        territory_id uuid NOT NULL, id uuid NOT NULL, hash text NOT NULL,
        CONSTRAINT pk_tokens PRIMARY KEY (territory_id, id),
        CONSTRAINT uq_tokens_hash UNIQUE (hash) INCLUDE (territory_id));
      CREATE UNIQUE INDEX ux_tokens_lower_hash ON tokens (lower(hash));
      CREATE TABLE loose (territory_id uuid, id uuid NOT NULL, CONSTRAINT uq_loose UNIQUE (territory_id, id));
      CREATE TABLE pointers (
        code text CONSTRAINT pk_pointers PRIMARY KEY, territory_id_of_account uuid, account_id uuid,
        CONSTRAINT fk_pointers_account FOREIGN KEY (territory_id_of_account, account_id) REFERENCES accounts (territory_id, id));
      CREATE TABLE bookkeeping (id int CONSTRAINT pk_bookkeeping PRIMARY KEY);
    `);
    readiness = await checkDistributionReadiness(client, { schema, excludedTables: ['bookkeeping'] });
  });

  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('reads the schema given, without the tables excluded', () => {
    expect(readiness.tables.map((found) => found.table)).toEqual([
      'accounts',
      'crossed',
      'kinds',
      'loose',
      'notes',
      'pointers',
      'tokens',
    ]);
  });

  it('finds distributable a table whose unique keys lead with territory_id, keys to reference tables allowed', () => {
    expect(table('accounts')).toMatchObject({ hasTerritoryId: true, verdict: 'distributable', blockers: [] });
    expect(table('accounts').uniqueIndexes).toEqual([
      expect.objectContaining({ name: 'pk_accounts', primaryKey: true, containsTerritoryId: true }),
      expect.objectContaining({
        name: 'ux_accounts_territory_name',
        columns: ['territory_id', '(expression)'],
      }),
    ]);
    expect(table('accounts').foreignKeys).toEqual([
      expect.objectContaining({ referencedTable: 'kinds', columns: ['kind'], includesTerritoryId: false }),
    ]);
  });

  it('finds a table without territory_id that points at no distributed table fit to be a reference table', () => {
    expect(table('kinds')).toMatchObject({ hasTerritoryId: false, verdict: 'reference', blockers: [] });
  });

  it('blocks a primary key on the id alone, but not a key that pairs territory_id on both sides', () => {
    expect(table('notes').verdict).toBe('blocked');
    expect(blockers('notes')).toEqual(['unique-index:pk_notes']);
    expect(table('notes').foreignKeys[0]).toMatchObject({
      name: 'fk_notes_account',
      includesTerritoryId: true,
    });
  });

  it('blocks a key that reaches the other table through another column than territory_id', () => {
    expect(blockers('crossed')).toEqual(['foreign-key:fk_crossed_account']);
    expect(table('crossed').foreignKeys[0].includesTerritoryId).toBe(false);
  });

  it('does not count territory_id among the keys when it is only INCLUDEd, nor an expression as territory_id', () => {
    expect(blockers('tokens')).toEqual(['unique-index:uq_tokens_hash', 'unique-index:ux_tokens_lower_hash']);
    expect(table('tokens').blockers[0].detail).toBe('index unique uq_tokens_hash (hash) sans territory_id');
  });

  it('blocks a territory_id that may be null', () => {
    expect(blockers('loose')).toEqual(['nullable-territory-id:territory_id']);
  });

  it('blocks a table without territory_id that points at a distributed one', () => {
    expect(table('pointers')).toMatchObject({ hasTerritoryId: false, verdict: 'blocked' });
    expect(blockers('pointers')).toEqual(['reference-to-distributed:fk_pointers_account']);
  });

  it('counts the verdicts and what is left to change', () => {
    expect(readiness.counts).toEqual({ distributable: 1, reference: 1, blocked: 5 });
    expect(readiness.uniqueIndexesLackingTerritoryId).toBe(3);
    expect(readiness.foreignKeysLackingTerritoryId).toBe(1);
  });
});
