import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CountedConnection, uuidArgument } from '@relais/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { ConsentInput, ConsentObject, DerogationInput, DerogationObject } from '@relais/consent';
import {
  AcceptReferralInput,
  CreateReferralInput,
  RedirectReferralInput,
  ReferralReasonInput,
  SubmitReferralInput,
  UpdateReferralInput,
} from './dto/referral.input';
import { MyReferralConnection, ReferralConnection } from './dto/referral-connections';
import { MyOrganisationReferralsArgs, ReferralsArgs } from './dto/referral-lists.args';
import { MyReferralObject, ReferralObject } from './dto/referral.objects';
import { ReferralsToReviewArgs } from './dto/referrals-to-review.args';
import { MyReferralsQueryService } from './my-referrals-query.service';
import { ReferralDecisionService } from './referral-decision.service';
import { ReferralQueryService } from './referral-query.service';
import { ReferralService } from './referral.service';

@Resolver()
export class ReferralResolver {
  constructor(
    private readonly service: ReferralService,
    private readonly decisions: ReferralDecisionService,
    private readonly queries: ReferralQueryService,
    private readonly myReferrals: MyReferralsQueryService,
  ) {}

  @Query(() => ReferralObject, { description: 'Une saisine, telle que votre relation permet de la lire.' })
  @Allow('read', 'Referral')
  referral(
    @CurrentPrincipal() principal: Principal,
    @Args('referralId', { type: () => ID, description: 'La saisine.' }, uuidArgument('referralId'))
    referralId: string,
  ): Promise<ReferralObject> {
    return this.queries.referral(principal, referralId);
  }

  @Query(() => ReferralConnection, {
    description:
      'Les saisines du territoire, page par page, la plus récemment créée d’abord : toutes pour la coordination, le pré-examen anonyme pour la cellule.',
  })
  @Allow('read', 'Referral')
  referrals(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ReferralsArgs,
  ): Promise<CountedConnection<ReferralObject>> {
    return this.queries.referrals(principal, args);
  }

  @Query(() => ReferralConnection, {
    description:
      'Réservé à la coordination : les saisines transmises ou en pré-examen, qui attendent sa décision, la plus ancienne d’abord, page par page.',
  })
  @Allow('review', 'Referral')
  referralsToReview(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ReferralsToReviewArgs,
  ): Promise<CountedConnection<ReferralObject>> {
    return this.queries.referralsToReview(principal, args);
  }

  @Query(() => MyReferralConnection, {
    description:
      'Les saisines de mon organisation, page par page, la plus récente d’abord : où elles en sont et ce qui nous est confié.',
  })
  @Allow('create', 'Referral')
  myOrganisationReferrals(
    @CurrentPrincipal() principal: Principal,
    @Args() args: MyOrganisationReferralsArgs,
  ): Promise<CountedConnection<MyReferralObject>> {
    return this.myReferrals.myOrganisationReferrals(principal, args);
  }

  @Mutation(() => ReferralObject, { description: 'Crée le brouillon d’une saisine.' })
  @Allow('create', 'Referral')
  createReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La personne et la fiche de saisine.' }) input: CreateReferralInput,
  ): Promise<ReferralObject> {
    return this.service.createReferral(principal, input);
  }

  @Mutation(() => ReferralObject, {
    description: 'Modifie un brouillon (ou une saisine en attente de consentement).',
  })
  @Allow('update', 'Referral')
  updateReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine et sa fiche modifiée.' }) input: UpdateReferralInput,
  ): Promise<ReferralObject> {
    return this.service.updateReferral(principal, input);
  }

  @Mutation(() => ReferralObject, {
    description:
      'Transmet la saisine à la cellule. Un danger imminent est refusé avec les numéros d’urgence.',
  })
  @Allow('submit', 'Referral')
  submitReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine et les conditions de recevabilité.' })
    input: SubmitReferralInput,
  ): Promise<ReferralObject> {
    return this.service.submitReferral(principal, input);
  }

  @Mutation(() => ReferralObject, { description: 'Retire la saisine, tant que la cellule n’a pas décidé.' })
  @Allow('withdraw', 'Referral')
  withdrawReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine et le motif du retrait.' }) input: ReferralReasonInput,
  ): Promise<ReferralObject> {
    return this.service.withdrawReferral(principal, input);
  }

  @Mutation(() => ReferralObject, { description: 'Ouvre le pré-examen anonyme par la cellule.' })
  @Allow('review', 'Referral')
  startReferralPreReview(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'referralId',
      { type: () => ID, description: 'La saisine transmise à pré-examiner.' },
      uuidArgument('referralId'),
    )
    referralId: string,
  ): Promise<ReferralObject> {
    return this.decisions.startPreReview(principal, referralId);
  }

  @Mutation(() => ReferralObject, {
    description: 'Accepte la saisine : la situation est ouverte (ou complétée).',
  })
  @Allow('accept', 'Referral')
  acceptReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine acceptée, et la personne déjà connue s’il y a lieu.' })
    input: AcceptReferralInput,
  ): Promise<ReferralObject> {
    return this.decisions.acceptReferral(principal, input);
  }

  @Mutation(() => ReferralObject, {
    description: 'Réoriente la saisine vers une autre instance, avec un message.',
  })
  @Allow('redirect', 'Referral')
  redirectReferral(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine, l’instance et le message à l’auteur.' })
    input: RedirectReferralInput,
  ): Promise<ReferralObject> {
    return this.decisions.redirectReferral(principal, input);
  }

  @Mutation(() => ReferralObject, {
    description: 'Demande à l’auteur de recueillir le consentement de la personne.',
  })
  @Allow('requestConsent', 'Referral')
  requestReferralConsent(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La saisine et le motif de la demande, adressé à l’auteur.' })
    input: ReferralReasonInput,
  ): Promise<ReferralObject> {
    return this.decisions.requestConsent(principal, input);
  }

  @Mutation(() => ConsentObject, { description: 'Enregistre la réponse de la personne (accord ou refus).' })
  @Allow('recordConsent', 'Referral')
  recordConsent(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'referralId',
      { type: () => ID, description: 'La saisine pour laquelle le consentement est recueilli.' },
      uuidArgument('referralId'),
    )
    referralId: string,
    @Args('input', { description: 'La réponse de la personne, telle qu’elle a été recueillie.' })
    input: ConsentInput,
  ): Promise<ConsentObject> {
    return this.service.recordConsent(principal, referralId, input);
  }

  @Mutation(() => DerogationObject, {
    description:
      'Demande une dérogation au consentement ; elle ne vaut qu’après validation par un second professionnel.',
  })
  @Allow('requestDerogation', 'Referral')
  requestDerogation(
    @CurrentPrincipal() principal: Principal,
    @Args('referralId', { type: () => ID, description: 'La saisine concernée.' }, uuidArgument('referralId'))
    referralId: string,
    @Args('input', { description: 'Le fondement, la justification et le partage demandé.' })
    input: DerogationInput,
  ): Promise<DerogationObject> {
    return this.service.requestDerogation(principal, referralId, input);
  }
}
