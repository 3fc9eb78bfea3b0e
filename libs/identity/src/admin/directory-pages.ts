import { AccessService, Principal } from '@relais/access';
import { decodeCursor, INVALID_CURSOR_MESSAGE, InputValidationException } from '@relais/graphql';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  MEMBER_CURSOR,
  ORGANISATION_CURSOR,
  OrganisationsArgs,
  TerritoryMembersArgs,
} from '../dto/directory.args';
import { Membership, Organisation } from '../entities';
import { containsPattern, foldedSql } from './name-search';

/** Fields of a membership that a field rule may keep from its reader. */
const RESTRICTED_MEMBERSHIP_FIELDS = ['status'];

function positionOf(after: string | null | undefined, shape: typeof MEMBER_CURSOR): string[] | null {
  if (!after) return null;
  const key = decodeCursor(after, shape);
  if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
  return key;
}

/**
 * What varies the text of a directory statement, for its plan's name: the filters asked for and
 * whether a cursor is given (their values are parameters).
 */
function variantOf(filters: {
  ids: boolean;
  organisations?: boolean;
  search: boolean;
  after: boolean;
}): string {
  return [
    filters.ids ? 'ids' : '',
    filters.organisations ? 'organisations' : '',
    filters.search ? 'search' : '',
    filters.after ? 'next' : 'first',
  ]
    .filter(Boolean)
    .join('-');
}

/**
 * One page of the territory's partners the reader may read, alphabetical (then by id, so equal
 * names keep one order), with one row more than asked to tell whether more follow; only the given
 * ids, or the names containing the search, when asked.
 */
export function organisationsPage(
  manager: EntityManager,
  access: AccessService,
  actor: Principal,
  args: OrganisationsArgs,
): Promise<Organisation[]> {
  const after = positionOf(args.after, ORGANISATION_CURSOR);
  const query = manager
    .getRepository(Organisation)
    .createQueryBuilder('organisation')
    .where('organisation.territoryId = :territoryId', { territoryId: args.territoryId })
    .orderBy('organisation.name', 'ASC')
    .addOrderBy('organisation.id', 'ASC')
    .limit(args.first + 1);
  if (after) {
    query.andWhere('(organisation.name, organisation.id) > (:afterName, CAST(:afterId AS uuid))', {
      afterName: after[0],
      afterId: after[1],
    });
  }
  const ids = args.ids ?? null;
  if (ids) query.andWhere('organisation.id = ANY(CAST(:ids AS uuid[]))', { ids });
  const search = args.search?.trim() || null;
  if (search) {
    query.andWhere(`${foldedSql('organisation.name')} LIKE :pattern`, { pattern: containsPattern(search) });
  }
  const variant = variantOf({ ids: !!ids, search: !!search, after: !!after });
  return access
    .accessibleBy(query, actor, 'read', 'Organisation')
    .comment(`prepared:organisations-${variant}-page`)
    .getMany();
}

/**
 * One page of the directory, by last then first name, each membership with its account and the
 * fields the reader may not read; one statement, one row more than asked.
 */
export async function membersPage(
  manager: EntityManager,
  access: AccessService,
  actor: Principal,
  args: TerritoryMembersArgs,
): Promise<{ membership: Membership; redactedFields: string[] }[]> {
  const after = positionOf(args.after, MEMBER_CURSOR);
  const query = manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoinAndSelect('membership.user', 'user')
    .where('membership.territoryId = :territoryId', { territoryId: args.territoryId })
    .orderBy('user.lastName', 'ASC')
    .addOrderBy('user.firstName', 'ASC')
    .addOrderBy('membership.id', 'ASC')
    // Joined rows: TypeORM's `take` would read the ids first; one membership is one row here.
    .limit(args.first + 1);
  if (after) {
    query.andWhere(
      '(user.lastName, user.firstName, membership.id) > (:afterLast, :afterFirst, CAST(:afterId AS uuid))',
      { afterLast: after[0], afterFirst: after[1], afterId: after[2] },
    );
  }
  const filters = filterMembers(query, args);
  const readAccess = access.selectRowAccess(query, actor, 'read', 'Membership');
  query.comment(`prepared:territory-members-${variantOf({ ...filters, after: !!after })}-page`);
  const { entities, raw } = await query.getRawAndEntities();
  const accesses = readAccess(raw);
  return entities.map((membership) => {
    // The directory rule lists the fields it opens; the administrator's opens the whole row.
    const grants = accesses.get(membership.id)?.grants ?? [];
    const whole = grants.some((grant) => !grant.fields);
    return {
      membership,
      redactedFields: whole
        ? []
        : RESTRICTED_MEMBERSHIP_FIELDS.filter((field) => !grants.some((grant) => grant.fields?.has(field))),
    };
  });
}

/**
 * Only the given accounts, the professionals of the given partners, or the people whose last or first
 * name contains the search, when asked.
 */
function filterMembers(
  query: SelectQueryBuilder<Membership>,
  args: Pick<TerritoryMembersArgs, 'userIds' | 'organisationIds' | 'search'>,
): { ids: boolean; organisations: boolean; search: boolean } {
  const userIds = args.userIds ?? null;
  if (userIds) query.andWhere('membership.userId = ANY(CAST(:userIds AS uuid[]))', { userIds });
  const organisationIds = args.organisationIds ?? null;
  if (organisationIds) {
    query.andWhere('user.organisationId = ANY(CAST(:organisationIds AS uuid[]))', { organisationIds });
  }
  const search = args.search?.trim() || null;
  if (search) {
    query.andWhere(
      `(${foldedSql('user.lastName')} LIKE :pattern OR ${foldedSql('user.firstName')} LIKE :pattern)`,
      {
        pattern: containsPattern(search),
      },
    );
  }
  return { ids: !!userIds, organisations: !!organisationIds, search: !!search };
}

/**
 * How many memberships of the territory the reader may read, for the directory's heading: those
 * the filters keep, when some are asked.
 */
export async function membersCount(
  manager: EntityManager,
  access: AccessService,
  actor: Principal,
  args: Pick<TerritoryMembersArgs, 'territoryId' | 'userIds' | 'organisationIds' | 'search'>,
): Promise<number> {
  const query = manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .where('membership.territoryId = :territoryId', { territoryId: args.territoryId });
  // The search and the partners read the account; without them the count needs no join.
  if (args.search?.trim() || args.organisationIds) query.innerJoin('membership.user', 'user');
  const filters = filterMembers(query, args);
  return access
    .accessibleBy(query, actor, 'read', 'Membership')
    .comment(`prepared:territory-members-${variantOf({ ...filters, after: false })}-count`)
    .getCount();
}
