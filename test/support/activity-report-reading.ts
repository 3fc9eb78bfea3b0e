/**
 * Reading the activity report in tests: the query with every field, and the checks any report
 * must pass whatever the figures (no small count shown, none given back by a total).
 */
export const REPORT = /* GraphQL */ `
  query ($t: ID!, $from: String!, $to: String!) {
    activityReport(territoryId: $t, from: $from, to: $to) {
      territoryId
      territoryName
      from
      to
      previousFrom
      previousTo
      smallCountThreshold
      generatedAt
      sections {
        key
        title
        breakdowns {
          key
          title
          chart
          figures {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
          total {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
        }
        series {
          key
          title
          points {
            month
            value
          }
        }
      }
    }
  }
`;

export interface Figure {
  key: string;
  unit: string;
  value: number | null;
  previous: number | null;
  suppressed: boolean;
  previousSuppressed: boolean;
}
export interface Breakdown {
  key: string;
  figures: Figure[];
  total: Figure | null;
}
export interface Report {
  smallCountThreshold: number;
  generatedAt?: string;
  sections: {
    key: string;
    breakdowns: Breakdown[];
    series: { key: string; points: { month: string; value: number | null }[] }[];
  }[];
}

export function allFigures(report: Report): Figure[] {
  return report.sections.flatMap((section) =>
    section.breakdowns.flatMap((b) => [...b.figures, ...(b.total ? [b.total] : [])]),
  );
}

export function figure(report: Report, key: string): Figure {
  const found = allFigures(report).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Chiffre absent : ${key}`);
  return found;
}

export function series(report: Report, key: string): (number | null)[] {
  const found = report.sections.flatMap((section) => section.series).find((s) => s.key === key);
  if (!found) throw new Error(`Courbe absente : ${key}`);
  return found.points.map((point) => point.value);
}

/** Whole days from one calendar day to another. */
export function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * No count under the threshold is shown, and no shown total minus the shown parts gives back a
 * single hidden one: in a breakdown with a total as in a monthly series.
 */
export function assertNothingGivenBack(report: Report): void {
  const threshold = report.smallCountThreshold;
  for (const breakdown of report.sections.flatMap((section) => section.breakdowns)) {
    for (const shown of [...breakdown.figures, ...(breakdown.total ? [breakdown.total] : [])]) {
      if (shown.unit === 'COUNT' && !shown.suppressed)
        expect(shown.value === 0 || shown.value! >= threshold).toBe(true);
      if (shown.unit === 'COUNT' && !shown.previousSuppressed)
        expect(shown.previous === 0 || shown.previous! >= threshold).toBe(true);
      if (shown.suppressed) expect(shown.value).toBeNull();
      if (shown.previousSuppressed) expect(shown.previous).toBeNull();
    }
    if (breakdown.total && !breakdown.total.suppressed && breakdown.key !== 'referrals.byDifficultyArea') {
      const parts = breakdown.figures.filter((shown) => shown.unit === 'COUNT');
      const concealed = parts.filter((shown) => shown.suppressed);
      expect(concealed.length === 0 || concealed.length >= 2).toBe(true);
      if (concealed.length === 0)
        expect(parts.reduce((sum, shown) => sum + shown.value!, 0)).toBe(breakdown.total.value);
    }
  }
  const total = figure(report, 'referrals.total');
  const months = series(report, 'referrals.perMonth');
  const concealed = months.filter((value) => value === null);
  if (!total.suppressed) expect(concealed.length === 0 || concealed.length >= 2).toBe(true);
}
