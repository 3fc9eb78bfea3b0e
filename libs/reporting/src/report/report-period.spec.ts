import { median, monthsOf, reportPeriod, reportPeriodProblems } from './report-period';

describe('report period', () => {
  it('compares whole months with as many whole months before', () => {
    expect(reportPeriod('2025-01-01', '2025-12-31')).toMatchObject({
      previousFrom: '2024-01-01',
      previousTo: '2024-12-31',
    });
    expect(reportPeriod('2024-03-01', '2024-05-31')).toMatchObject({
      previousFrom: '2023-12-01',
      previousTo: '2024-02-29',
    });
  });

  it('compares any other span with as many days just before', () => {
    expect(reportPeriod('2025-03-10', '2025-03-19')).toMatchObject({
      previousFrom: '2025-02-28',
      previousTo: '2025-03-09',
    });
    expect(reportPeriod('2025-06-15', '2025-06-15')).toMatchObject({
      previousFrom: '2025-06-14',
      previousTo: '2025-06-14',
    });
  });

  it('lists every month the period touches', () => {
    expect(monthsOf('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(reportPeriod('2025-01-01', '2025-12-31').months).toHaveLength(12);
  });

  it('answers each problem in French, by field', () => {
    expect(reportPeriodProblems('2025-02-30', 'demain')).toEqual([
      { field: 'from', message: 'La date de début n’est pas une date valide (AAAA-MM-JJ).' },
      { field: 'to', message: 'La date de fin n’est pas une date valide (AAAA-MM-JJ).' },
    ]);
    expect(reportPeriodProblems('2025-06-01', '2025-05-31')).toEqual([
      { field: 'from', message: 'La date de début doit précéder la date de fin.' },
    ]);
    expect(reportPeriodProblems('2022-01-01', '2024-12-31')).toEqual([]);
    expect(reportPeriodProblems('2022-01-01', '2025-01-01')).toEqual([
      { field: 'to', message: 'Un bilan couvre 3 ans au plus.' },
    ]);
  });

  it('takes the median of delays, the middle two averaged', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 4, 30])).toBe(7);
  });
});
