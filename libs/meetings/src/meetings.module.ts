import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { SituationsModule } from '@relais/situations';
import { AgendaQueryService } from './agenda-query.service';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';
import { meetingsPolicy } from './meetings.policy';

registerPolicy(meetingsPolicy);

@Module({
  imports: [SituationsModule, ConsentModule],
  providers: [MeetingService, AgendaQueryService],
  exports: [MeetingService, AgendaQueryService],
})
export class MeetingsModule {}

@Module({ imports: [MeetingsModule], providers: [MeetingResolver] })
export class MeetingsGraphqlModule {}
