import { Module } from '@nestjs/common';
import { ProjectionModule } from './projection';
import { ReportModule } from './report';
import { ReportDocumentsModule } from './report/documents';
import { RetentionModule } from './retention';
import { SubjectRightsModule } from './subject-rights';

/**
 * Activity reports, retention and the person's rights. Fed by outbox events (the projection has its
 * own tables, with no identity); the api serves reports and exports, the worker keeps the projection
 * and runs retention.
 */
@Module({
  imports: [ProjectionModule, ReportModule, ReportDocumentsModule, RetentionModule, SubjectRightsModule],
  exports: [ProjectionModule, ReportModule, RetentionModule, SubjectRightsModule],
})
export class ReportingModule {}
