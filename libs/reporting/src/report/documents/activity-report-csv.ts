import { ActivityReport, FigureUnit, ReportFigure } from '../activity-report.model';
import { SUPPRESSED_MARKER, UNIT_LABELS } from './report-format';

/*
 * CSV for French Excel: UTF-8 with a byte-order mark (without it Excel reads accents as Latin-1),
 * `;` between fields and a decimal comma (the separators of a French Excel), CRLF line ends.
 * Numbers carry no thousands separator nor unit, so a spreadsheet reads them as numbers; the unit
 * has its own column.
 */
const BOM = '\ufeff';

function field(value: string): string {
  // A cell starting like a formula would be run by the spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: string[][]): string {
  return BOM + rows.map((cells) => cells.map(field).join(';')).join('\r\n') + '\r\n';
}

/** A value for a spreadsheet: « 12,5 », empty when there is nothing, the marker when hidden. */
function number(value: number | null, suppressed: boolean, unit: FigureUnit): string {
  if (suppressed) return SUPPRESSED_MARKER;
  if (value === null) return '';
  const rounded = unit === 'COUNT' ? Math.round(value) : Math.round(value * 10) / 10;
  return String(rounded).replace('.', ',');
}

/** One line per figure: section; tableau; indicateur; clé; unité; période; période précédente. */
export function activityReportFiguresCsv(report: ActivityReport): string {
  const rows = [['section', 'tableau', 'indicateur', 'clé', 'unité', 'période', 'période précédente']];
  for (const section of report.sections) {
    for (const breakdown of section.breakdowns) {
      const figures: ReportFigure[] = breakdown.total
        ? [...breakdown.figures, breakdown.total]
        : breakdown.figures;
      for (const figure of figures) {
        rows.push([
          section.title,
          breakdown.title,
          figure.label,
          figure.key,
          UNIT_LABELS[figure.unit],
          number(figure.value, figure.suppressed, figure.unit),
          number(figure.previous, figure.previousSuppressed, figure.unit),
        ]);
      }
    }
  }
  return csv(rows);
}

/** One line per month of each series: section; courbe; clé; mois (`AAAA-MM`); valeur. */
export function activityReportSeriesCsv(report: ActivityReport): string {
  const rows = [['section', 'courbe', 'clé', 'mois', 'valeur']];
  for (const section of report.sections) {
    for (const series of section.series) {
      for (const point of series.points) {
        // The structure gives a hidden month as null: in a series, null means hidden.
        rows.push([
          section.title,
          series.title,
          series.key,
          point.month,
          number(point.value, point.value === null, 'COUNT'),
        ]);
      }
    }
  }
  return csv(rows);
}
