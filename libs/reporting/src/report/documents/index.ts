export * from './report-documents.module';
export * from './activity-report-pdf';
export * from './activity-report-csv';
export * from './report-format';
