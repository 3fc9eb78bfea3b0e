export * from './report.module';
