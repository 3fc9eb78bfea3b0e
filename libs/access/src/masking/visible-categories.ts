import { DataCategory } from '../domain/data-category';
import { Relation } from '../domain/relation';
import { SharingCategory } from '../domain/sharing-category';
import { Principal } from '../principal';
import { RowView } from './field-mask';
import { RowAccess } from './row-access';

/**
 * Relations whose reading comes from the role or the authorship rather than from the sharing
 * matrix: the coordinator runs the cell and the author reads the referral it wrote (bound by the
 * charter). Health stays with health professionals even there. Every other relation — the collector
 * of a consent included — reads within the matrix of its profession.
 */
const BEYOND_MATRIX: ReadonlySet<Relation> = new Set([Relation.COORDINATOR, Relation.REFERRING_USER]);

/** Does this relation read by role, beyond the sharing matrix (and so at least as much as any other)? */
export function readsByRole(relation: Relation): boolean {
  return BEYOND_MATRIX.has(relation);
}

/** What the coordinator or an author reads: everything but health, unless a health professional. */
export function roleCategories(sharingCategory: SharingCategory): DataCategory[] {
  return Object.values(DataCategory).filter(
    (category) => category !== DataCategory.HEALTH_SECRET || sharingCategory === SharingCategory.HEALTH,
  );
}

/**
 * The one answer to "what of this row does this reader see": each granting rule opens its
 * categories, within the territory's sharing matrix for the reader's profession (or the role's
 * reading for the coordinator and authors), and only for the fields it lists if it lists some. A
 * readable row always shows its logistics; a row without any relation shows nothing.
 */
export function rowView(principal: Principal, territoryId: string, access: RowAccess): RowView {
  if (!access.grants.length) return viewOf(principal, territoryId, access);
  // Rows of a list often hold the same access (see `selectRowAccess`): one view for all of them.
  let known = views.get(access);
  if (!known || known.principal !== principal) views.set(access, (known = { principal, views: new Map() }));
  let view = known.views.get(territoryId);
  if (!view) known.views.set(territoryId, (view = viewOf(principal, territoryId, access)));
  return view;
}

/** Views already worked out, by access, for the one principal they were asked for. */
const views = new WeakMap<RowAccess, { principal: Principal; views: Map<string, RowView> }>();

function viewOf(principal: Principal, territoryId: string, access: RowAccess): RowView {
  const categories = new Set<DataCategory>();
  const unrestricted = new Set<DataCategory>();
  const listed = new Map<DataCategory, Set<string>>();
  if (!access.grants.length) return { categories, restrictedTo: listed };
  categories.add(DataCategory.LOGISTIC);
  unrestricted.add(DataCategory.LOGISTIC);
  const matrix = principal.readableIn(territoryId);
  const byRole = new Set(roleCategories(principal.sharingCategory));
  for (const grant of access.grants) {
    const allowed = BEYOND_MATRIX.has(grant.relation) ? byRole : matrix;
    for (const category of grant.opens) {
      if (!allowed.has(category)) continue;
      categories.add(category);
      if (!grant.fields) unrestricted.add(category);
      else {
        const fields = listed.get(category) ?? new Set<string>();
        for (const field of grant.fields) fields.add(field);
        listed.set(category, fields);
      }
    }
  }
  for (const category of unrestricted) listed.delete(category);
  return { categories, restrictedTo: listed };
}

/** The categories of `rowView`, for what is decided by category alone (a note, a line). */
export function visibleCategories(
  principal: Principal,
  territoryId: string,
  access: RowAccess,
): Set<DataCategory> {
  return new Set(rowView(principal, territoryId, access).categories);
}
