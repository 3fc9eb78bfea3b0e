export * from './projection.module';
export * from './entities';
