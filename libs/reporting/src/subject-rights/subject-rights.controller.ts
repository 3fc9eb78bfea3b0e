import { Controller, Get, Param, Res } from '@nestjs/common';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { sendPdf } from '@relais/documents';
import { uuidArgument } from '@relais/graphql';
import { FastifyReply } from 'fastify';
import { SubjectAccessService } from './access-export/subject-access.service';
import { PpcsExportService } from './ppcs/ppcs-export.service';

/** The person's file and a situation's plan, downloaded by the coordination of the territory. */
@Controller('documents/territories/:territoryId')
export class SubjectRightsController {
  constructor(
    private readonly subjectAccess: SubjectAccessService,
    private readonly ppcs: PpcsExportService,
  ) {}

  @Get('people/:personId/acces-aux-donnees.pdf')
  @Allow('exportPersonData', 'DataSubjectRequest')
  async personDataPdf(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Param('personId', uuidArgument('personId')) personId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { content, filename } = await this.subjectAccess.exportPersonData(
      principal,
      territoryId,
      personId,
      'PDF',
    );
    await sendPdf(reply, content, filename);
  }

  @Get('people/:personId/acces-aux-donnees.json')
  @Allow('exportPersonData', 'DataSubjectRequest')
  async personDataJson(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Param('personId', uuidArgument('personId')) personId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { content, filename } = await this.subjectAccess.exportPersonData(
      principal,
      territoryId,
      personId,
      'JSON',
    );
    await sendJson(reply, content, filename);
  }

  @Get('situations/:situationId/ppcs.json')
  @Allow('exportPlan', 'DataSubjectRequest')
  async plan(
    @CurrentPrincipal() principal: Principal,
    @Param('territoryId', uuidArgument('territoryId')) territoryId: string,
    @Param('situationId', uuidArgument('situationId')) situationId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { content, filename } = await this.ppcs.exportPlan(principal, territoryId, situationId);
    await sendJson(reply, content, filename);
  }
}

/** As `sendPdf`: never cached, always downloaded. */
async function sendJson(reply: FastifyReply, content: Buffer, filename: string): Promise<void> {
  await reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(content);
}
