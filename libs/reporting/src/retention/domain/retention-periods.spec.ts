import {
  addMonths,
  anonymiseDueAt,
  archiveDueAt,
  auditPurgeBefore,
  DEFAULT_RETENTION,
  lastContactOf,
  retentionProblems,
} from './retention-periods';

const at = (iso: string) => new Date(iso);

describe('retention date rules', () => {
  it('counts calendar months, keeping the day or the last day of a shorter month', () => {
    expect(addMonths(at('2024-01-31T10:00:00Z'), 1)).toEqual(at('2024-02-29T10:00:00Z'));
    expect(addMonths(at('2024-03-15T00:00:00Z'), -12)).toEqual(at('2023-03-15T00:00:00Z'));
    expect(addMonths(at('2024-02-29T08:00:00Z'), 24)).toEqual(at('2026-02-28T08:00:00Z'));
  });

  it('archives two years after the last contact, anonymises five years after archiving', () => {
    const lastContact = lastContactOf(at('2024-05-10T09:00:00Z'), at('2024-06-01T12:00:00Z'));
    expect(lastContact).toEqual(at('2024-06-01T12:00:00Z'));
    expect(archiveDueAt(lastContact, DEFAULT_RETENTION)).toEqual(at('2026-06-01T12:00:00Z'));
    expect(anonymiseDueAt(at('2026-06-02T03:00:00Z'), DEFAULT_RETENTION)).toEqual(at('2031-06-02T03:00:00Z'));
    // A timeline line older than the closing does not move the last contact back.
    expect(lastContactOf(at('2024-05-10T09:00:00Z'), at('2024-01-01T00:00:00Z'))).toEqual(
      at('2024-05-10T09:00:00Z'),
    );
  });

  it('purges audit events older than twelve months by default', () => {
    expect(auditPurgeBefore(at('2026-12-03T19:00:00Z'), DEFAULT_RETENTION)).toEqual(
      at('2025-12-03T19:00:00Z'),
    );
  });
});

describe('retention periods a territory may choose', () => {
  it('accepts the defaults without a justification', () => {
    expect(retentionProblems(DEFAULT_RETENTION, null)).toEqual([]);
  });

  it('refuses an audit log kept under six months and periods out of bounds, in French, by field', () => {
    expect(
      retentionProblems({ activeMonths: 6, archiveMonths: 200, auditMonths: 5 }, 'Demande du DPO'),
    ).toEqual([
      {
        field: 'activeMonths',
        message: 'La conservation en base active ne peut pas être inférieure à 12 mois.',
      },
      { field: 'archiveMonths', message: 'La durée d’archivage ne peut pas dépasser 120 mois.' },
      {
        field: 'auditMonths',
        message: 'La conservation du journal d’audit ne peut pas être inférieure à 6 mois.',
      },
    ]);
  });

  it('asks why a territory departs from the defaults', () => {
    expect(retentionProblems({ ...DEFAULT_RETENTION, auditMonths: 6 }, '  ')).toEqual([
      { field: 'justification', message: 'Indiquez pourquoi ce territoire s’écarte des durées par défaut.' },
    ]);
    expect(retentionProblems({ ...DEFAULT_RETENTION, auditMonths: 6 }, 'Volume du journal')).toEqual([]);
  });
});
