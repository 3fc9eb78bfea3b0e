import { Module } from '@nestjs/common';
import { ActivityReportService } from './activity-report.service';

@Module({
  providers: [ActivityReportService],
  exports: [ActivityReportService],
})
export class ReportModule {}
