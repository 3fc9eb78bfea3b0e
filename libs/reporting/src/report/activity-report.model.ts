/**
 * The activity report (« bilan d'activité ») as computed from the reporting projection: the one
 * structure that the GraphQL query, the PDF and the CSV files all render, so they cannot disagree.
 * It holds counts and measures only, never anything about a person.
 */

/** How a figure is read: a count, a number of days (medians), a share in percent, a mean. */
export type FigureUnit = 'COUNT' | 'DAYS' | 'PERCENT' | 'MEAN';

/** One figure of the report, with the previous period's for comparison. */
export interface ReportFigure {
  /** Stable machine key, e.g. `referrals.byReferrerKind.SOCIAL_LANDLORD`; CSV columns use it. */
  key: string;
  /** French label shown to people. */
  label: string;
  unit: FigureUnit;
  /** Null when suppressed, or when there is nothing to measure (a median of no case). */
  value: number | null;
  previous: number | null;
  /** Hidden because the count is small, or to keep a hidden count from being computed back. */
  suppressed: boolean;
  previousSuppressed: boolean;
}

/** A group of figures read together (one table in the PDF, one chart when `chart` says so). */
export interface ReportBreakdown {
  key: string;
  title: string;
  /** BAR: one bar per figure (this period against the previous); NONE: a table only. */
  chart: 'BAR' | 'NONE';
  figures: ReportFigure[];
  /** The breakdown's total when its figures add up to one (used for complementary suppression). */
  total: ReportFigure | null;
}

/** A count per month of the period: drawn as a line chart. */
export interface MonthlySeries {
  key: string;
  title: string;
  /** `YYYY-MM` in Paris time, every month of the period, suppressed months with a null value. */
  points: { month: string; value: number | null }[];
}

export interface ReportSection {
  /** `referrals`, `examination`, `actions`, `consent`, `meetings`, `followUps`… */
  key: string;
  title: string;
  breakdowns: ReportBreakdown[];
  series: MonthlySeries[];
}

export interface ActivityReport {
  territoryId: string;
  territoryName: string;
  /** Inclusive Paris calendar days, `YYYY-MM-DD`. */
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** Counts below it are suppressed (territory setting, 5 by default, never below 3). */
  smallCountThreshold: number;
  generatedAt: Date;
  sections: ReportSection[];
}
