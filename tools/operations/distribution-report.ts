import type { DistributionReadiness, DistributionVerdict, TableReadiness } from '@relais/database';

const VERDICTS: Record<DistributionVerdict, string> = {
  distributable: 'distribuable',
  reference: 'référence',
  blocked: 'bloquée',
};

const HEADERS = ['Table', 'territory_id', 'Uniques sans', 'Clés étr. sans', 'Lignes (estim.)', 'Verdict'];

/** « 2 / 3 »: how many lack territory_id out of how many there are. */
function lacking(total: number, missing: number): string {
  return total ? `${missing} / ${total}` : '—';
}

function row(table: TableReadiness): string[] {
  const towardsDistributed = table.blockers.filter(
    (blocker) => blocker.kind === 'foreign-key' || blocker.kind === 'reference-to-distributed',
  ).length;
  const missingUnique = table.uniqueIndexes.filter((index) => !index.containsTerritoryId).length;
  return [
    table.table,
    table.hasTerritoryId ? 'oui' : 'non',
    // A reference table is copied whole to every node: its unique keys hold as they are.
    table.hasTerritoryId ? lacking(table.uniqueIndexes.length, missingUnique) : 's.o.',
    lacking(table.foreignKeys.length, towardsDistributed),
    table.estimatedRows === null ? '?' : String(Math.round(table.estimatedRows)),
    VERDICTS[table.verdict],
  ];
}

/**
 * The check as operators read it: one line per table, then what blocks each blocked table, then
 * the totals. « Clés étr. sans » counts only the keys that block (towards a table carrying
 * territory_id, without pairing it); a key towards a reference table is allowed as it is.
 */
export function formatDistributionReport(readiness: DistributionReadiness): string {
  const rows = [HEADERS, ...readiness.tables.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const lines = [
    'Préparation à Citus, distribution par territory_id',
    '',
    line(rows[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
  ];
  const blocked = readiness.tables.filter((table) => table.verdict === 'blocked');
  if (blocked.length) {
    lines.push('', 'Ce qui bloque :');
    for (const table of blocked) {
      lines.push(`  ${table.table}`, ...table.blockers.map((blocker) => `    - ${blocker.detail}`));
    }
  }
  const { distributable, reference, blocked: blockedCount } = readiness.counts;
  lines.push(
    '',
    `Bilan : ${readiness.tables.length} tables — ${distributable} distribuable(s), ${reference} de référence, ` +
      `${blockedCount} bloquée(s) ; ${readiness.uniqueIndexesLackingTerritoryId} index unique(s) et ` +
      `${readiness.foreignKeysLackingTerritoryId} clé(s) étrangère(s) sans territory_id.`,
  );
  return lines.join('\n');
}
