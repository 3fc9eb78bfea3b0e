import { ActiveMembership, Role, SharingMatrixNarrowing, territorySharingMatrix } from '@relais/access';
import { EntityManager } from 'typeorm';
import { MembershipStatus } from '../domain/membership-status';

/**
 * A user's active memberships with roles, and for each whether the user has accepted every charter
 * in force in that territory (the charter gate), in one query: all that an ability is built from.
 */
export async function activeMembershipsOf(
  manager: EntityManager,
  userId: string,
): Promise<ActiveMembership[]> {
  const rows = (await manager.query(
    `/* prepared:active-memberships */ SELECT m.id, m.territory_id, m.roles, m.cell_id, t.settings -> 'sharingMatrix' AS sharing_matrix,
            NOT EXISTS (
              SELECT 1 FROM charters c
               WHERE c.territory_id = m.territory_id AND c.current
                 AND NOT EXISTS (SELECT 1 FROM charter_acceptances a WHERE a.charter_id = c.id AND a.user_id = m.user_id)
            ) AS charter_accepted
       FROM memberships m JOIN territories t ON t.id = m.territory_id
      WHERE m.user_id = $1 AND m.status = $2 AND cardinality(m.roles) > 0`,
    [userId, MembershipStatus.ACTIVE],
  )) as MembershipRow[];
  return rows.map(membershipOfRow);
}

/** A row of the query above, or an element of `authenticate_session`'s `memberships` (same keys). */
export interface MembershipRow {
  id: string;
  territory_id: string;
  roles: string | string[];
  cell_id: string | null;
  charter_accepted: boolean;
  sharing_matrix: SharingMatrixNarrowing | null;
}

export function membershipOfRow(row: MembershipRow): ActiveMembership {
  return {
    id: row.id,
    territoryId: row.territory_id,
    roles: parseRoles(row.roles),
    cellId: row.cell_id,
    charterAccepted: row.charter_accepted,
    sharingMatrix: territorySharingMatrix(row.sharing_matrix ?? {}),
  };
}

/** node-postgres returns arrays of enums as their text form (`{COORDINATOR,REFERRER}`). */
function parseRoles(value: string | string[]): Role[] {
  const items = Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  return items as Role[];
}
