import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { MeetingObject } from './dto/meeting.dto';
import {
  MinutesObject,
  PersonAnswerInput,
  RecordAttendanceInput,
  RecordItemInput,
  RestrictedNoteInput,
} from './dto/minutes.dto';
import { MinutesQueryService } from './minutes-query.service';
import { MinutesService } from './minutes.service';

@Resolver()
export class MinutesResolver {
  constructor(
    private readonly minutes: MinutesService,
    private readonly reader: MinutesQueryService,
  ) {}

  @Query(() => MinutesObject, {
    description: 'Le compte rendu, filtré pour vous (brouillon : coordination seule).',
  })
  @Allow('read', 'Meeting')
  meetingMinutes(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'meetingId',
      { type: () => ID, description: 'La séance (tenue, ou compte rendu publié).' },
      uuidArgument('meetingId'),
    )
    meetingId: string,
  ): Promise<MinutesObject> {
    return this.reader.minutes(principal, meetingId);
  }

  @Mutation(() => MeetingObject, { description: 'Présents, excusés, représentés.' })
  @Allow('record', 'Meeting')
  recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La séance et les présences.' }) input: RecordAttendanceInput,
  ): Promise<MeetingObject> {
    return this.minutes.recordAttendance(principal, input);
  }

  @Mutation(() => MeetingObject, {
    description:
      "Enregistre l'examen d'un point : présents, synthèse, décisions et actions, prochain réexamen.",
  })
  @Allow('record', 'Meeting')
  recordAgendaItem(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: "L'examen du point." }) input: RecordItemInput,
  ): Promise<MeetingObject> {
    return this.minutes.recordItem(principal, input);
  }

  @Mutation(() => Boolean, {
    description: 'Ajoute une note réservée (secret médical : professionnels de santé seulement).',
  })
  @Allow('addNote', 'AgendaItem')
  addRestrictedNote(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le point, la catégorie et le texte de la note.' })
    input: RestrictedNoteInput,
  ): Promise<boolean> {
    return this.minutes.addRestrictedNote(principal, input);
  }

  @Mutation(() => Boolean, { description: 'La personne a été informée des propositions : sa réponse.' })
  @Allow('record', 'Meeting')
  recordPersonAnswer(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le point, la date où la personne a été informée et sa réponse.' })
    input: PersonAnswerInput,
  ): Promise<boolean> {
    return this.minutes.recordPersonAnswer(principal, input);
  }

  @Mutation(() => MeetingObject, { description: 'La séance a eu lieu.' })
  @Allow('record', 'Meeting')
  markMeetingHeld(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'meetingId',
      { type: () => ID, description: "La séance, dont l'ordre du jour est publié." },
      uuidArgument('meetingId'),
    )
    meetingId: string,
  ): Promise<MeetingObject> {
    return this.minutes.markMeetingHeld(principal, meetingId);
  }

  @Mutation(() => MeetingObject, {
    description: 'Publie le compte rendu : chacun le reçoit pour sa part, les actions sont lancées.',
  })
  @Allow('publishMinutes', 'Meeting')
  publishMinutes(
    @CurrentPrincipal() principal: Principal,
    @Args('meetingId', { type: () => ID, description: 'La séance tenue.' }, uuidArgument('meetingId'))
    meetingId: string,
  ): Promise<MeetingObject> {
    return this.minutes.publishMinutes(principal, meetingId);
  }
}
