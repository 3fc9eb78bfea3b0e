import {
  DataCategory,
  DEFAULT_SHARING_MATRIX,
  readableCategories,
  Role,
  roleCategories,
  SharingCategory,
  SharingMatrix,
} from '@relais/access';

const CATEGORY_ORDER = Object.values(DataCategory);

/**
 * The categories from IDENTITY up (DataCategory's order): reading any of them about a person is
 * what the health and social data identification framework (arrêté of 28 March 2022) asks a
 * second factor for.
 */
export const SECOND_FACTOR_CATEGORIES: ReadonlySet<DataCategory> = new Set(
  CATEGORY_ORDER.slice(CATEGORY_ORDER.indexOf(DataCategory.IDENTITY)),
);

/**
 * The most a role reads about a person it is related to, after the access rules: the coordinator
 * and a referral's author read by role (`roleCategories`); cell members and follow-up teams read
 * within the territory's sharing matrix for their profession; the administrator reads no situation
 * but grants every role, so it can open whatever they read; the auditor reads the audit log only, the steering committee anonymous reports only.
 */
export function categoriesReachedBy(
  role: Role,
  sharingCategory: SharingCategory,
  matrix: SharingMatrix = DEFAULT_SHARING_MATRIX,
): ReadonlySet<DataCategory> {
  switch (role) {
    case Role.COORDINATOR:
    case Role.REFERRER:
      return new Set(roleCategories(sharingCategory));
    case Role.CELL_MEMBER:
    case Role.FOLLOWUP_PRACTITIONER:
      return readableCategories(sharingCategory, { related: true }, matrix);
    case Role.TERRITORY_ADMIN:
      return new Set(CATEGORY_ORDER);
    case Role.AUDITOR:
    case Role.STEERING:
      return new Set();
  }
}

export interface MembershipForSecondFactor {
  readonly roles: readonly Role[];
  /** The territory's sharing matrix (its narrowing of the default). */
  readonly sharingMatrix?: SharingMatrix;
  /** The territory asks it of every member. */
  readonly secondFactorForAllMembers?: boolean;
}

/** A member must sign in with a second factor where any role of theirs reaches IDENTITY or above. */
export function secondFactorRequired(
  sharingCategory: SharingCategory,
  memberships: readonly MembershipForSecondFactor[],
): boolean {
  return memberships.some(
    (membership) =>
      (membership.secondFactorForAllMembers && membership.roles.length > 0) ||
      membership.roles.some((role) =>
        [...categoriesReachedBy(role, sharingCategory, membership.sharingMatrix)].some((category) =>
          SECOND_FACTOR_CATEGORIES.has(category),
        ),
      ),
  );
}
