export * from './audit-chain';
export * from './audit-query.service';
export * from './audit.module';
export * from './audit.policy';
export * from './audit.service';
export * from './entities';
export * from './verify-audit-chain';
