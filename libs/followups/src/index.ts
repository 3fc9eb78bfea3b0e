export * from './domain/follow-up.enums';
export * from './dto/follow-up.dto';
export * from './entities';
export * from './follow-up.service';
export * from './followups.exception';
export * from './followups.module';
export * from './followups.policy';
export * from './handoff.service';
