import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { uuidArgument } from '@relais/graphql';
import { MinutesPreviewObject, RestrictedNoteChoiceObject } from './dto/minutes-preview.dto';
import { MinutesPreviewService } from './minutes-preview.service';

@Resolver()
export class MinutesPreviewResolver {
  constructor(private readonly previews: MinutesPreviewService) {}

  @Query(() => MinutesPreviewObject, {
    description:
      'Le compte rendu tel qu’un membre de ce partenaire le lira (brouillon ou publié), calculé comme pour lui, dans la limite de ce que vous lisez vous-même ; réservé à la coordination, journalisé.',
  })
  @Allow('publishMinutes', 'Meeting')
  meetingMinutesPreview(
    @CurrentPrincipal() principal: Principal,
    @Args('meetingId', { type: () => ID, description: 'La séance tenue.' }, uuidArgument('meetingId'))
    meetingId: string,
    @Args(
      'organisationId',
      { type: () => ID, description: 'Le partenaire du territoire dont la lecture est montrée.' },
      uuidArgument('organisationId'),
    )
    organisationId: string,
  ): Promise<MinutesPreviewObject> {
    return this.previews.preview(principal, meetingId, organisationId);
  }

  @Query(() => [RestrictedNoteChoiceObject], {
    description:
      'Les points examinés de la séance où vous pouvez ajouter une note réservée (la coordination, ou qui était dans la salle), et les catégories permises sur chacun.',
  })
  @Allow('addNote', 'AgendaItem')
  restrictedNoteChoices(
    @CurrentPrincipal() principal: Principal,
    @Args('meetingId', { type: () => ID, description: 'La séance.' }, uuidArgument('meetingId'))
    meetingId: string,
  ): Promise<RestrictedNoteChoiceObject[]> {
    return this.previews.noteChoices(principal, meetingId);
  }
}
