import { Role, WORKING_ROLES } from '@relais/access';
import { EntityManager } from 'typeorm';
import { Recipient } from './reminder-draft';

interface AudienceQuery {
  territoryId: string;
  roles?: readonly Role[];
  organisationIds?: readonly string[];
  userIds?: readonly string[];
}

/**
 * The active members of a territory matching every criterion, as recipients: one query whatever
 * the number of people. A suspended member or one who left receives nothing.
 */
export async function membersOf(manager: EntityManager, query: AudienceQuery): Promise<Recipient[]> {
  if (query.organisationIds?.length === 0 || query.userIds?.length === 0) return [];
  const rows = (await manager.query(
    `SELECT u.id AS user_id, u.organisation_id,
            bool_or('COORDINATOR' = ANY(m.roles::text[])) AS coordinator
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.territory_id = $1 AND m.status = 'ACTIVE'
        AND m.roles::text[] && $2::text[]
        AND ($3::uuid[] IS NULL OR u.organisation_id = ANY($3::uuid[]))
        AND ($4::uuid[] IS NULL OR u.id = ANY($4::uuid[]))
      GROUP BY u.id, u.organisation_id
      ORDER BY u.id`,
    [query.territoryId, query.roles ?? WORKING_ROLES, query.organisationIds ?? null, query.userIds ?? null],
  )) as { user_id: string; organisation_id: string; coordinator: boolean }[];
  return rows.map((row) => ({
    userId: row.user_id,
    organisationId: row.organisation_id,
    coordinator: row.coordinator,
  }));
}

export function coordinatorsOf(manager: EntityManager, territoryId: string): Promise<Recipient[]> {
  return membersOf(manager, { territoryId, roles: [Role.COORDINATOR] });
}

/** Recipients named once each, the first mention winning. */
export function distinctRecipients(...groups: Recipient[][]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const recipient of groups.flat())
    if (!seen.has(recipient.userId)) seen.set(recipient.userId, recipient);
  return [...seen.values()];
}
