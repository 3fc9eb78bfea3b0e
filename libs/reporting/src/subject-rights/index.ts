export * from './subject-rights.module';
