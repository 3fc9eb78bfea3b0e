import { graphql } from '../graphql/graphql';

/** The territories whose report I may read: where I coordinate or sit on the steering committee. */
export const ReportTerritoriesQuery = graphql(`
  query ReportTerritories {
    me {
      id
      memberships {
        id
        status
        roles
        territory {
          id
          name
        }
      }
    }
  }
`);

export const ActivityReportQuery = graphql(`
  query ActivityReport($territoryId: ID!, $from: String!, $to: String!) {
    activityReport(territoryId: $territoryId, from: $from, to: $to) {
      territoryId
      territoryName
      from
      to
      previousFrom
      previousTo
      smallCountThreshold
      sections {
        key
        title
        breakdowns {
          key
          title
          figures {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
          total {
            key
            label
            unit
            value
            previous
            suppressed
            previousSuppressed
          }
        }
        series {
          key
          title
          points {
            month
            value
          }
        }
      }
    }
  }
`);

/** The report's files: each download produces the report again on the server, audited. */
export function reportDocumentUrl(
  territoryId: string,
  file: 'bilan-activite.pdf' | 'bilan-activite-chiffres.csv' | 'bilan-activite-mois.csv',
  period: { from: string; to: string },
): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  return `/documents/reports/${encodeURIComponent(territoryId)}/${file}?${query.toString()}`;
}
