import { Controller, Get, Param, Res } from '@nestjs/common';
import { uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { sendPdf } from '@relais/documents';
import { FastifyReply } from 'fastify';
import { AgendaQueryService } from '../agenda-query.service';
import { MinutesQueryService } from '../minutes-query.service';
import { agendaPdf, decisionLogPdf } from './meeting-documents';

/**
 * The meeting's documents, generated on the server for the reader who asks, over an
 * authenticated route; each download is audited.
 */
@Controller('documents/meetings')
export class MeetingDocumentsController {
  constructor(
    private readonly agendas: AgendaQueryService,
    private readonly minutes: MinutesQueryService,
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  @Get(':meetingId/agenda.pdf')
  @Allow('read', 'Meeting')
  async agenda(
    @CurrentPrincipal() principal: Principal,
    @Param('meetingId', uuidArgument('meetingId')) meetingId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const agenda = await this.agendas.agenda(principal, meetingId);
    const pdf = await agendaPdf(agenda);
    await this.recordDownload(principal, agenda.meeting.territoryId, meetingId, 'AGENDA');
    await sendPdf(reply, pdf, `ordre-du-jour-${parisDate(agenda.meeting.startsAt)}.pdf`);
  }

  @Get(':meetingId/decisions.pdf')
  @Allow('read', 'Meeting')
  async decisions(
    @CurrentPrincipal() principal: Principal,
    @Param('meetingId', uuidArgument('meetingId')) meetingId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const agenda = await this.agendas.agenda(principal, meetingId);
    const minutes = await this.minutes.minutes(principal, meetingId);
    const pdf = await decisionLogPdf(minutes, agenda.meeting.startsAt);
    await this.recordDownload(principal, agenda.meeting.territoryId, meetingId, 'DECISION_LOG');
    await sendPdf(reply, pdf, `releve-de-decisions-${parisDate(agenda.meeting.startsAt)}.pdf`);
  }

  private recordDownload(principal: Principal, territoryId: string, meetingId: string, document: string) {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.audit.record(manager, {
        territoryId,
        actor: principal,
        action: 'DOCUMENT_DOWNLOADED',
        subject: { type: 'Meeting', id: meetingId },
        details: { document },
      }),
    );
  }
}
