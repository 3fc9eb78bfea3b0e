export * from './anonymisation.service';
export * from './domain/retention-periods';
export * from './dto/retention.objects';
export * from './entities';
export * from './retention-lifecycle.service';
export * from './retention-query.service';
export * from './retention.module';
export * from './retention.policy';
