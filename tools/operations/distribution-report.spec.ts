import { assessDistribution } from '@relais/database';
import { formatDistributionReport } from './distribution-report';

describe('the operators’ distribution report', () => {
  const readiness = assessDistribution({
    tables: [
      { table: 'kinds', territoryNullable: null, estimatedRows: 12 },
      { table: 'notes', territoryNullable: false, estimatedRows: -1 },
      { table: 'reports', territoryNullable: false, estimatedRows: 40_000 },
    ],
    indexes: [
      { table: 'kinds', name: 'pk_kinds', columns: ['code'], primaryKey: true, exclusion: false },
      { table: 'notes', name: 'pk_notes', columns: ['id'], primaryKey: true, exclusion: false },
      {
        table: 'reports',
        name: 'pk_reports',
        columns: ['territory_id', 'id'],
        primaryKey: true,
        exclusion: false,
      },
    ],
    foreignKeys: [
      {
        table: 'notes',
        name: 'fk_notes_report',
        columns: ['report_id'],
        referencedTable: 'reports',
        referencedColumns: ['id'],
      },
      {
        table: 'notes',
        name: 'fk_notes_kind',
        columns: ['kind'],
        referencedTable: 'kinds',
        referencedColumns: ['code'],
      },
    ],
  });
  const report = formatDistributionReport(readiness).split('\n');

  it('gives one line per table in French, with what lacks territory_id out of what there is', () => {
    expect(report.slice(2, 7)).toEqual([
      'Table    territory_id  Uniques sans  Clés étr. sans  Lignes (estim.)  Verdict',
      '-------  ------------  ------------  --------------  ---------------  ------------',
      'kinds    non           s.o.          —               12               référence',
      'notes    oui           1 / 1         1 / 2           ?                bloquée',
      'reports  oui           0 / 1         —               40000            distribuable',
    ]);
  });

  it('says what blocks each blocked table, then the totals', () => {
    expect(report.slice(8)).toEqual([
      'Ce qui bloque :',
      '  notes',
      '    - clé primaire pk_notes (id) sans territory_id',
      '    - clé étrangère fk_notes_report (report_id) → reports (id) sans territory_id des deux côtés',
      '',
      'Bilan : 3 tables — 1 distribuable(s), 1 de référence, 1 bloquée(s) ; 1 index unique(s) et 1 clé(s) étrangère(s) sans territory_id.',
    ]);
  });
});
