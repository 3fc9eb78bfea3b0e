import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { ActivityReport } from './activity-report.model';
import { ActivityReportRequest } from './activity-report.request';

/**
 * Produces a territory's activity report from the reporting projection alone, small counts
 * suppressed, for the coordination and the steering committee; each production is audited.
 */
@Injectable()
export class ActivityReportService {
  // The computation lands in the next change; the signature is the one the renderings call.
  async produce(principal: Principal, request: ActivityReportRequest): Promise<ActivityReport> {
    void principal;
    void request;
    throw new Error('Bilan d’activité pas encore calculé');
  }
}
