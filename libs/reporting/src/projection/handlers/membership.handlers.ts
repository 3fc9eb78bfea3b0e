import { ProjectionHandlers } from './projection-context';

/** Keeps `report_memberships` and `report_charter_acceptances`. */
export const membershipHandlers: ProjectionHandlers = (context) => ({
  'membership.changed': async ({ subjectId, payload }) => {
    // A member without roles, or suspended, is no longer active from that day; reactivated, again.
    const active = payload.status === 'ACTIVE' && payload.roles.length > 0;
    await context.manager.query(
      `INSERT INTO report_memberships (territory_id, membership_id, organisation_kind, roles, active_from, active_until)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN NULL ELSE $5::date END)
       ON CONFLICT (territory_id, membership_id) DO UPDATE SET
         organisation_kind = COALESCE(EXCLUDED.organisation_kind, report_memberships.organisation_kind),
         roles = EXCLUDED.roles,
         active_until = CASE WHEN $6 THEN NULL ELSE COALESCE(report_memberships.active_until, EXCLUDED.active_until) END`,
      [context.territoryId, subjectId, payload.organisationKind ?? null, payload.roles, context.day, active],
    );
  },
  'charter.accepted': async ({ subjectId, payload }) => {
    await context.manager.query(
      `INSERT INTO report_charter_acceptances (territory_id, membership_id, charter_version, accepted_on)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [
        context.territoryId,
        subjectId,
        charterVersion(payload.charterKind, payload.charterVersion),
        context.day,
      ],
    );
  },
});

/** `KIND:version`, e.g. `CELL_MEMBER:2`: the report compares it with the charter in force. */
export function charterVersion(kind: string, version: number): string {
  return `${kind}:${version}`;
}
