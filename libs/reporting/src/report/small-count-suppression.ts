import { FigureUnit, MonthlySeries, ReportBreakdown, ReportFigure } from './activity-report.model';

/**
 * Small-count suppression of the activity report, pure so it can be proved on its own. A count
 * above zero and under the territory's threshold could point at a person: it is hidden (primary
 * suppression). Where figures add up to a shown total, the total minus the shown cells gives a
 * lone hidden cell back, so a second cell is hidden with it, or the total (complementary
 * suppression). Medians, means and shares resting on fewer cases than the threshold are hidden.
 * Each period is suppressed on its own figures.
 */

/** One period's measure of a figure, and the counts it rests on (a median's cases, a share's parts). */
export interface PeriodMeasure {
  value: number | null;
  /** Absent for a count: the count itself. */
  basis?: number[];
}

/** A figure as computed, before suppression. */
export interface MeasuredFigure {
  key: string;
  label: string;
  unit: FigureUnit;
  current: PeriodMeasure;
  previous: PeriodMeasure;
}

export interface MeasuredBreakdown {
  key: string;
  title: string;
  chart: 'BAR' | 'NONE';
  figures: MeasuredFigure[];
  /** The count the breakdown's COUNT figures add up to, when they do. */
  total: MeasuredFigure | null;
}

export interface MeasuredSeries {
  key: string;
  title: string;
  points: { month: string; current: number }[];
  /** The count the months add up to, when another figure shows it. */
  total: number | null;
}

export function isSmallCount(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** Hidden by itself: a small count, or a measure resting on a small count. */
export function primarilyHidden(measure: PeriodMeasure, threshold: number): boolean {
  if (measure.value === null) return false;
  const basis = measure.basis ?? [measure.value];
  return basis.some((count) => isSmallCount(count, threshold));
}

/**
 * Which cells of one period to hide, given which already are, so that `total` minus the shown
 * cells never gives one hidden cell back. The next smallest non-zero shown cell goes with a lone
 * hidden one; when there is none, the total goes instead.
 */
export function complementaryHiding(
  cells: readonly (number | null)[],
  alreadyHidden: readonly boolean[],
  total: number | null,
  threshold: number,
): { hidden: boolean[]; totalHidden: boolean } {
  const hidden = [...alreadyHidden];
  let totalHidden = total !== null && isSmallCount(total, threshold);
  if (total === null || totalHidden) return { hidden, totalHidden };
  while (hidden.filter(Boolean).length === 1) {
    let next = -1;
    cells.forEach((cell, index) => {
      if (hidden[index] || cell === null || cell === 0) return;
      if (next === -1 || cell < cells[next]!) next = index;
    });
    if (next === -1) {
      totalHidden = true;
      break;
    }
    hidden[next] = true;
  }
  return { hidden, totalHidden };
}

interface PeriodOutcome {
  figures: boolean[];
  total: boolean;
}

function suppressPeriod(
  breakdown: MeasuredBreakdown,
  period: 'current' | 'previous',
  threshold: number,
): PeriodOutcome {
  const primary = breakdown.figures.map((figure) => primarilyHidden(figure[period], threshold));
  if (!breakdown.total) return { figures: primary, total: false };
  // Only counts add up to the total; the other figures keep their own hiding.
  const counted = breakdown.figures
    .map((figure, index) => ({ figure, index }))
    .filter(({ figure }) => figure.unit === 'COUNT');
  const { hidden, totalHidden } = complementaryHiding(
    counted.map(({ figure }) => figure[period].value),
    counted.map(({ index }) => primary[index]),
    breakdown.total[period].value,
    threshold,
  );
  const figures = [...primary];
  counted.forEach(({ index }, position) => (figures[index] = hidden[position]));
  return { figures, total: totalHidden || primarilyHidden(breakdown.total[period], threshold) };
}

function shown(figure: MeasuredFigure, hiddenNow: boolean, hiddenBefore: boolean): ReportFigure {
  return {
    key: figure.key,
    label: figure.label,
    unit: figure.unit,
    value: hiddenNow ? null : figure.current.value,
    previous: hiddenBefore ? null : figure.previous.value,
    suppressed: hiddenNow,
    previousSuppressed: hiddenBefore,
  };
}

/** The breakdown as people may read it: hidden values are null and said suppressed. */
export function suppressBreakdown(breakdown: MeasuredBreakdown, threshold: number): ReportBreakdown {
  const now = suppressPeriod(breakdown, 'current', threshold);
  const before = suppressPeriod(breakdown, 'previous', threshold);
  return {
    key: breakdown.key,
    title: breakdown.title,
    chart: breakdown.chart,
    figures: breakdown.figures.map((figure, index) =>
      shown(figure, now.figures[index], before.figures[index]),
    ),
    total: breakdown.total ? shown(breakdown.total, now.total, before.total) : null,
  };
}

/** A monthly series: small months hidden, and a second one when the months add up to a shown total. */
export function suppressSeries(series: MeasuredSeries, threshold: number): MonthlySeries {
  const values = series.points.map((point) => point.current);
  const { hidden } = complementaryHiding(
    values,
    values.map((value) => isSmallCount(value, threshold)),
    series.total,
    threshold,
  );
  return {
    key: series.key,
    title: series.title,
    points: series.points.map((point, index) => ({
      month: point.month,
      value: hidden[index] ? null : point.current,
    })),
  };
}
