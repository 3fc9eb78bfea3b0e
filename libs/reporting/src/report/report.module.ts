import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { IdentityModule } from '@relais/identity';
import { activityReportPolicy } from './activity-report.policy';
import { ActivityReportResolver } from './activity-report.resolver';
import { ActivityReportService } from './activity-report.service';

registerPolicy(activityReportPolicy);

@Module({
  imports: [IdentityModule],
  providers: [ActivityReportService, ActivityReportResolver],
  exports: [ActivityReportService],
})
export class ReportModule {}
