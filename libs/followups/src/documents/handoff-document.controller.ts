import { Controller, Get, Param, Res } from '@nestjs/common';
import { uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { sendPdf } from '@relais/documents';
import { FastifyReply } from 'fastify';
import { HandoffQueryService } from '../handoff-query.service';

/** The hand-off's document, for those who may read the hand-off. */
@Controller('documents/handoffs')
export class HandoffDocumentController {
  constructor(private readonly handoffs: HandoffQueryService) {}

  @Get(':handoffId/passage-de-relais.pdf')
  @Allow('read', 'Handoff')
  async handoff(
    @CurrentPrincipal() principal: Principal,
    @Param('handoffId', uuidArgument('handoffId')) handoffId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { pdf, filename } = await this.handoffs.handoffDocument(principal, handoffId);
    await sendPdf(reply, pdf, filename);
  }
}
