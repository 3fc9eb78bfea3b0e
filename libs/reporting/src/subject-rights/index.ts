export * from './subject-rights.module';
export * from './entities';
export * from './domain/data-subject-request.enums';
export * from './domain/erasure-rule';
export * from './access-export/subject-access.model';
export * from './ppcs/ppcs.model';
export * from './ppcs/ppcs.validator';
