export * from './reporting.module';
export * from './reporting.entities';
export * from './report/activity-report.model';
export * from './projection';
export * from './report';
export * from './retention';
export * from './subject-rights';
