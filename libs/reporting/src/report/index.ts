export * from './report.module';
export * from './activity-report.request';
export * from './activity-report.service';
export * from './activity-report.policy';
export * from './report-period';
export * from './small-count-suppression';
export * from './activity-report.builder';
export { readReportCounts, ReportCounts } from './activity-report.queries';
