export * from './projection.module';
export * from './entities';
export * from './reporting-projector';
export * from './reporting-consumer';
export * from './projection-rebuilder';
export { charterVersion } from './handlers/membership.handlers';
