import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { MeetingProgressObject } from './dto/meeting-progress.dto';
import { MeetingProgressService } from './meeting-progress.service';

@Resolver()
export class MeetingProgressResolver {
  constructor(private readonly progress: MeetingProgressService) {}

  @Query(() => MeetingProgressObject, {
    description:
      'Ce qui est déjà enregistré d’une séance (présences, points examinés et leur contenu), pour la coordination qui la tient : le mode séance le relit à son ouverture.',
  })
  @Allow('record', 'Meeting')
  meetingProgress(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'meetingId',
      { type: () => ID, description: 'La séance, de votre territoire.' },
      uuidArgument('meetingId'),
    )
    meetingId: string,
  ): Promise<MeetingProgressObject> {
    return this.progress.progress(principal, meetingId);
  }
}
