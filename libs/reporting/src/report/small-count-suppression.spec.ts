import {
  complementaryHiding,
  MeasuredBreakdown,
  MeasuredFigure,
  suppressBreakdown,
  suppressSeries,
} from './small-count-suppression';

function count(key: string, current: number, previous = current): MeasuredFigure {
  return { key, label: key, unit: 'COUNT', current: { value: current }, previous: { value: previous } };
}

function breakdown(cells: number[], total: number | null, previous?: number[]): MeasuredBreakdown {
  return {
    key: 'b',
    title: 'b',
    chart: 'BAR',
    figures: cells.map((cell, index) => count(`c${index}`, cell, previous?.[index] ?? cell)),
    total:
      total === null
        ? null
        : count('total', total, previous ? previous.reduce((sum, cell) => sum + cell, 0) : total),
  };
}

/** What someone holding the shown figures can compute: the total minus the shown cells. */
function recoverable(shown: ReturnType<typeof suppressBreakdown>): number[] {
  const hidden = shown.figures.filter((figure) => figure.suppressed);
  if (!shown.total || shown.total.suppressed || hidden.length !== 1) return [];
  const visible = shown.figures.filter((figure) => !figure.suppressed);
  return [shown.total.value! - visible.reduce((sum, figure) => sum + figure.value!, 0)];
}

describe('small-count suppression', () => {
  it('hides counts above zero and under the threshold, shows zeros and larger counts', () => {
    const shown = suppressBreakdown(breakdown([0, 4, 5, 12, 2], null), 5);
    expect(shown.figures.map((figure) => figure.value)).toEqual([0, null, 5, 12, null]);
    expect(shown.figures.map((figure) => figure.suppressed)).toEqual([false, true, false, false, true]);
  });

  it('hides the next smallest cell with a lone hidden one, so the total cannot give it back', () => {
    const shown = suppressBreakdown(breakdown([3, 8, 20, 0], 31), 5);
    expect(shown.figures.map((figure) => figure.value)).toEqual([null, null, 20, 0]);
    expect(shown.total).toMatchObject({ value: 31, suppressed: false });
    expect(recoverable(shown)).toEqual([]);
  });

  it('leaves two hidden cells alone, and hides nothing more when none is small', () => {
    expect(suppressBreakdown(breakdown([2, 3, 9], 14), 5).figures.map((figure) => figure.value)).toEqual([
      null,
      null,
      9,
    ]);
    expect(suppressBreakdown(breakdown([6, 7, 9], 22), 5).figures.every((figure) => !figure.suppressed)).toBe(
      true,
    );
  });

  it('hides a small total, whose cells are then all small or zero', () => {
    const shown = suppressBreakdown(breakdown([3, 0], 3), 5);
    expect(shown.total).toMatchObject({ value: null, suppressed: true });
    expect(shown.figures.map((figure) => figure.value)).toEqual([null, 0]);
  });

  it('never lets a total give one hidden cell back, whatever the cells', () => {
    for (let seed = 1; seed < 400; seed += 1) {
      const cells = [seed % 7, (seed * 3) % 11, (seed * 5) % 13, (seed * 7) % 4];
      const total = cells.reduce((sum, cell) => sum + cell, 0);
      for (const threshold of [3, 5]) {
        const shown = suppressBreakdown(breakdown(cells, total), threshold);
        expect(recoverable(shown)).toEqual([]);
        for (const figure of shown.figures) {
          if (!figure.suppressed) expect(figure.value === 0 || figure.value! >= threshold).toBe(true);
        }
      }
    }
  });

  it('suppresses the previous period on its own figures', () => {
    const shown = suppressBreakdown(breakdown([10, 10], 20, [1, 9]), 5);
    expect(shown.figures.map((figure) => [figure.value, figure.previous])).toEqual([
      [10, null],
      [10, null],
    ]);
    expect(shown.figures.map((figure) => figure.previousSuppressed)).toEqual([true, true]);
  });

  it('hides medians, means and shares resting on too few cases', () => {
    const median: MeasuredFigure = {
      key: 'm',
      label: 'm',
      unit: 'DAYS',
      current: { value: 12, basis: [4] },
      previous: { value: 9, basis: [6] },
    };
    const share: MeasuredFigure = {
      key: 's',
      label: 's',
      unit: 'PERCENT',
      current: { value: 95, basis: [38, 40, 2] },
      previous: { value: 50, basis: [20, 40, 20] },
    };
    const shown = suppressBreakdown(
      { key: 'k', title: 'k', chart: 'NONE', figures: [median, share], total: null },
      5,
    );
    expect(shown.figures.map((figure) => [figure.value, figure.previous])).toEqual([
      [null, 9],
      [null, 50],
    ]);
  });

  it('hides small months, and a second one when the months add up to a shown total', () => {
    const series = suppressSeries(
      {
        key: 's',
        title: 's',
        points: [
          { month: '2026-01', current: 2 },
          { month: '2026-02', current: 7 },
          { month: '2026-03', current: 6 },
          { month: '2026-04', current: 0 },
        ],
        total: 15,
      },
      5,
    );
    expect(series.points.map((point) => point.value)).toEqual([null, 7, null, 0]);
  });

  it('hides the total instead when no other cell can go with a lone hidden one', () => {
    expect(complementaryHiding([4, 0], [true, false], 4, 3)).toEqual({
      hidden: [true, false],
      totalHidden: true,
    });
  });
});
