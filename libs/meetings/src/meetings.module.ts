import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { AgendaQueryService } from './agenda-query.service';
import { AgendaService } from './agenda.service';
import { MeetingDocumentsController } from './documents/meeting-documents.controller';
import { IdentityRevealResolver } from './identity-reveal.resolver';
import { IdentityRevealService } from './identity-reveal.service';
import { MeetingLifecycle } from './meeting-lifecycle';
import { MeetingProgressResolver } from './meeting-progress.resolver';
import { MeetingProgressService } from './meeting-progress.service';
import { MeetingResolver } from './meeting.resolver';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingService } from './meeting.service';
import { meetingsPolicy } from './meetings.policy';
import { MinutesPreviewResolver } from './minutes-preview.resolver';
import { MinutesPreviewService } from './minutes-preview.service';
import { MinutesResolver } from './minutes.resolver';
import { MinutesQueryService } from './minutes-query.service';
import { MinutesService } from './minutes.service';

registerPolicy(meetingsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [
    MeetingLifecycle,
    MeetingService,
    MeetingQueryService,
    AgendaService,
    AgendaQueryService,
    MinutesService,
    MinutesQueryService,
    MinutesPreviewService,
    IdentityRevealService,
    MeetingProgressService,
  ],
  exports: [
    MeetingService,
    MeetingQueryService,
    AgendaService,
    AgendaQueryService,
    MinutesService,
    MinutesQueryService,
    MinutesPreviewService,
    IdentityRevealService,
    MeetingProgressService,
  ],
})
export class MeetingsModule {}

@Module({
  imports: [MeetingsModule],
  providers: [
    MeetingResolver,
    MinutesResolver,
    MinutesPreviewResolver,
    IdentityRevealResolver,
    MeetingProgressResolver,
  ],
  controllers: [MeetingDocumentsController],
})
export class MeetingsGraphqlModule {}
