import { Client } from 'pg';

/**
 * Whether the schema could be spread over a Citus cluster distributed by `territory_id`, read from
 * the catalog of a migrated database. Citus enforces a unique index (or exclusion constraint) and a
 * foreign key inside one shard only, so on a distributed table every unique key must contain the
 * distribution column, and a foreign key between two distributed tables must pair their
 * distribution columns. A table without the column can only be a reference table (copied whole on
 * every node), and a reference table may not point at a distributed one.
 */
export const DISTRIBUTION_COLUMN = 'territory_id';

export type DistributionVerdict = 'distributable' | 'reference' | 'blocked';

export interface UniqueIndexReadiness {
  readonly name: string;
  /** Key columns in order; `(expression)` for an expression. INCLUDE columns are not keys. */
  readonly columns: readonly string[];
  readonly primaryKey: boolean;
  /** An exclusion constraint's index, which Citus holds to the same rule. */
  readonly exclusion: boolean;
  readonly containsTerritoryId: boolean;
}

export interface ForeignKeyReadiness {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  /** `territory_id` on one side matched with `territory_id` on the other, at the same position. */
  readonly includesTerritoryId: boolean;
}

export type BlockerKind =
  'nullable-territory-id' | 'unique-index' | 'foreign-key' | 'reference-to-distributed';

/** One thing standing between a table and its verdict, named after the catalog object. */
export interface Blocker {
  readonly kind: BlockerKind;
  /** The index, constraint or column concerned: stable across runs, for tests and reviews. */
  readonly name: string;
  /** What to change, in French, for operators. */
  readonly detail: string;
}

export interface TableReadiness {
  readonly table: string;
  readonly hasTerritoryId: boolean;
  /** Postgres's estimate (`reltuples`), null before the table was first analysed. */
  readonly estimatedRows: number | null;
  readonly uniqueIndexes: readonly UniqueIndexReadiness[];
  readonly foreignKeys: readonly ForeignKeyReadiness[];
  readonly verdict: DistributionVerdict;
  readonly blockers: readonly Blocker[];
}

export interface DistributionReadiness {
  readonly tables: readonly TableReadiness[];
  readonly counts: Readonly<Record<DistributionVerdict, number>>;
  /** Unique indexes of tables carrying `territory_id` whose keys lack it: each one to re-lead. */
  readonly uniqueIndexesLackingTerritoryId: number;
  /** Foreign keys between tables carrying `territory_id` that do not pair it: each one to widen. */
  readonly foreignKeysLackingTerritoryId: number;
}

interface CatalogTable {
  table: string;
  territoryNullable: boolean | null;
  estimatedRows: number;
}

interface CatalogIndex {
  table: string;
  name: string;
  columns: string[];
  primaryKey: boolean;
  exclusion: boolean;
}

