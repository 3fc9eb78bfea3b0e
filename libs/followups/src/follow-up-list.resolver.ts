import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType } from '@relais/graphql';
import {
  HandoffRecipientObject,
  HandoffRecipientsArgs,
  IncomingHandoffsArgs,
  MyFollowUpsArgs,
  SituationFollowUpsArgs,
} from './dto/follow-up-lists.dto';
import { FollowUpObject, HandoffObject } from './dto/follow-up.objects';
import { FollowUpListQueryService } from './follow-up-list-query.service';
import { HandoffListQueryService } from './handoff-list-query.service';

export const FollowUpConnection = ConnectionType(FollowUpObject, {
  name: 'FollowUp',
  description: 'Une page d’accompagnements, et ce qui la suit.',
  nodeDescription: 'Un accompagnement',
});

export const HandoffConnection = ConnectionType(HandoffObject, {
  name: 'Handoff',
  description: 'Une page de passages de relais, et ce qui la suit.',
  nodeDescription: 'Un passage de relais',
});

export const HandoffRecipientConnection = ConnectionType(HandoffRecipientObject, {
  name: 'HandoffRecipient',
  description: 'Une page de partenaires à qui passer le relais, et ce qui la suit.',
  nodeDescription: 'Un partenaire possible',
});

@Resolver()
export class FollowUpListResolver {
  constructor(
    private readonly followUps: FollowUpListQueryService,
    private readonly handoffs: HandoffListQueryService,
  ) {}

  @Query(() => FollowUpConnection, {
    description:
      'Mes accompagnements : ceux où je tiens un rôle aujourd’hui (titulaire ou remplaçant) ou tiendrai un remplacement daté, la fin prévue la plus proche d’abord, page par page.',
  })
  @Allow('read', 'FollowUp')
  myFollowUps(
    @CurrentPrincipal() principal: Principal,
    @Args() args: MyFollowUpsArgs,
  ): Promise<Connection<FollowUpObject>> {
    return this.followUps.myFollowUps(principal, args);
  }

  @Query(() => FollowUpConnection, {
    description:
      'Les accompagnements de la situation que vous pouvez voir, le plus récent d’abord, page par page.',
  })
  @Allow('read', 'FollowUp')
  situationFollowUps(
    @CurrentPrincipal() principal: Principal,
    @Args() args: SituationFollowUpsArgs,
  ): Promise<Connection<FollowUpObject>> {
    return this.followUps.situationFollowUps(principal, args);
  }

  @Query(() => HandoffConnection, {
    description:
      'Les passages de relais proposés à votre organisation : ceux à répondre d’abord (le plus ancien en tête), puis ceux répondus (le plus récent en tête), page par page.',
  })
  @Allow('read', 'Handoff')
  incomingHandoffs(
    @CurrentPrincipal() principal: Principal,
    @Args() args: IncomingHandoffsArgs,
  ): Promise<Connection<HandoffObject>> {
    return this.handoffs.incomingHandoffs(principal, args);
  }

  @Query(() => HandoffRecipientConnection, {
    description:
      'Pour proposer un passage de relais : les partenaires du territoire (hors votre organisation), chacun dit permis ou non par le consentement de la personne.',
  })
  @Allow('propose', 'Handoff')
  handoffRecipients(
    @CurrentPrincipal() principal: Principal,
    @Args() args: HandoffRecipientsArgs,
  ): Promise<Connection<HandoffRecipientObject>> {
    return this.handoffs.handoffRecipients(principal, args);
  }
}
