import { Module } from '@nestjs/common';
import { ReportModule } from '../report.module';
import { ActivityReportDocumentsController } from './activity-report-documents.controller';

/** The activity report's PDF and CSV downloads, served by the api over the report's one service. */
@Module({
  imports: [ReportModule],
  controllers: [ActivityReportDocumentsController],
})
export class ReportDocumentsModule {}
