import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { FollowUpPhase } from './domain/follow-up.enums';
import {
  AnswerHandoffInput,
  AssignTeamMemberInput,
  EndFollowUpArgs,
  ObjectiveStatusInput,
  ProposeHandoffInput,
  RecordActInput,
  RenewFollowUpArgs,
  StartFollowUpInput,
} from './dto/follow-up.inputs';
import { FollowUpObject, HandoffObject } from './dto/follow-up.objects';
import { FollowUpTerritoryIndicatorsObject } from './dto/indicators.dto';
import { FollowUpQueryService } from './follow-up-query.service';
import { FollowUpService } from './follow-up.service';
import { HandoffQueryService } from './handoff-query.service';
import { HandoffService } from './handoff.service';

@Resolver()
export class FollowUpResolver {
  constructor(
    private readonly followUps: FollowUpService,
    private readonly followUpReads: FollowUpQueryService,
    private readonly handoffService: HandoffService,
    private readonly handoffReads: HandoffQueryService,
  ) {}

  @Query(() => FollowUpObject, {
    description: 'Un accompagnement : équipe, actes (notes selon votre profession), indicateurs.',
  })
  @Allow('read', 'FollowUp')
  followUp(
    @CurrentPrincipal() principal: Principal,
    @Args('followUpId', { type: () => ID, description: "L'accompagnement." }, uuidArgument('followUpId'))
    followUpId: string,
  ): Promise<FollowUpObject> {
    return this.followUpReads.followUp(principal, followUpId);
  }

  @Query(() => FollowUpTerritoryIndicatorsObject, {
    description:
      'Indicateurs des accompagnements : par type et demandeur, actes, domicile, renouvellements, relais.',
  })
  @Allow('read', 'FollowUp')
  followUpIndicators(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuidArgument('territoryId'))
    territoryId: string,
  ): Promise<FollowUpTerritoryIndicatorsObject> {
    return this.followUpReads.indicators(principal, territoryId);
  }

  @Query(() => [HandoffObject], {
    description:
      'Les passages de relais de la situation que vous pouvez voir, du plus ancien au plus récent ; au plus 50 (une situation en connaît quelques-uns).',
  })
  @Allow('read', 'Handoff')
  handoffs(
    @CurrentPrincipal() principal: Principal,
    @Args('situationId', { type: () => ID, description: 'La situation.' }, uuidArgument('situationId'))
    situationId: string,
  ): Promise<HandoffObject[]> {
    return this.handoffReads.handoffs(principal, situationId);
  }

  @Query(() => HandoffObject, {
    description:
      'Un passage de relais que vous pouvez voir (proposé par ou à votre organisation, ou coordonné par vous).',
  })
  @Allow('read', 'Handoff')
  handoff(
    @CurrentPrincipal() principal: Principal,
    @Args('handoffId', { type: () => ID, description: 'Le passage de relais.' }, uuidArgument('handoffId'))
    handoffId: string,
  ): Promise<HandoffObject> {
    return this.handoffReads.handoff(principal, handoffId);
  }

  @Mutation(() => FollowUpObject, {
    description: 'Confie un accompagnement en trinôme, avec l’accord de la personne.',
  })
  @Allow('start', 'FollowUp')
  startFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: "L'accompagnement à confier." }) input: StartFollowUpInput,
  ): Promise<FollowUpObject> {
    return this.followUps.startFollowUp(principal, input);
  }

  @Mutation(() => FollowUpObject, { description: "Affecte un rôle de l'équipe, ou un remplacement daté." })
  @Allow('assign', 'FollowUp')
  assignTeamMember(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le rôle, qui le tient, et la période d’un remplacement.' })
    input: AssignTeamMemberInput,
  ): Promise<FollowUpObject> {
    return this.followUps.assignTeamMember(principal, input);
  }

  @Mutation(() => FollowUpObject, {
    description: 'Passe à la phase suivante (le soutien suppose les trois rôles tenus).',
  })
  @Allow('move', 'FollowUp')
  moveFollowUpToPhase(
    @CurrentPrincipal() principal: Principal,
    @Args('followUpId', { type: () => ID, description: "L'accompagnement." }, uuidArgument('followUpId'))
    followUpId: string,
    @Args('phase', { type: () => FollowUpPhase, description: 'La phase suivante (une seule à la fois).' })
    phase: FollowUpPhase,
  ): Promise<FollowUpObject> {
    return this.followUps.moveToPhase(principal, followUpId, phase);
  }

  @Mutation(() => FollowUpObject, { description: "Change l'état d'un objectif." })
  @Allow('move', 'FollowUp')
  setFollowUpObjectiveStatus(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: "L'objectif et son nouvel état." }) input: ObjectiveStatusInput,
  ): Promise<FollowUpObject> {
    return this.followUps.setObjectiveStatus(principal, input.objectiveId, input.status);
  }

  @Mutation(() => FollowUpObject, { description: "Renouvelle l'accompagnement, avec un motif." })
  @Allow('renew', 'FollowUp')
  renewFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Args() { followUpId, reason }: RenewFollowUpArgs,
  ): Promise<FollowUpObject> {
    return this.followUps.renewFollowUp(principal, followUpId, reason);
  }

  @Mutation(() => FollowUpObject, { description: 'Enregistre un acte (visite, rendez-vous, appel…).' })
  @Allow('recordAct', 'FollowUp')
  recordFollowUpAct(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: "L'acte à enregistrer." }) input: RecordActInput,
  ): Promise<FollowUpObject> {
    return this.followUps.recordAct(principal, input);
  }

  @Mutation(() => FollowUpObject, {
    description: "Termine l'accompagnement : ses relais ont tous une réponse, ou un motif est donné.",
  })
  @Allow('end', 'FollowUp')
  endFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Args() { followUpId, reason }: EndFollowUpArgs,
  ): Promise<FollowUpObject> {
    return this.followUps.endFollowUp(principal, followUpId, reason || null);
  }

  @Mutation(() => HandoffObject, {
    description: 'Propose un passage de relais à un partenaire que le consentement nomme pour cela.',
  })
  @Allow('propose', 'Handoff')
  proposeHandoff(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le relais à proposer.' }) input: ProposeHandoffInput,
  ): Promise<HandoffObject> {
    return this.handoffService.proposeHandoff(principal, input);
  }

  @Mutation(() => HandoffObject, {
    description: 'Accepte ou décline (avec un motif) un relais proposé à votre organisation.',
  })
  @Allow('answer', 'Handoff')
  answerHandoff(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Le relais et la réponse.' }) input: AnswerHandoffInput,
  ): Promise<HandoffObject> {
    return this.handoffService.answerHandoff(principal, input);
  }
}
