import { DataCategory } from '../domain/data-category';
import { Relation } from '../domain/relation';
import { SharingCategory } from '../domain/sharing-category';
import { Principal } from '../principal';
import { RowAccess } from './row-access';

/**
 * Relations whose reading comes from the role or the authorship rather than from the sharing
 * matrix: the coordinator runs the cell and the author reads what it wrote (bound by the charter).
 * Health stays with health professionals even there.
 */
const BEYOND_MATRIX: ReadonlySet<Relation> = new Set([
  Relation.COORDINATOR,
  Relation.REFERRING_USER,
  Relation.COLLECTOR,
]);

/** What the coordinator or an author reads: everything but health, unless a health professional. */
export function roleCategories(sharingCategory: SharingCategory): DataCategory[] {
  return Object.values(DataCategory).filter(
    (category) => category !== DataCategory.HEALTH_SECRET || sharingCategory === SharingCategory.HEALTH,
  );
}

export interface VisibilityContext {
  /** A health professional shared this item with the reader, with a reason. */
  readonly healthSharedWithReader?: boolean;
}

/**
 * The one answer to "which categories of this row does this reader see": each relation held opens
 * its categories, within the territory's sharing matrix for the reader's profession (or the role's
 * reading for the coordinator and authors). A readable row always shows its logistics; a row
 * without any relation shows nothing.
 */
export function visibleCategories(
  principal: Principal,
  territoryId: string,
  access: RowAccess,
  context: VisibilityContext = {},
): Set<DataCategory> {
  const visible = new Set<DataCategory>();
  if (!access.relations.size) return visible;
  visible.add(DataCategory.LOGISTIC);
  const matrix = principal.readableIn(territoryId, { related: true, ...context });
  const byRole = new Set(roleCategories(principal.sharingCategory));
  for (const [relation, opened] of access.relations) {
    const allowed = BEYOND_MATRIX.has(relation) ? byRole : matrix;
    for (const category of opened) if (allowed.has(category)) visible.add(category);
  }
  return visible;
}
