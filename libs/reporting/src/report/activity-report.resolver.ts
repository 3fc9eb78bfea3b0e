import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { ActivityReportService } from './activity-report.service';
import { ActivityReportArgs } from './dto/activity-report.args';
import { ActivityReportObject } from './dto/activity-report.objects';

@Resolver()
export class ActivityReportResolver {
  constructor(private readonly reports: ActivityReportService) {}

  @Query(() => ActivityReportObject, {
    description:
      'Le bilan d’activité d’un territoire sur une période (saisines, délais, actions, consentement, séances, accompagnements), comparé à la période précédente, sans rien de personnel et petits effectifs masqués. Pour la coordination et le comité de pilotage ; chaque production est tracée.',
  })
  @Allow('read', 'ActivityReport')
  activityReport(
    @CurrentPrincipal() actor: Principal,
    @Args() args: ActivityReportArgs,
  ): Promise<ActivityReportObject> {
    return this.reports.produce(actor, { ...args, format: 'GRAPHQL' }) as Promise<ActivityReportObject>;
  }
}
