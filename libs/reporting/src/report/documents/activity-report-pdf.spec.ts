import { PDFParse } from 'pdf-parse';
import { renderActivityReportPdf } from './activity-report-pdf';
import { sampleActivityReport } from './sample-activity-report';

describe('renderActivityReportPdf', () => {
  it('prints a French report for the steering committee: periods, the rule, tables, and no hidden number', async () => {
    const pdf = await renderActivityReportPdf(sampleActivityReport());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();

    expect(text).toContain('Bilan d’activité — Territoire de Lorient');
    expect(text).toContain('Période : du 1er janvier 2026 au 31 décembre 2026');
    expect(text).toContain('période précédente : du 1er janvier 2025 au 31 décembre 2025');
    expect(text).toContain('Édité le vendredi 15 janvier 2027 à 10 h 30');
    expect(text).toMatch(/effectif inférieur à 5 n’est pas publié/);
    expect(text).toContain('Saisines reçues selon l’auteur');
    expect(text).toMatch(/Bailleur social\s+1\s234\s+987\s+\+25 %/);
    expect(text).toMatch(/Bailleur privé\s+secret statistique\s+7/);
    expect(text).toMatch(/Délai médian jusqu’à l’examen\s+23,5\sj\s+30\sj\s+-6,5\sj/);
    expect(text).toMatch(/Part des saisines acceptées\s+72,4\s%\s+68,1\s%\s+\+4,3\spt/);
    expect(text).toContain('Saisines reçues — par mois');
    expect(text).toContain('Séances de la cellule');

    // The numbers left in hidden figures appear nowhere, nor any change computed from them.
    expect(text).not.toMatch(/4\s?321|9\s?876/);
    expect(text).not.toMatch(/Bailleur privé[^\n]*%/);
    // Two bar charts (breakdowns marked BAR) and one line chart: three images.
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(3);
  });
});
