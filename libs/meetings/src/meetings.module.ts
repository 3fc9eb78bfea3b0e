import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { AgendaQueryService } from './agenda-query.service';
import { MeetingDocumentsController } from './documents/meeting-documents.controller';
import { MeetingLifecycle } from './meeting-lifecycle';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';
import { meetingsPolicy } from './meetings.policy';
import { MinutesResolver } from './minutes.resolver';
import { MinutesService } from './minutes.service';

registerPolicy(meetingsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [MeetingLifecycle, MeetingService, AgendaQueryService, MinutesService],
  exports: [MeetingService, AgendaQueryService, MinutesService],
})
export class MeetingsModule {}

@Module({
  imports: [MeetingsModule],
  providers: [MeetingResolver, MinutesResolver],
  controllers: [MeetingDocumentsController],
})
export class MeetingsGraphqlModule {}
