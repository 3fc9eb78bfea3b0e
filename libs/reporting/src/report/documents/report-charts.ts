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
import type { ChartConfiguration, ChartItem } from 'chart.js';
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
export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 220;

const CURRENT_COLOUR = '#1f4e8c';
const PREVIOUS_COLOUR = '#9fb3cc';

function draw(configuration: ChartConfiguration): Buffer {
  registerFonts();
  // chart.js lays out at this size and enlarges the canvas itself by the pixel ratio.
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const context = canvas.getContext('2d');
  // chart.js's headless platform takes any object with a 2D context; Skia's is one.
  const chart = new Chart(
    context as unknown as ChartItem,
    {
      ...configuration,
      options: {
        ...configuration.options,
        locale: 'fr-FR',
        responsive: false,
        animation: false,
        devicePixelRatio: SCALE,
      },
    } as ChartConfiguration,
  );
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

/** Long labels wrapped on words, at most about 18 characters a line, so bars keep their room. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= 18) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * This period against the previous one, one pair of bars per figure. A hidden figure has no bar
 * (null, never its number) and its label says so.
 */
export function breakdownBarChart(
  breakdown: ReportBreakdown,
  legends: { current: string; previous: string },
): Buffer {
  const figures = breakdown.figures;
  return draw({
    type: 'bar',
    data: {
      labels: figures.map((figure) =>
        figure.suppressed || figure.previousSuppressed
          ? [...wrap(figure.label), '(secret statistique)']
          : wrap(figure.label),
      ),
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
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}

/** A count per month; a hidden month breaks the line rather than being drawn as zero. */
export function monthlyLineChart(series: MonthlySeries): Buffer {
  return draw({
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
  });
}
