import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { InputValidationException } from '@relais/graphql';
import { TerritorySettingsService } from '@relais/identity';
import { isUUID } from 'class-validator';
import { buildReportSections } from './activity-report.builder';
import { ActivityReport } from './activity-report.model';
import { readReportCounts } from './activity-report.queries';
import { ActivityReportRequest } from './activity-report.request';
import { reportPeriod, reportPeriodProblems } from './report-period';

/**
 * Produces a territory's activity report from the reporting projection alone, small counts
 * suppressed, for the coordination and the steering committee; each production is audited.
 */
@Injectable()
export class ActivityReportService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly territories: TerritorySettingsService,
    private readonly clock: Clock,
  ) {}

  /** The report of `territoryId` over the inclusive Paris days `from`–`to`, with the period before. */
  async produce(principal: Principal, request: ActivityReportRequest): Promise<ActivityReport> {
    const { territoryId, from, to } = request;
    const problems = reportPeriodProblems(from, to);
    if (!isUUID(territoryId, '4')) {
      problems.unshift({ field: 'territoryId', message: "L'identifiant du territoire n'est pas valide." });
    }
    if (problems.length) throw new InputValidationException(problems);
    // The caller names one of its territories: a refusal is FORBIDDEN, not NOT_FOUND.
    if (!this.access.can(principal, 'read', asSubject('ActivityReport', { territoryId }))) {
      throw new AccessException(principal.hasPendingCharter ? 'CHARTER_NOT_ACCEPTED' : 'FORBIDDEN', {
        subjectType: 'ActivityReport',
        subjectId: territoryId,
        territoryId,
        action: 'read',
      });
    }
    const period = reportPeriod(from, to);
    // A report (the query and its files): on the standby once it has replayed the territory's
    // writes; its audit event goes to the primary.
    return this.database.read({ territoryIds: [territoryId] }, principal.standbyReads, async (manager) => {
      const territory = await this.territories.reportingTerritory(manager, territoryId);
      if (!territory) throw new AccessException('NOT_FOUND');
      const counts = await readReportCounts(manager, territoryId, period);
      const sections = buildReportSections(counts, period, territory.smallCountThreshold);
      await this.audit.record(manager, {
        territoryId,
        actor: principal,
        action: 'ACTIVITY_REPORT_PRODUCED',
        subject: { type: 'ActivityReport', id: territoryId },
        details: {
          from,
          to,
          format: request.format ?? 'GRAPHQL',
          smallCountThreshold: territory.smallCountThreshold,
        },
      });
      return {
        territoryId,
        territoryName: territory.name,
        from: period.from,
        to: period.to,
        previousFrom: period.previousFrom,
        previousTo: period.previousTo,
        smallCountThreshold: territory.smallCountThreshold,
        generatedAt: this.clock.now(),
        sections,
      };
    });
  }
}
