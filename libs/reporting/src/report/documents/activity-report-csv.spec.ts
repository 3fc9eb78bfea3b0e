import { activityReportFiguresCsv, activityReportSeriesCsv } from './activity-report-csv';
import { sampleActivityReport } from './sample-activity-report';

describe('activity report CSV files', () => {
  it('writes the figures for a French spreadsheet, hidden ones as « secret statistique »', () => {
    const csv = activityReportFiguresCsv(sampleActivityReport());
    expect(csv.startsWith('\ufeffsection;tableau;indicateur;clé;unité;période;période précédente\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toContain(
      'Saisines;Saisines reçues selon l’auteur;Bailleur social;referrals.byReferrerKind.SOCIAL_LANDLORD;nombre;1234;987',
    );
    expect(lines).toContain(
      'Saisines;Saisines reçues selon l’auteur;Bailleur privé;referrals.byReferrerKind.PRIVATE_LANDLORD;nombre;secret statistique;7',
    );
    expect(lines).toContain(
      'Saisines;Saisines reçues selon l’auteur;Autre partenaire;referrals.byReferrerKind.OTHER;nombre;secret statistique;secret statistique',
    );
    expect(lines).toContain(
      'Saisines;Saisines reçues selon l’auteur;Total des saisines;referrals.total;nombre;1301;1058',
    );
    expect(lines).toContain(
      'Saisines;Délais;Délai médian jusqu’à l’examen;referrals.medianDaysToExamination;jours (médiane);23,5;30',
    );
    expect(lines).toHaveLength(1 + 5 + 2 + 2);
    expect(csv).not.toMatch(/4321|9876/);
  });

  it('writes one line per month of each series, a hidden month as the marker', () => {
    const csv = activityReportSeriesCsv(sampleActivityReport());
    expect(csv.slice(1).trimEnd().split('\r\n')).toEqual([
      'section;courbe;clé;mois;valeur',
      'Saisines;Saisines reçues;referrals.byMonth;2026-01;110',
      'Saisines;Saisines reçues;referrals.byMonth;2026-02;95',
      'Saisines;Saisines reçues;referrals.byMonth;2026-03;secret statistique',
      'Saisines;Saisines reçues;referrals.byMonth;2026-04;120',
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });
});
