import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { sendCsv, sendPdf } from '@relais/documents';
import { uuidArgument } from '@relais/graphql';
import { FastifyReply } from 'fastify';
import { ActivityReport } from '../activity-report.model';
import { ReportFormat } from '../activity-report.request';
import { ActivityReportService } from '../activity-report.service';
import { activityReportFiguresCsv, activityReportSeriesCsv } from './activity-report-csv';
import { renderActivityReportPdf } from './activity-report-pdf';

/**
 * The activity report's files, each produced anew through the one service, so the same access
 * check and the same audit apply as to the query; the period is given as `?from=…&to=…`.
 */
@Controller('documents/reports/:territoryId')
export class ActivityReportDocumentsController {
  constructor(private readonly reports: ActivityReportService) {}

  @Get('bilan-activite.pdf')
  @Allow('read', 'ActivityReport')
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.produce(principal, territoryId, from, to, 'PDF');
    await sendPdf(reply, await renderActivityReportPdf(report), `${fileStem(report)}.pdf`);
  }

  @Get('bilan-activite-chiffres.csv')
  @Allow('read', 'ActivityReport')
  async figures(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.produce(principal, territoryId, from, to, 'CSV');
    await sendCsv(reply, activityReportFiguresCsv(report), `${fileStem(report)}-chiffres.csv`);
  }

  @Get('bilan-activite-mois.csv')
  @Allow('read', 'ActivityReport')
  async series(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.produce(principal, territoryId, from, to, 'CSV');
    await sendCsv(reply, activityReportSeriesCsv(report), `${fileStem(report)}-par-mois.csv`);
  }

  private produce(
    principal: Principal,
    territoryId: string,
    from: string | undefined,
    to: string | undefined,
    format: ReportFormat,
  ): Promise<ActivityReport> {
    // A missing or repeated parameter reaches the period's own checks as an invalid date.
    const day = (value: unknown) => (typeof value === 'string' ? value : '');
    return this.reports.produce(principal, { territoryId, from: day(from), to: day(to), format });
  }
}

/** `bilan-activite-2026-01-01-au-2026-12-31`: dates only, nothing else in a file name. */
function fileStem(report: ActivityReport): string {
  return `bilan-activite-${report.from}-au-${report.to}`;
}
