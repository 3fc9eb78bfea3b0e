import { ActivityReport, FigureUnit, ReportFigure } from '../activity-report.model';

/** A figure for the documents' tests; the hidden ones keep a number to prove it is never written. */
function figure(
  key: string,
  label: string,
  value: number | null,
  previous: number | null,
  options: { unit?: FigureUnit; suppressed?: boolean; previousSuppressed?: boolean } = {},
): ReportFigure {
  return {
    key,
    label,
    unit: options.unit ?? 'COUNT',
    value,
    previous,
    suppressed: options.suppressed ?? false,
    previousSuppressed: options.previousSuppressed ?? false,
  };
}

/**
 * An activity report as the service builds it, for the documents' unit tests. The figure
 * « Bailleur privé » is hidden with 4321 left in it, a number found nowhere else.
 */
export function sampleActivityReport(): ActivityReport {
  return {
    territoryId: '00000000-0000-4000-8000-000000000001',
    territoryName: 'Territoire de Lorient',
    from: '2026-01-01',
    to: '2026-12-31',
    previousFrom: '2025-01-01',
    previousTo: '2025-12-31',
    smallCountThreshold: 5,
    generatedAt: new Date('2027-01-15T09:30:00Z'),
    sections: [
      {
        key: 'referrals',
        title: 'Saisines',
        breakdowns: [
          {
            key: 'referrals.byReferrerKind',
            title: 'Saisines reçues selon l’auteur',
            chart: 'BAR',
            figures: [
              figure('referrals.byReferrerKind.SOCIAL_LANDLORD', 'Bailleur social', 1234, 987),
              figure('referrals.byReferrerKind.CCAS', 'CCAS', 58, 61),
              figure('referrals.byReferrerKind.PRIVATE_LANDLORD', 'Bailleur privé', 4321, 7, {
                suppressed: true,
              }),
              figure('referrals.byReferrerKind.OTHER', 'Autre partenaire', 9876, 3, {
                suppressed: true,
                previousSuppressed: true,
              }),
            ],
            total: figure('referrals.total', 'Total des saisines', 1301, 1058),
          },
          {
            key: 'referrals.delays',
            title: 'Délais',
            chart: 'NONE',
            figures: [
              figure('referrals.medianDaysToExamination', 'Délai médian jusqu’à l’examen', 23.5, 30, {
                unit: 'DAYS',
              }),
              figure('referrals.acceptedShare', 'Part des saisines acceptées', 72.4, 68.1, {
                unit: 'PERCENT',
              }),
            ],
            total: null,
          },
        ],
        series: [
          {
            key: 'referrals.byMonth',
            title: 'Saisines reçues',
            points: [
              { month: '2026-01', value: 110 },
              { month: '2026-02', value: 95 },
              { month: '2026-03', value: null },
              { month: '2026-04', value: 120 },
            ],
          },
        ],
      },
      {
        key: 'meetings',
        title: 'Séances de la cellule',
        breakdowns: [
          {
            key: 'meetings.counts',
            title: 'Séances et situations examinées',
            chart: 'BAR',
            figures: [
              figure('meetings.held', 'Séances tenues', 11, 10),
              figure('meetings.casesExamined', 'Situations examinées', 140, 120),
            ],
            total: null,
          },
        ],
        series: [],
      },
    ],
  };
}
