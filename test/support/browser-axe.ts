import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

/** WCAG 2.1 levels A and AA, the RGAA's reference. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Result = AxeResults['violations'][number];

/** axe with its French messages, so a failure reads as the rest of the project does. */
let frenchAxe: string | undefined;
function axeSource(): string {
  if (frenchAxe) return frenchAxe;
  // The axe-core that @axe-core/playwright depends on, found as it finds it.
  const paths = [dirname(require.resolve('@axe-core/playwright'))];
  const source = readFileSync(require.resolve('axe-core/axe.min.js', { paths }), 'utf8');
  const french = readFileSync(require.resolve('axe-core/locales/fr.json', { paths }), 'utf8');
  frenchAxe = `${source}\n;axe.configure({ locale: ${french} });`;
  return frenchAxe;
}

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(' ') : part)).join(' → ');
    const why = node.failureSummary?.replace(/\s*\n\s*/g, ' ').trim();
    const html = node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html;
    return `    • ${target}\n      ${html}${why ? `\n      ${why}` : ''}`;
  });
  const more = violation.nodes.length > 5 ? [`    … et ${violation.nodes.length - 5} autre(s)`] : [];
  return [
    `  - ${violation.id} (${violation.impact ?? 'impact inconnu'}) : ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
    ...more,
  ].join('\n');
}

/** The violations as a maintainer reads them: rule, what it asks, where, why. */
export function describeViolations(results: Pick<AxeResults, 'violations' | 'url'>): string {
  return [
    `axe : ${results.violations.length} règle(s) WCAG 2.1 A/AA non respectée(s) sur ${results.url}`,
    ...results.violations.map(describeViolation),
  ].join('\n');
}

/**
 * Runs axe on the page as it is now (WCAG 2.1 A and AA rules) and fails with every violation
 * listed. `exclude` takes CSS selectors of parts checked elsewhere (rarely needed).
 *
 * axe runs in the page itself and sends back its violations only. @axe-core/playwright's default
 * (a partial run per frame, then a blank page of its own where the results are merged and every
 * passing node is sent back) cost the test process about 2 s of CPU per check in Playwright's
 * serialisation alone, plus a second page and a second copy of axe in the browser; Relais has no
 * frames, so the builder is kept for pages that have some.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  // react-aria's live announcer keeps each announcement 7 s; one naming a control already gone (a
  // pending button whose step was replaced) dangles meanwhile, after screen readers have read it.
  const exclude = ['[data-live-announcer]', ...(options.exclude ?? [])];
  const results = page.frames().length > 1 ? await withBuilder(page, exclude) : await inPage(page, exclude);
  if (results.violations.length) throw new Error(describeViolations(results));
}

type Violations = Pick<AxeResults, 'violations' | 'url'>;

async function inPage(page: Page, exclude: string[]): Promise<Violations> {
  // Injected once per document: a navigation or a reload takes it away.
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.evaluate(axeSource());
  return page.evaluate(
    async ({ exclude, tags }) => {
      // The tests compile without the DOM's types: axe's entry point, typed by hand.
      const { axe } = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<Violations> };
      };
      const results = await axe.run(
        { exclude },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      );
      return { url: results.url, violations: results.violations };
    },
    { exclude, tags: WCAG_21_AA },
  );
}

async function withBuilder(page: Page, exclude: string[]): Promise<Violations> {
  let builder = new AxeBuilder({ page, axeSource: axeSource() }).withTags(WCAG_21_AA);
  for (const selector of exclude) builder = builder.exclude(selector);
  return builder.analyze();
}
