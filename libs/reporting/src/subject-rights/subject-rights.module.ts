import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { ConsentModule } from '@relais/consent';
import { FollowUpsModule } from '@relais/followups';
import { MeetingsModule } from '@relais/meetings';
import { ReferralsModule } from '@relais/referrals';
import { SituationsModule } from '@relais/situations';
import { RetentionModule } from '../retention';
import { PersonFileService } from './access-export/person-file.service';
import { SubjectAccessService } from './access-export/subject-access.service';
import { DataSubjectRequestReader } from './data-subject-request.reader';
import { DataSubjectRequestResolver } from './data-subject-request.resolver';
import { DataSubjectRequestService } from './data-subject-request.service';
import { ErasureService } from './erasure.service';
import { PpcsExportService } from './ppcs/ppcs-export.service';
import { SubjectRightsController } from './subject-rights.controller';
import { subjectRightsPolicy } from './subject-rights.policy';

registerPolicy(subjectRightsPolicy);

/**
 * The person's rights (RGPD articles 15 to 21) and the hand-over of a situation's plan (PPCS),
 * answered by the coordination. Reads go through each context's exported services.
 */
@Module({
  imports: [
    SituationsModule,
    ConsentModule,
    ReferralsModule,
    MeetingsModule,
    FollowUpsModule,
    RetentionModule,
  ],
  providers: [
    DataSubjectRequestReader,
    DataSubjectRequestService,
    DataSubjectRequestResolver,
    PersonFileService,
    SubjectAccessService,
    ErasureService,
    PpcsExportService,
  ],
  controllers: [SubjectRightsController],
  exports: [DataSubjectRequestService, SubjectAccessService, PpcsExportService],
})
export class SubjectRightsModule {}