interface CatalogForeignKey {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

export interface DistributionCatalog {
  tables: CatalogTable[];
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
}

export interface CatalogOptions {
  readonly schema?: string;
  /** The migrations' own bookkeeping, no part of the application's data. */
  readonly excludedTables?: readonly string[];
}

type Queryable = Pick<Client, 'query'>;

/** Ordinary and partitioned tables (not their partitions) of the schema, unique and exclusion indexes, foreign keys. */
export async function readDistributionCatalog(
  client: Queryable,
  { schema = 'public', excludedTables = ['schema_migrations'] }: CatalogOptions = {},
): Promise<DistributionCatalog> {
  const tables = await client.query<{ table: string; territory_nullable: boolean | null; reltuples: number }>(
    `SELECT c.relname::text AS table, NOT a.attnotnull AS territory_nullable, c.reltuples::float8 AS reltuples
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $3 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> ALL ($2::text[])
      ORDER BY c.relname`,
    [schema, [...excludedTables], DISTRIBUTION_COLUMN],
  );
  const indexes = await client.query<CatalogIndex & { primary_key: boolean }>(
    `SELECT c.relname::text AS table, i.relname::text AS name, x.indisprimary AS primary_key, x.indisexclusion AS exclusion,
            ARRAY(SELECT COALESCE(a.attname::text, '(expression)')
                    FROM generate_series(0, x.indnkeyatts - 1) AS k
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[k]
                   ORDER BY k) AS columns
       FROM pg_index x
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND (x.indisunique OR x.indisexclusion) AND c.relname <> ALL ($2::text[])
      ORDER BY c.relname, i.relname`,
    [schema, [...excludedTables]],
  );
  const foreignKeys = await client.query<
    CatalogForeignKey & { referenced_table: string; referenced_columns: string[] }
  >(
    `SELECT c.relname::text AS table, co.conname::text AS name, r.relname::text AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum ORDER BY k.position)
              AS referenced_columns
       FROM pg_constraint co
       JOIN pg_class c ON c.oid = co.conrelid
       JOIN pg_class r ON r.oid = co.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE co.contype = 'f' AND n.nspname = $1 AND c.relname <> ALL ($2::text[])
      ORDER BY c.relname, co.conname`,
    [schema, [...excludedTables]],
  );
  return {
    tables: tables.rows.map((row) => ({
      table: row.table,
      territoryNullable: row.territory_nullable,
      estimatedRows: row.reltuples,
    })),
    indexes: indexes.rows.map((row) => ({
      table: row.table,
      name: row.name,
      columns: row.columns,
      primaryKey: row.primary_key,
      exclusion: row.exclusion,
    })),
    foreignKeys: foreignKeys.rows.map((row) => ({
      table: row.table,
      name: row.name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
    })),
  };
}

/** The verdict of every table, from the catalog alone. */
export function assessDistribution(catalog: DistributionCatalog): DistributionReadiness {
  const withTerritory = new Set(
    catalog.tables.filter((table) => table.territoryNullable !== null).map((table) => table.table),
  );
  const tables = catalog.tables.map((table): TableReadiness => {
    const hasTerritoryId = withTerritory.has(table.table);
    const uniqueIndexes = catalog.indexes
      .filter((index) => index.table === table.table)
      .map((index) => ({
        name: index.name,
        columns: index.columns,
        primaryKey: index.primaryKey,
        exclusion: index.exclusion,
        containsTerritoryId: index.columns.includes(DISTRIBUTION_COLUMN),
      }));
    const foreignKeys = catalog.foreignKeys
      .filter((key) => key.table === table.table)
      .map((key) => ({
        name: key.name,
        columns: key.columns,
        referencedTable: key.referencedTable,
        referencedColumns: key.referencedColumns,
        includesTerritoryId: key.columns.some(
          (column, position) =>
            column === DISTRIBUTION_COLUMN && key.referencedColumns[position] === DISTRIBUTION_COLUMN,
        ),
      }));
    const blockers = hasTerritoryId
      ? distributedBlockers(table, uniqueIndexes, foreignKeys, withTerritory)
      : referenceBlockers(foreignKeys, withTerritory);
    const verdict: DistributionVerdict = blockers.length
      ? 'blocked'
      : hasTerritoryId
        ? 'distributable'
        : 'reference';
    return {
      table: table.table,
      hasTerritoryId,
      estimatedRows: table.estimatedRows < 0 ? null : table.estimatedRows,
      uniqueIndexes,
      foreignKeys,
      verdict,
      blockers,
    };
  });
  const count = (verdict: DistributionVerdict) => tables.filter((table) => table.verdict === verdict).length;
  const blockersOf = (kind: BlockerKind) =>
    tables.flatMap((table) => table.blockers).filter((blocker) => blocker.kind === kind).length;
  return {
    tables,
    counts: {
      distributable: count('distributable'),
      reference: count('reference'),
      blocked: count('blocked'),
    },
    uniqueIndexesLackingTerritoryId: blockersOf('unique-index'),
    foreignKeysLackingTerritoryId: blockersOf('foreign-key'),
  };
}

export async function checkDistributionReadiness(
  client: Queryable,
  options?: CatalogOptions,
): Promise<DistributionReadiness> {
  return assessDistribution(await readDistributionCatalog(client, options));
}

function distributedBlockers(
  table: CatalogTable,
  uniqueIndexes: UniqueIndexReadiness[],
  foreignKeys: ForeignKeyReadiness[],
  withTerritory: ReadonlySet<string>,
): Blocker[] {
  const blockers: Blocker[] = [];
  if (table.territoryNullable) {
    blockers.push({
      kind: 'nullable-territory-id',
      name: DISTRIBUTION_COLUMN,
      detail: `${DISTRIBUTION_COLUMN} peut être nul : le rendre NOT NULL`,
    });
  }
  for (const index of uniqueIndexes.filter((index) => !index.containsTerritoryId)) {
    const what = index.primaryKey
      ? 'clé primaire'
      : index.exclusion
        ? "contrainte d'exclusion"
        : 'index unique';
    blockers.push({
      kind: 'unique-index',
      name: index.name,
      detail: `${what} ${index.name} (${index.columns.join(', ')}) sans ${DISTRIBUTION_COLUMN}`,
    });
  }
  // A key towards a table without territory_id points at a reference table: Citus allows it.
  for (const key of foreignKeys.filter(
    (key) => withTerritory.has(key.referencedTable) && !key.includesTerritoryId,
  )) {
    blockers.push({
      kind: 'foreign-key',
      name: key.name,
      detail: `clé étrangère ${key.name} (${key.columns.join(', ')}) → ${key.referencedTable} (${key.referencedColumns.join(', ')}) sans ${DISTRIBUTION_COLUMN} des deux côtés`,
    });
  }
  return blockers;
}

function referenceBlockers(
  foreignKeys: ForeignKeyReadiness[],
  withTerritory: ReadonlySet<string>,
): Blocker[] {
  return foreignKeys
    .filter((key) => withTerritory.has(key.referencedTable))
    .map((key) => ({
      kind: 'reference-to-distributed' as const,
      name: key.name,
      detail: `sans ${DISTRIBUTION_COLUMN}, mais sa clé étrangère ${key.name} vise ${key.referencedTable}, table distribuée : une table de référence ne peut pas pointer vers elle`,
    }));
}
