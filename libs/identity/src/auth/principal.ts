import { SharingCategory } from '../domain/profession';
import { Role } from '../domain/role';

export interface ActiveMembership {
  readonly id: string;
  readonly territoryId: string;
  readonly roles: readonly Role[];
  readonly cellId: string | null;
}

/** Who is calling, rebuilt from the database on every request so a suspension bites at once. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly organisationId: string,
    readonly sharingCategory: SharingCategory,
    readonly memberships: readonly ActiveMembership[],
  ) {}

  hasRole(territoryId: string, role: Role): boolean {
    return this.memberships.some((m) => m.territoryId === territoryId && m.roles.includes(role));
  }

  get territoryIds(): string[] {
    return this.memberships.map((m) => m.territoryId);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
