export * from './projection.module';
