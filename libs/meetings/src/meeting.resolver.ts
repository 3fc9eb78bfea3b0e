import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionType, uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { AgendaQueryService } from './agenda-query.service';
import { AgendaService } from './agenda.service';
import {
  AgendaItemInput,
  AgendaObject,
  AgendaSuggestionObject,
  MeetingObject,
  PlanMeetingInput,
  PlanMeetingSeriesInput,
  ReorderAgendaInput,
  UpdateAgendaItemInput,
} from './dto/meeting.dto';
import { AgendaSuggestionsArgs } from './dto/agenda-suggestions.args';
import { MeetingsArgs } from './dto/meetings.args';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingService } from './meeting.service';

export const MeetingConnection = ConnectionType(MeetingObject, {
  name: 'Meeting',
  description: 'Une page de séances, et ce qui la suit.',
  nodeDescription: 'Une séance',
});

export const AgendaSuggestionConnection = ConnectionType(AgendaSuggestionObject, {
  name: 'AgendaSuggestion',
  description: 'Une page de propositions pour l’ordre du jour, et ce qui la suit.',
  nodeDescription: 'Une situation proposée',
});

@Resolver()
export class MeetingResolver {
  constructor(
    private readonly service: MeetingService,
    private readonly meetingList: MeetingQueryService,
    private readonly agendaEditor: AgendaService,
    private readonly agendas: AgendaQueryService,
  ) {}

  @Query(() => MeetingConnection, {
    description:
      'Les séances du territoire que vous pouvez voir, page par page : à venir (la plus proche d’abord) ou passées (la plus récente d’abord).',
  })
  @Allow('read', 'Meeting')
  meetings(
    @CurrentPrincipal() principal: Principal,
    @Args() args: MeetingsArgs,
  ): Promise<Connection<MeetingObject>> {
    return this.meetingList.meetings(principal, args);
  }

  @Query(() => AgendaObject, { description: "L'ordre du jour d'une séance, sans aucune identité." })
  @Allow('read', 'Meeting')
  meetingAgenda(
    @CurrentPrincipal() principal: Principal,
    @Args('meetingId', { type: () => ID, description: 'La séance.' }, uuidArgument('meetingId'))
    meetingId: string,
  ): Promise<AgendaObject> {
    return this.agendas.agenda(principal, meetingId);
  }

  @Query(() => AgendaSuggestionConnection, {
    description:
      'Ce que Relais propose d’inscrire à cette séance, et pourquoi, page par page : les plus pressantes d’abord.',
  })
  @Allow('editAgenda', 'Meeting')
  agendaSuggestions(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AgendaSuggestionsArgs,
  ): Promise<Connection<AgendaSuggestionObject>> {
    return this.agendas.suggestions(principal, args);
  }

  @Mutation(() => MeetingObject, {
    description: 'Prévoit une séance ; ses invités permanents sont les membres de la cellule.',
  })
  @Allow('plan', 'Meeting')
  planMeeting(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La séance à prévoir.' }) input: PlanMeetingInput,
  ): Promise<MeetingObject> {
    return this.service.planMeeting(principal, input);
  }

  @Mutation(() => [MeetingObject], { description: 'Prévoit une série mensuelle de séances en une fois.' })
  @Allow('plan', 'Meeting')
  planMeetingSeries(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La série à prévoir : la première séance et le nombre de séances.' })
    input: PlanMeetingSeriesInput,
  ): Promise<MeetingObject[]> {
    return this.service.planMeetingSeries(principal, input);
  }

  @Mutation(() => MeetingObject, { description: 'Annule une séance.' })
  @Allow('cancel', 'Meeting')
  cancelMeeting(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'meetingId',
      { type: () => ID, description: 'La séance à annuler (prévue, ou ordre du jour publié).' },
      uuidArgument('meetingId'),
    )
    meetingId: string,
  ): Promise<MeetingObject> {
    return this.service.cancelMeeting(principal, meetingId);
  }

  @Mutation(() => AgendaObject, { description: "Inscrit une situation à l'ordre du jour, avec ses invités." })
  @Allow('editAgenda', 'Meeting')
  async addAgendaItem(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La situation à inscrire et ses invités.' }) input: AgendaItemInput,
  ): Promise<AgendaObject> {
    return this.agendas.agenda(principal, await this.agendaEditor.addAgendaItem(principal, input));
  }

  @Mutation(() => AgendaObject, {
    description: 'Change le type, le temps, le présentateur ou les invités d’un point.',
  })
  @Allow('editAgenda', 'Meeting')
  async updateAgendaItem(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le point et ses nouveaux réglages.' }) input: UpdateAgendaItemInput,
  ): Promise<AgendaObject> {
    return this.agendas.agenda(principal, await this.agendaEditor.updateAgendaItem(principal, input));
  }

  @Mutation(() => AgendaObject, { description: "Retire un point de l'ordre du jour." })
  @Allow('editAgenda', 'Meeting')
  async removeAgendaItem(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'itemId',
      { type: () => ID, description: "Le point à retirer, tant que l'ordre du jour n'est pas publié." },
      uuidArgument('itemId'),
    )
    itemId: string,
  ): Promise<AgendaObject> {
    return this.agendas.agenda(principal, await this.agendaEditor.removeAgendaItem(principal, itemId));
  }

  @Mutation(() => AgendaObject, { description: "Change l'ordre des points." })
  @Allow('editAgenda', 'Meeting')
  async reorderAgenda(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La séance et tous ses points, dans le nouvel ordre.' })
    input: ReorderAgendaInput,
  ): Promise<AgendaObject> {
    return this.agendas.agenda(principal, await this.agendaEditor.reorderAgenda(principal, input));
  }

  @Mutation(() => MeetingObject, {
    description:
      "Publie l'ordre du jour : il est figé, les situations sont inscrites et les invités prévenus.",
  })
  @Allow('publishAgenda', 'Meeting')
  publishAgenda(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'meetingId',
      { type: () => ID, description: "La séance, dont l'ordre du jour est en préparation." },
      uuidArgument('meetingId'),
    )
    meetingId: string,
  ): Promise<MeetingObject> {
    return this.agendaEditor.publishAgenda(principal, meetingId);
  }
}
