export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './snake-naming.strategy';
export * from './application-role';
export * from './scoped-database';
export * from './prepared-statements';
export * from './distribution-readiness';
