import { frenchMoment, heading, renderPdf } from '@relais/documents';
import { ActivityReport, ReportBreakdown, ReportFigure } from '../activity-report.model';
import type { ChartImage } from './report-charts';
import { displayValue, evolution, reportPeriods, smallCountRule, SUPPRESSED_MARKER } from './report-format';

const COLUMNS = [
  { title: 'Indicateur', width: 223, align: 'left' as const },
  { title: 'Période', width: 95, align: 'right' as const },
  { title: 'Période précédente', width: 95, align: 'right' as const },
  { title: 'Évolution', width: 70, align: 'right' as const },
];
const CELL_PADDING = 4;
const RULE_COLOUR = '#b8c2cc';

/**
 * The activity report for the steering committee: a cover saying what and when, then one part per
 * section, each table followed by its bar chart, then the section's monthly line charts. Hidden
 * figures read « secret statistique » and have no bar; nothing about a person is in the structure.
 */
export async function renderActivityReportPdf(report: ActivityReport): Promise<Buffer> {
  // Chart.js and the canvas are loaded with the first report, not with the api.
  const { breakdownBarChart, monthlyLineChart } = await import('./report-charts');
  const periods = reportPeriods(report);
  return renderPdf(`Bilan d’activité — ${report.territoryName}`, (document) => {
    document.fontSize(12).text(`Période : ${periods.current}`);
    document.text(`Comparée à la période précédente : ${periods.previous}`);
    document
      .moveDown(0.5)
      .fontSize(10)
      .text(`Édité le ${frenchMoment(report.generatedAt)}.`);
    heading(document, 'Lire ce bilan');
    document.text(
      'Chaque tableau donne la valeur de la période, celle de la période précédente de même durée et ' +
        'l’évolution (en pourcentage pour un nombre ou une moyenne, en points pour une part, en jours ' +
        'pour une durée médiane). Les durées sont des médianes en jours calendaires.',
    );
    document.moveDown(0.5).text(smallCountRule(report.smallCountThreshold));
    document
      .moveDown(0.5)
      .text('Ce bilan ne contient que des effectifs et des mesures : aucune donnée personnelle.');

    for (const section of report.sections) {
      document.addPage();
      document.font('Helvetica-Bold').fontSize(15).text(section.title).font('Helvetica').fontSize(10);
      for (const breakdown of section.breakdowns) {
        // A table's title is not left alone at the foot of a page.
        if (document.y + 90 > bottom(document)) document.addPage();
        heading(document, breakdown.title);
        table(document, breakdown, report.smallCountThreshold);
        if (breakdown.chart === 'BAR' && breakdown.figures.length > 0) {
          chart(
            document,
            breakdownBarChart(breakdown, { current: 'Période', previous: 'Période précédente' }),
          );
        }
      }
      for (const series of section.series) {
        const line = monthlyLineChart(series);
        // The heading goes with its chart: on the next page too when they do not fit together here.
        if (document.y + 40 + drawnHeight(document, line) > bottom(document)) document.addPage();
        heading(document, `${series.title} — par mois`);
        chart(document, line);
        if (series.points.some((point) => point.value === null)) {
          footnote(
            document,
            `Un mois sans point est en ${SUPPRESSED_MARKER} (effectif inférieur à ${report.smallCountThreshold}).`,
          );
        }
      }
    }
  });
}

function bottom(document: PDFKit.PDFDocument): number {
  return document.page.height - document.page.margins.bottom;
}

function row(document: PDFKit.PDFDocument, cells: string[], bold: boolean): void {
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  const heights = cells.map((cell, index) =>
    document.heightOfString(cell, { width: COLUMNS[index].width - 2 * CELL_PADDING }),
  );
  const height = Math.max(...heights) + 2 * CELL_PADDING;
  if (document.y + height > bottom(document)) document.addPage();
  const top = document.y;
  let x = document.page.margins.left;
  cells.forEach((cell, index) => {
    const column = COLUMNS[index];
    document.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
      width: column.width - 2 * CELL_PADDING,
      align: column.align,
    });
    x += column.width;
  });
  const right = document.page.margins.left + COLUMNS.reduce((sum, column) => sum + column.width, 0);
  document
    .moveTo(document.page.margins.left, top + height)
    .lineTo(right, top + height)
    .lineWidth(0.5)
    .strokeColor(RULE_COLOUR)
    .stroke();
  document.x = document.page.margins.left;
  document.y = top + height;
}

function cells(figure: ReportFigure): string[] {
  return [
    figure.label,
    displayValue(figure.value, figure.suppressed, figure.unit),
    displayValue(figure.previous, figure.previousSuppressed, figure.unit),
    evolution(figure),
  ];
}

function table(document: PDFKit.PDFDocument, breakdown: ReportBreakdown, threshold: number): void {
  document.moveDown(0.3);
  row(
    document,
    COLUMNS.map((column) => column.title),
    true,
  );
  for (const figure of breakdown.figures) row(document, cells(figure), false);
  if (breakdown.total) row(document, cells(breakdown.total), true);
  const all = breakdown.total ? [...breakdown.figures, breakdown.total] : breakdown.figures;
  if (all.some((figure) => figure.suppressed || figure.previousSuppressed)) {
    footnote(
      document,
      `${SUPPRESSED_MARKER} : effectif inférieur à ${threshold}, ou valeur masquée pour qu’un petit ` +
        'effectif ne puisse être retrouvé par différence.',
    );
  }
  document.font('Helvetica').fontSize(10);
}

function footnote(document: PDFKit.PDFDocument, text: string): void {
  document.moveDown(0.3).font('Helvetica-Oblique').fontSize(8).fillColor('#333333').text(text);
  document.font('Helvetica').fontSize(10).fillColor('black');
}

/** The chart's height once scaled into the text width. */
function drawnHeight(document: PDFKit.PDFDocument, chart: ChartImage): number {
  const width = Math.min(
    chart.width,
    document.page.width - document.page.margins.left - document.page.margins.right,
  );
  return (chart.height * width) / chart.width;
}

/** The chart scaled into the text width, on the next page when the rest of this one is too short. */
function chart(document: PDFKit.PDFDocument, drawn: ChartImage): void {
  const height = drawnHeight(document, drawn);
  const width = (drawn.width * height) / drawn.height;
  document.moveDown(0.5);
  if (document.y + height > bottom(document)) document.addPage();
  const top = document.y;
  document.image(drawn.image, document.page.margins.left, top, { width, height });
  document.x = document.page.margins.left;
  document.y = top + height + 6;
}
