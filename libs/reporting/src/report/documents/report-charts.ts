import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';
import type { ChartConfiguration, ChartItem, Plugin } from 'chart.js';
import { dirname, join } from 'node:path';
import { MonthlySeries, ReportBreakdown } from '../activity-report.model';
import { monthLabel } from './report-format';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
);

/*
 * The font travels with the code (an npm package), so the charts' words render the same on a server
 * with no system font at all; registered under its own name so no system font is ever picked.
 */
const FAMILY = 'RelaisChartInter';
let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  GlobalFonts.registerFromPath(join(files, 'inter-latin-400-normal.woff2'), FAMILY);
  GlobalFonts.registerFromPath(join(files, 'inter-latin-700-normal.woff2'), FAMILY);
  Chart.defaults.font.family = FAMILY;
  Chart.defaults.font.size = 11;
  Chart.defaults.color = '#222222';
  fontsRegistered = true;
}

/** Drawn at three times the size it takes in the PDF, so it stays sharp when printed. */
const SCALE = 3;
/** In PDF points: the text width of an A4 page with the documents' margins. */
export const CHART_WIDTH = 480;
const LINE_CHART_HEIGHT = 220;

const CURRENT_COLOUR = '#1f4e8c';
const PREVIOUS_COLOUR = '#9fb3cc';

/** A chart as an image, and the size (in PDF points) it is drawn at. */
export interface ChartImage {
  image: Buffer;
  width: number;
  height: number;
}

/** A JPEG has no transparency: the chart is drawn on white. */
const WHITE_BACKGROUND: Plugin = {
  id: 'relaisWhiteBackground',
  beforeDraw(chart) {
    chart.ctx.save();
    chart.ctx.fillStyle = '#ffffff';
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

function draw(configuration: ChartConfiguration, height: number): ChartImage {
  registerFonts();
  // chart.js lays out at this size and enlarges the canvas itself by the pixel ratio.
  const canvas = createCanvas(CHART_WIDTH, height);
  const context = canvas.getContext('2d');
  // chart.js's headless platform takes any object with a 2D context; Skia's is one.
  const chart = new Chart(
    context as unknown as ChartItem,
    {
      ...configuration,
      plugins: [WHITE_BACKGROUND],
      options: {
        ...configuration.options,
        locale: 'fr-FR',
        responsive: false,
        animation: false,
        devicePixelRatio: SCALE,
      },
    } as ChartConfiguration,
  );
  // JPEG: pdfkit embeds it as it is, where a PNG's alpha channel costs it a pixel-by-pixel split
  // (seconds for a whole report); at three times the size, its compression does not show.
  const image = canvas.toBuffer('image/jpeg', 92);
  chart.destroy();
  return { image, width: CHART_WIDTH, height };
}

/** Long labels wrapped on words, about 30 characters a line, beside their bars. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= 30) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * This period against the previous one, one pair of horizontal bars per figure (long French labels
 * read beside their bars). A hidden figure has no bar (null, never its number) and says so.
 */
export function breakdownBarChart(
  breakdown: ReportBreakdown,
  legends: { current: string; previous: string },
): ChartImage {
  const figures = breakdown.figures;
  const labels = figures.map((figure) =>
    figure.suppressed || figure.previousSuppressed
      ? [...wrap(figure.label), '(secret statistique)']
      : wrap(figure.label),
  );
  const lines = labels.reduce((sum, label) => sum + Math.max(label.length, 2), 0);
  return draw(
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: legends.previous,
            data: figures.map((figure) => (figure.previousSuppressed ? null : figure.previous)),
            backgroundColor: PREVIOUS_COLOUR,
          },
          {
            label: legends.current,
            data: figures.map((figure) => (figure.suppressed ? null : figure.value)),
            backgroundColor: CURRENT_COLOUR,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { ticks: { autoSkip: false } },
        },
      },
    },
    60 + lines * 16,
  );
}

/** A count per month; a hidden month breaks the line rather than being drawn as zero. */
export function monthlyLineChart(series: MonthlySeries): ChartImage {
  return draw(
    {
      type: 'line',
      data: {
        labels: series.points.map((point) => monthLabel(point.month)),
        datasets: [
          {
            label: series.title,
            data: series.points.map((point) => point.value),
            borderColor: CURRENT_COLOUR,
            backgroundColor: CURRENT_COLOUR,
            spanGaps: false,
            pointRadius: 3,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { autoSkip: false, maxRotation: 45 } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    },
    LINE_CHART_HEIGHT,
  );
}
