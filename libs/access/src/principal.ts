import { StandbyReads } from '@relais/database';
import { DataCategory } from './domain/data-category';
import { Role } from './domain/role';
import { SharingCategory } from './domain/sharing-category';
import {
  DEFAULT_SHARING_MATRIX,
  readableCategories,
  ReadingContext,
  SharingMatrix,
} from './masking/sharing-matrix';

export interface ActiveMembership {
  readonly id: string;
  readonly territoryId: string;
  readonly roles: readonly Role[];
  readonly cellId: string | null;
  /** False while the territory has a current charter version the user has not accepted. */
  readonly charterAccepted: boolean;
  /** The territory's sharing matrix (the default, narrowed by the territory if it chose to). */
  readonly sharingMatrix?: SharingMatrix;
}

/** Who is calling, rebuilt from the database on every request so a suspension bites at once. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly organisationId: string,
    readonly sharingCategory: SharingCategory,
    readonly memberships: readonly ActiveMembership[],
    readonly requestId: string = '',
    /** The kind of the user's organisation: consents may name kinds (« tout CMP ») as well as partners. */
    readonly organisationKind: string = 'OTHER',
    /** The request's moment, from the injectable clock: rules on expiry compare with it. */
    readonly now: Date = new Date(),
  ) {}

  /**
   * Given by the authentication guard to a query or a document download, never to a mutation, when
   * a standby is configured: the lists, reports and documents read through `ScopedDatabase.read`
   * may then be answered there.
   */
  standbyReads?: StandbyReads;

  get territoryIds(): string[] {
    return this.memberships.map((m) => m.territoryId);
  }

  /** Territories where the user holds one of `roles` and has accepted the current charter. */
  clearedTerritoriesWith(...roles: Role[]): string[] {
    return this.memberships
      .filter((m) => m.charterAccepted && m.roles.some((role) => roles.includes(role)))
      .map((m) => m.territoryId);
  }

  /** Same, whatever the charter: only for reading and accepting the charter itself. */
  territoriesWith(...roles: Role[]): string[] {
    return this.memberships
      .filter((m) => m.roles.some((role) => roles.includes(role)))
      .map((m) => m.territoryId);
  }

  /** The categories this user reads about a related person in that territory, after its matrix. */
  readableIn(territoryId: string, context: ReadingContext = { related: true }): ReadonlySet<DataCategory> {
    const matrix = this.memberships.find((m) => m.territoryId === territoryId)?.sharingMatrix;
    return readableCategories(this.sharingCategory, context, matrix ?? DEFAULT_SHARING_MATRIX);
  }

  get hasPendingCharter(): boolean {
    return this.memberships.some((m) => !m.charterAccepted);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
