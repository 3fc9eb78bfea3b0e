export * from './report.module';
export * from './activity-report.request';
export * from './activity-report.service';
