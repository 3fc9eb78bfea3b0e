import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CountedConnection, MultilineText, uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { IsString, IsUUID, Length } from 'class-validator';
import { ConsentQueryService } from './consent-query.service';
import { ConsentService } from './consent.service';
import { DerogationListService } from './derogation-list.service';
import { DerogationService } from './derogation.service';
import { CONSENTS_SHOWN } from './consent-query.service';
import { ConsentObject, DerogationObject } from './dto/consent.dto';
import { DerogationConnection, DerogationsArgs } from './dto/derogation-list.dto';

@ArgsType()
class RejectDerogationArgs {
  @Field(() => ID, { description: 'La dérogation en attente à refuser.' })
  @IsUUID('4', { message: "L'identifiant n'est pas valide." })
  derogationId!: string;

  @Field({ description: 'Pourquoi la dérogation est refusée.' })
  @MultilineText()
  @IsString({ message: 'Le motif est obligatoire.' })
  @Length(10, 1000, { message: 'Le motif doit contenir entre 10 et 1 000 caractères.' })
  note!: string;
}

@Resolver()
export class ConsentResolver {
  constructor(
    private readonly consentService: ConsentService,
    private readonly consentQueries: ConsentQueryService,
    private readonly derogationService: DerogationService,
    private readonly derogationList: DerogationListService,
  ) {}

  @Query(() => [ConsentObject], {
    description: `Les consentements de la personne que vous pouvez voir, le plus récent d’abord : les ${CONSENTS_SHOWN} derniers enregistrés.`,
  })
  @Allow('read', 'Consent')
  consents(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID, description: 'La personne concernée.' }, uuidArgument('personId'))
    personId: string,
  ): Promise<ConsentObject[]> {
    return this.consentQueries.consentsOf(principal, personId);
  }

  @Query(() => String, { description: 'Le récépissé à remettre à la personne, en français.' })
  @Allow('read', 'Consent')
  consentReceipt(
    @CurrentPrincipal() principal: Principal,
    @Args('consentId', { type: () => ID, description: 'Le consentement.' }, uuidArgument('consentId'))
    consentId: string,
  ): Promise<string> {
    return this.consentQueries.consentReceipt(principal, consentId);
  }

  @Mutation(() => ConsentObject, {
    description: 'La personne retire son accord : le partage cesse dès la requête suivante.',
  })
  @Allow('withdraw', 'Consent')
  withdrawConsent(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'consentId',
      { type: () => ID, description: 'Le consentement en vigueur à retirer.' },
      uuidArgument('consentId'),
    )
    consentId: string,
  ): Promise<ConsentObject> {
    return this.consentService.withdrawConsent(principal, consentId);
  }

  @Query(() => DerogationConnection, {
    description:
      'Les dérogations du territoire que vous pouvez voir, page par page : en attente, la plus ancienne d’abord ; sinon la plus récente d’abord.',
  })
  @Allow('read', 'ConsentException')
  derogations(
    @CurrentPrincipal() principal: Principal,
    @Args() args: DerogationsArgs,
  ): Promise<CountedConnection<DerogationObject>> {
    return this.derogationList.derogations(principal, args);
  }

  @Mutation(() => DerogationObject, {
    description: 'Valide une dérogation demandée par un autre professionnel.',
  })
  @Allow('approve', 'ConsentException')
  approveDerogation(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'derogationId',
      { type: () => ID, description: 'La dérogation en attente à valider.' },
      uuidArgument('derogationId'),
    )
    derogationId: string,
  ): Promise<DerogationObject> {
    return this.derogationService.approveDerogation(principal, derogationId);
  }

  @Mutation(() => DerogationObject, { description: 'Refuse une dérogation, avec un motif.' })
  @Allow('reject', 'ConsentException')
  rejectDerogation(
    @CurrentPrincipal() principal: Principal,
    @Args() { derogationId, note }: RejectDerogationArgs,
  ): Promise<DerogationObject> {
    return this.derogationService.rejectDerogation(principal, derogationId, note);
  }
}
