import { EntityManager } from 'typeorm';
import { AccessException } from '../access.exception';
import { Action } from '../policy/policy';
import { policyRegistry } from '../policy/policy-registry';

/**
 * The NOT_FOUND answering a policy-filtered read that found no row with this id. When the row
 * exists — as the transaction's row-level security sees it, so only rows of the caller's
 * territories count — the exception names it for the security record. One primary-key read,
 * made only on this path: a successful read costs nothing more.
 */
export async function notFoundOnRead(
  manager: EntityManager,
  action: Action,
  subject: string | (new (...args: never[]) => object),
  id: string,
): Promise<AccessException> {
  const subjectType = typeof subject === 'string' ? subject : policyRegistry.subjectNameOfEntity(subject);
  const entity = typeof subject === 'string' ? policyRegistry.subject(subject).entity : subject;
  if (!entity) return new AccessException('NOT_FOUND');
  const territory = manager.connection.getMetadata(entity).findColumnWithPropertyName('territoryId');
  const existing = (await manager
    .getRepository(entity)
    .createQueryBuilder('existing')
    .select(territory ? `"existing"."${territory.databaseName}"` : 'NULL', 'territory_id')
    .where('"existing"."id" = :existingId', { existingId: id })
    .limit(1)
    .getRawOne()) as { territory_id: string | null } | undefined;
  if (!existing) return new AccessException('NOT_FOUND');
  return new AccessException('NOT_FOUND', {
    subjectType,
    subjectId: id,
    territoryId: existing.territory_id,
    action,
  });
}
