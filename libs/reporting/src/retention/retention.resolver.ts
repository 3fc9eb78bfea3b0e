import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, ConnectionType, uuidArgument } from '@relais/graphql';
import {
  DEFAULT_JUSTIFICATIONS,
  DEFAULT_RETENTION,
  RETENTION_BOUNDS,
  RetentionPeriod,
} from './domain/retention-periods';
import {
  ArchivedSituationObject,
  LegalHoldObject,
  RetentionPeriodKind,
  RetentionPlanObject,
  RetentionPolicyObject,
} from './dto/retention.objects';
import {
  ArchivedSituationsArgs,
  PlaceLegalHoldInput,
  UpdateRetentionPolicyInput,
} from './dto/retention.inputs';
import { LegalHold } from './entities';
import { RetentionQueryService } from './retention-query.service';
import { RetentionSettingsService, TerritoryRetention } from './retention-settings.service';

export const ArchivedSituationConnection = ConnectionType(ArchivedSituationObject, {
  name: 'ArchivedSituation',
  description: 'Une page de situations archivées ou anonymisées, et ce qui la suit.',
  nodeDescription: 'Une situation archivée',
});

const PERIOD_KINDS: readonly [RetentionPeriodKind, RetentionPeriod][] = [
  [RetentionPeriodKind.ACTIVE, 'activeMonths'],
  [RetentionPeriodKind.ARCHIVE, 'archiveMonths'],
  [RetentionPeriodKind.AUDIT, 'auditMonths'],
];

function toPolicyObject(policy: TerritoryRetention & { holds: LegalHold[] }): RetentionPolicyObject {
  return {
    territoryId: policy.territoryId,
    ...policy.periods,
    usesDefaults: PERIOD_KINDS.every(([, key]) => policy.periods[key] === DEFAULT_RETENTION[key]),
    justification: policy.justification,
    updatedAt: policy.updatedAt,
    periods: PERIOD_KINDS.map(([period, key]) => ({
      period,
      months: policy.periods[key],
      defaultMonths: DEFAULT_RETENTION[key],
      minMonths: RETENTION_BOUNDS[key].min,
      maxMonths: RETENTION_BOUNDS[key].max,
      legalBasis: DEFAULT_JUSTIFICATIONS[key],
    })),
    legalHolds: policy.holds,
  };
}

@Resolver()
export class RetentionResolver {
  constructor(
    private readonly settings: RetentionSettingsService,
    private readonly queries: RetentionQueryService,
  ) {}

  @Query(() => RetentionPolicyObject, {
    description:
      'Les durées de conservation du territoire, leurs fondements et les gels juridiques en vigueur.',
  })
  @Allow('read', 'RetentionPolicy')
  async retentionPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuidArgument('territoryId'))
    territoryId: string,
  ): Promise<RetentionPolicyObject> {
    return toPolicyObject(await this.settings.readPolicy(principal, territoryId));
  }

  @Mutation(() => RetentionPolicyObject, {
    description: 'Change les durées de conservation du territoire, dans leurs bornes, avec sa justification.',
  })
  @Allow('update', 'RetentionPolicy')
  async updateRetentionPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Les durées et leur justification.' }) input: UpdateRetentionPolicyInput,
  ): Promise<RetentionPolicyObject> {
    return toPolicyObject(await this.settings.updatePolicy(principal, input));
  }

  @Mutation(() => LegalHoldObject, {
    description: 'Pose un gel juridique : ce qu’il protège n’est plus ni anonymisé ni purgé.',
  })
  @Allow('place', 'LegalHold')
  placeLegalHold(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Ce que le gel protège, et pourquoi.' }) input: PlaceLegalHoldInput,
  ): Promise<LegalHoldObject> {
    return this.settings.placeHold(principal, input);
  }

  @Mutation(() => LegalHoldObject, { description: 'Lève un gel juridique en vigueur.' })
  @Allow('lift', 'LegalHold')
  liftLegalHold(
    @CurrentPrincipal() principal: Principal,
    @Args('holdId', { type: () => ID, description: 'Le gel à lever.' }, uuidArgument('holdId'))
    holdId: string,
  ): Promise<LegalHoldObject> {
    return this.settings.liftHold(principal, holdId);
  }

  @Query(() => RetentionPlanObject, {
    description:
      'Simulation : ce que le traitement quotidien de conservation ferait maintenant dans le territoire, sans rien changer.',
  })
  @Allow('plan', 'RetentionPolicy')
  retentionPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuidArgument('territoryId'))
    territoryId: string,
  ): Promise<RetentionPlanObject> {
    return this.queries.plan(principal, territoryId);
  }

  @Query(() => ArchivedSituationConnection, {
    name: 'archivedSituations',
    description:
      'Les situations archivées ou anonymisées du territoire, pour la coordination seule, sur demande : la plus anciennement archivée d’abord ; chaque lecture est tracée.',
  })
  @Allow('readArchived', 'Situation')
  archivedSituations(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ArchivedSituationsArgs,
  ): Promise<Connection<ArchivedSituationObject>> {
    return this.queries.archivedSituations(principal, args);
  }
}
