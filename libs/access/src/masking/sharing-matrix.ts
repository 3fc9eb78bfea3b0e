import { DataCategory } from '../domain/data-category';
import { SharingCategory } from '../domain/sharing-category';

export type SharingMatrix = Readonly<Record<SharingCategory, readonly DataCategory[]>>;

const ALL = Object.values(DataCategory);

/** The law's default (secret partagé): health stays with health professionals. */
export const DEFAULT_SHARING_MATRIX: SharingMatrix = {
  HEALTH: ALL,
  SOCIAL_MEDICOSOCIAL: ALL.filter((category) => category !== DataCategory.HEALTH_SECRET),
  NOT_LISTED: [DataCategory.LOGISTIC, DataCategory.HOUSING],
};

/** Categories a reader outside the care professions never receives, whatever is shared or set. */
const NEVER_TO_NOT_LISTED = new Set([DataCategory.SOCIAL_CONFIDENTIAL, DataCategory.HEALTH_SECRET]);

export type SharingMatrixNarrowing = Partial<Record<SharingCategory, readonly DataCategory[]>>;

/** What a territory asked for that the default does not allow: such a setting is refused. */
export function wideningsOf(narrowing: SharingMatrixNarrowing): string[] {
  return Object.entries(narrowing).flatMap(([reader, categories]) =>
    (categories ?? [])
      .filter((category) => !DEFAULT_SHARING_MATRIX[reader as SharingCategory].includes(category))
      .map((category) => `${reader} → ${category}`),
  );
}

/** A territory's matrix: its narrowing intersected with the default, so it can never widen. */
export function territorySharingMatrix(narrowing: SharingMatrixNarrowing = {}): SharingMatrix {
  const matrix = {} as Record<SharingCategory, readonly DataCategory[]>;
  for (const reader of Object.values(SharingCategory)) {
    const allowed = narrowing[reader];
    matrix[reader] = DEFAULT_SHARING_MATRIX[reader].filter(
      (category) => !allowed || allowed.includes(category),
    );
  }
  return matrix;
}

export interface ReadingContext {
  /** The reader is related to the person (referral, invitation, team, circle named by the consent). */
  readonly related: boolean;
  /** A health professional shared this item with the reader, with a reason. */
  readonly healthSharedWithReader?: boolean;
}

/** The categories a reader sees on one item about one person. */
export function readableCategories(
  reader: SharingCategory,
  context: ReadingContext,
  matrix: SharingMatrix = DEFAULT_SHARING_MATRIX,
): ReadonlySet<DataCategory> {
  if (!context.related) return new Set();
  const readable = new Set(matrix[reader]);
  if (context.healthSharedWithReader && reader === SharingCategory.SOCIAL_MEDICOSOCIAL) {
    readable.add(DataCategory.HEALTH_SECRET);
  }
  if (reader === SharingCategory.NOT_LISTED)
    for (const category of NEVER_TO_NOT_LISTED) readable.delete(category);
  return readable;
}
