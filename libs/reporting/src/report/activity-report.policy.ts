import { definePolicy, LegalBasis, Role } from '@relais/access';
import { ReportSituation } from '../projection/entities';

/**
 * The activity report is the coordination's and the steering committee's: anonymous figures of
 * their own territory. Its rows are the projection's, which carries the territory on every row.
 */
export const activityReportPolicy = definePolicy({
  name: 'activity-report',
  subjects: {
    ActivityReport: { entity: ReportSituation, description: "bilan d'activité du territoire" },
  },
  define(principal, { allow }) {
    const steering = principal.clearedTerritoriesWith(Role.COORDINATOR, Role.STEERING);
    if (steering.length) {
      allow(
        'read',
        'ActivityReport',
        { territoryId: { $in: steering } },
        {
          basis: LegalBasis.MEMBERSHIP,
          explanation:
            'La coordination et le comité de pilotage du territoire lisent son bilan d’activité, sans rien de personnel.',
        },
      );
    }
  },
});
