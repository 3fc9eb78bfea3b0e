/**
 * A figure of the activity report as the page writes it: the words of the PDF and the CSV files
 * (« secret statistique » for a hidden figure), numbers in French.
 */
export const SUPPRESSED_MARKER = 'secret statistique';

export type FigureUnit = 'COUNT' | 'DAYS' | 'PERCENT' | 'MEAN';

export interface ShownFigure {
  unit: FigureUnit;
  value: number | null;
  previous: number | null;
  suppressed: boolean;
  previousSuppressed: boolean;
}

const number = (value: number, unit: FigureUnit) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: unit === 'COUNT' ? 0 : 1 }).format(value);

/** « 1 234 », « 12,5 % », « 23,5 j », the marker, or « — » when there is nothing to measure. */
export function figureText(value: number | null, suppressed: boolean, unit: FigureUnit): string {
  if (suppressed) return SUPPRESSED_MARKER;
  if (value === null) return '—';
  if (unit === 'PERCENT') return `${number(value, unit)} %`;
  if (unit === 'DAYS') return `${number(value, unit)} j`;
  return number(value, unit);
}

/** The change since the previous period, written as in the PDF; « — » when it cannot be given. */
export function evolutionText(figure: ShownFigure): string {
  const { value, previous, unit } = figure;
  if (figure.suppressed || figure.previousSuppressed || value === null || previous === null) return '—';
  const signed = (difference: number, digits: number, suffix: string) => {
    const rounded = Number(difference.toFixed(digits));
    if (rounded === 0) return '=';
    const text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(Math.abs(rounded));
    return `${rounded > 0 ? '+' : '-'}${text}${suffix}`;
  };
  if (unit === 'PERCENT') return signed(value - previous, 1, ' pt');
  if (unit === 'DAYS') return signed(value - previous, 1, ' j');
  if (previous === 0) return '—';
  return signed(((value - previous) / previous) * 100, 0, ' %');
}

/** « janvier 2026 » for `2026-01`. */
export function monthText(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (index ?? 1) - 1, 1)),
  );
}
