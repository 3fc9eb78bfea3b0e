import { Role } from '@relais/access';
import { randomUUID } from 'node:crypto';
import { AuditEvent } from '@relais/audit';
import type { Territory } from '@relais/identity';
import { PDFParse } from 'pdf-parse';
import {
  BROWSER_SETUP_TIMEOUT_MS,
  browserSuite,
  expectNoAxeViolations,
  screenshot,
  openSignedIn,
} from '../support/browser';
import {
  chooseOtherPeriodByKeyboard,
  downloadReportFile,
  figureRow,
  openActivityReport,
  projectedReferrals,
} from './activity-report.steps';

/**
 * « Bilan d’activité »: the coordinator reads last year's figures against the year before, a small
 * count and the one that would give it back shown as « secret statistique », picks another period
 * with the keyboard and downloads the PDF and the figures; a member of the steering committee lands
 * on the report and is offered nothing about people.
 */
describe('the activity report, in the browser', () => {
  const suite = browserSuite();
  // The page offers the last full calendar year of the browser's own day by default.
  const lastYear = new Date().getFullYear() - 1;
  const yearBefore = lastYear - 1;
  let territory: Territory;
  const coordinator = { email: '', password: '', lastName: '' };
  const steering = { email: '', password: '', lastName: '' };

  beforeAll(async () => {
    const { api } = suite;
    // The steering committee reads nothing personal, so needs no second factor of its own; the
    // territory asks every member for one, as the sign-in helper expects.
    territory = await api.factory.territory({
      name: `Territoire du bilan ${Date.now()}`,
      settings: { secondFactorForAllMembers: true },
    });
    Object.assign(coordinator, await api.factory.user({ territory, roles: [Role.COORDINATOR] }));
    Object.assign(steering, await api.factory.user({ territory, roles: [Role.STEERING] }));
    await projectedReferrals(api, territory.id, [
      { submittedOn: `${lastYear}-03-10`, referrerKind: 'HOUSING', count: 12 },
      { submittedOn: `${lastYear}-06-15`, referrerKind: 'SOCIAL', count: 6 },
      { submittedOn: `${lastYear}-06-20`, referrerKind: 'MEDICO_SOCIAL', count: 3 },
      { submittedOn: `${yearBefore}-09-01`, referrerKind: 'HOUSING', count: 8 },
    ]);
  }, BROWSER_SETUP_TIMEOUT_MS);

  it('shows the coordinator last year against the year before, another period, and the files', async () => {
    const page = await suite.newPage();
    await openSignedIn(page, suite.api, coordinator);
    await openActivityReport(page);
    await page.getByRole('heading', { level: 2, name: new RegExp(`du 1er janvier ${lastYear}`) }).waitFor();

    expect(await figureRow(page, 'Saisines de la période', 'Saisines reçues')).toEqual(['21', '8', '+163 %']);
    const byKind = 'Saisines par nature de l’auteur';
    expect(await figureRow(page, byKind, 'Bailleur social')).toEqual(['12', '8', '+50 %']);
    // 3 is under the threshold of 5; the 6 goes with it, or the total would give the 3 back.
    expect((await figureRow(page, byKind, 'Service médico-social (SAVS, SAMSAH)'))[0]).toBe(
      'secret statistique',
    );
    expect((await figureRow(page, byKind, 'Service social (CCAS, service social départemental)'))[0]).toBe(
      'secret statistique',
    );
    await page.getByText(/un effectif inférieur à 5 n’est pas publié/).waitFor();

    const pdf = await downloadReportFile(page, 'Bilan au format PDF, avec ses graphiques');
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.filename).toBe(`bilan-activite-${lastYear}-01-01-au-${lastYear}-12-31.pdf`);
    const csv = await downloadReportFile(page, 'Les chiffres au format CSV (tableur)');
    expect(csv.text).toContain('referrals.byReferrerKind.HOUSING;nombre;12;8');
    expect(csv.text).toContain('referrals.byReferrerKind.MEDICO_SOCIAL;nombre;secret statistique;');
    expect(csv.text).not.toContain(coordinator.lastName);

    await chooseOtherPeriodByKeyboard(page, {
      from: `01/01/${yearBefore}`,
      to: `31/12/${yearBefore}`,
      heading: `${territory.name}, du 1er janvier ${yearBefore} au 31 décembre ${yearBefore}`,
    });
    expect(await figureRow(page, 'Saisines de la période', 'Saisines reçues')).toEqual(['8', '0', '—']);
    await expectNoAxeViolations(page);
    await screenshot(page, 'bilan-activite');

    // The PDF of the period shown: the same figures, French words, nobody's name.
    const otherPdf = await downloadReportFile(page, 'Bilan au format PDF, avec ses graphiques');
    const parser = new PDFParse({ data: new Uint8Array(otherPdf.bytes) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain(`Bilan d’activité — ${territory.name}`);
    expect(text).toMatch(/Saisines reçues\s+8\s+0/);
    expect(text).not.toContain(coordinator.lastName);

    // Each file was produced anew through the report's service, and so audited with its format.
    const produced = await suite.api.dataSource
      .getRepository(AuditEvent)
      .findBy({ territoryId: territory.id, action: 'ACTIVITY_REPORT_PRODUCED' });
    const formats = produced.map((event) => event.details.format);
    expect(formats.filter((format) => format === 'PDF')).toHaveLength(2);
    expect(formats.filter((format) => format === 'CSV')).toHaveLength(1);
  }, 120_000);

  it('lands the steering committee on the report, with nothing about people in its navigation', async () => {
    const page = await suite.newPage();
    await openSignedIn(page, suite.api, steering);
    await page.getByRole('heading', { level: 1, name: 'Bilan d’activité' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/bilan');
    const links = await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link')
      .allTextContents();
    expect(links.map((text) => text.trim())).toEqual(['Bilan d’activité', 'Mon compte']);
    expect(await figureRow(page, 'Saisines par nature de l’auteur', 'Bailleur social')).toEqual([
      '12',
      '8',
      '+50 %',
    ]);

    // Another territory's report is refused in French, as every document is.
    const refused = await page.evaluate(async (address) => {
      const answer = await fetch(address);
      return { status: answer.status, body: (await answer.json()) as unknown };
    }, `/documents/reports/${randomUUID()}/bilan-activite-chiffres.csv?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(refused).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: "Vous n'avez pas les droits nécessaires pour cette action." },
    });
  }, 120_000);
});
