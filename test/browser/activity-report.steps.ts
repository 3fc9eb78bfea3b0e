import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ReportReferral } from '@relais/reporting';
import type { Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { tabTo } from '../support/browser';

/**
 * Referrals as the reporting projection holds them (codes and days, nothing about a person): the
 * report reads these tables only, so a browser test seeds them rather than replaying events.
 */
export async function projectedReferrals(
  api: RunningApi,
  territoryId: string,
  referrals: { submittedOn: string; referrerKind: string; count: number }[],
): Promise<void> {
  const rows = referrals.flatMap(({ submittedOn, referrerKind, count }) =>
    Array.from({ length: count }, () => ({
      territoryId,
      referralId: randomUUID(),
      submittedOn,
      referrerKind,
      status: 'SUBMITTED',
    })),
  );
  await api.dataSource.getRepository(ReportReferral).insert(rows);
}

/** « Bilan d’activité » from the navigation. */
export async function openActivityReport(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Bilan d’activité', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bilan d’activité' }).waitFor();
}

/** A figure's row of a table of the report, by its caption and its label, as its cells' words. */
export async function figureRow(page: Page, table: string, label: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await row.waitFor();
  return (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/**
 * « Une autre période », its two days typed and « Afficher le bilan » with the keyboard alone;
 * resolves once the report of that period shows.
 */
export async function chooseOtherPeriodByKeyboard(
  page: Page,
  period: { from: string; to: string; heading: string },
): Promise<void> {
  const other = page.getByRole('radio', { name: 'Une autre période' });
  await tabTo(page, page.getByRole('radio', { name: /^Année / }), 40);
  // Arrow keys move within a radio group, as in any form.
  for (let presses = 0; presses < 4 && !(await other.isChecked()); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  await page.keyboard.type(period.from);
  await page.keyboard.press('Tab');
  await page.keyboard.type(period.to);
  await tabTo(page, page.getByRole('button', { name: 'Afficher le bilan' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: period.heading }).waitFor();
}

/** Downloads a file through its link as a person would; its first bytes and the name offered. */
export async function downloadReportFile(
  page: Page,
  name: string,
): Promise<{ filename: string; head: string; text: string; bytes: Buffer }> {
  const link = page.getByRole('link', { name });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const content = readFileSync(await download.path());
  return {
    filename: download.suggestedFilename(),
    head: content.subarray(0, 5).toString('latin1'),
    text: content.toString('utf8'),
    bytes: content,
  };
}
