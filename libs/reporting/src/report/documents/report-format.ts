import { frenchDate } from '@relais/config';
import { ActivityReport, FigureUnit, ReportFigure } from '../activity-report.model';

/**
 * What every output writes in place of a hidden figure: the same words in the PDF, the CSV files
 * and the web page. Not « < 5 »: a figure may also be hidden although large, so that a small one
 * cannot be worked out by subtraction from the total.
 */
export const SUPPRESSED_MARKER = 'secret statistique';

/** The small-count rule in plain French, for the PDF's cover and the CSV's readers. */
export function smallCountRule(threshold: number): string {
  return (
    `Secret statistique : un effectif inférieur à ${threshold} n’est pas publié, pour qu’aucune ` +
    'personne ne puisse être reconnue. Une autre valeur du même tableau est alors masquée elle ' +
    'aussi, pour que l’effectif caché ne puisse pas être retrouvé par soustraction du total.'
  );
}

export const UNIT_LABELS: Record<FigureUnit, string> = {
  COUNT: 'nombre',
  DAYS: 'jours (médiane)',
  PERCENT: 'pourcentage',
  MEAN: 'moyenne',
};

/** « du 1er janvier 2026 au 31 décembre 2026 ». */
export function periodLabel(from: string, to: string): string {
  const first = (date: string) => frenchDate(date).replace(/^1 /, '1er ');
  return `du ${first(from)} au ${first(to)}`;
}

export function reportPeriods(report: ActivityReport): { current: string; previous: string } {
  return {
    current: periodLabel(report.from, report.to),
    previous: periodLabel(report.previousFrom, report.previousTo),
  };
}

const decimals = (unit: FigureUnit) => (unit === 'COUNT' ? 0 : 1);

/**
 * A figure's value as read in French (« 1 234 », « 12,5 % », « 34 j »), or the marker. Never the
 * number of a suppressed figure, even if one were left in the structure by mistake. Thousands are
 * separated by a no-break space (U+00A0): the PDF's Helvetica has no narrow one.
 */
export function displayValue(value: number | null, suppressed: boolean, unit: FigureUnit): string {
  if (suppressed) return SUPPRESSED_MARKER;
  if (value === null) return '—';
  const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals(unit) })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
  if (unit === 'PERCENT') return `${number}\u00a0%`;
  if (unit === 'DAYS') return `${number}\u00a0j`;
  return number;
}

/**
 * The change from the previous period: in percent for counts and means, in points for shares, in
 * days for medians. Nothing when either side is hidden or absent, or when there was none before.
 */
export function evolution(figure: ReportFigure): string {
  const { value, previous, unit } = figure;
  if (figure.suppressed || figure.previousSuppressed || value === null || previous === null) return '—';
  const signed = (difference: number, digits: number, suffix: string) => {
    const rounded = Number(difference.toFixed(digits));
    if (rounded === 0) return `=`;
    const text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits })
      .format(Math.abs(rounded))
      .replace(/\u202f/g, '\u00a0');
    return `${rounded > 0 ? '+' : '-'}${text}${suffix}`;
  };
  if (unit === 'PERCENT') return signed(value - previous, 1, '\u00a0pt');
  if (unit === 'DAYS') return signed(value - previous, 1, '\u00a0j');
  if (previous === 0) return '—';
  return signed(((value - previous) / previous) * 100, 0, '\u00a0%');
}

/** « janv. 2026 » for `2026-01`. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}
