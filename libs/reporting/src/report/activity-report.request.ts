/** How a produced report leaves the api: recorded in the audit event of its production. */
export type ReportFormat = 'GRAPHQL' | 'PDF' | 'CSV' | 'WEB';

/** What a report is asked for: one territory, inclusive Paris calendar days `YYYY-MM-DD`. */
export interface ActivityReportRequest {
  territoryId: string;
  from: string;
  to: string;
  /** The rendering asked for (the audit says which); GRAPHQL when not said. */
  format?: ReportFormat;
}
