import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import { MeObject } from './dto/identity.objects';
import { Membership, User } from './entities';
import { IdentityException } from './identity.exception';
import { toCellObject, toOrganisationObject, toTerritoryObject, toUserObject } from './identity.mapper';

@Injectable()
export class ProfileService {
  constructor(
    private readonly database: ScopedDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The caller's own account, organisation and memberships, in two queries. */
  describeMe(principal: Principal): Promise<MeObject> {
    // One's own account may sit in a territory where one holds no role: the account purpose opens it.
    const scope = { territoryIds: principal.territoryIds, purpose: 'authentication' as const };
    return this.database.run(scope, async (manager) => {
      const user = await manager.getRepository(User).findOne({
        where: { id: principal.userId },
        relations: { organisation: true },
      });
      if (!user?.organisation) throw new IdentityException('USER_NOT_FOUND');
      const memberships = await manager.getRepository(Membership).find({
        where: { userId: principal.userId },
        relations: { territory: true, cell: true },
        order: { createdAt: 'ASC' },
      });
      return {
        ...toUserObject(user),
        organisation: toOrganisationObject(user.organisation),
        memberships: memberships.map((membership) => ({
          id: membership.id,
          territory: toTerritoryObject(membership.territory!),
          roles: membership.roles,
          cell: membership.cell ? toCellObject(membership.cell) : null,
          status: membership.status,
          charterAccepted:
            principal.memberships.find((active) => active.id === membership.id)?.charterAccepted ?? false,
        })),
        sessionIdleTimeoutMinutes: this.config.auth.sessionIdleTimeoutMinutes,
      };
    });
  }
}
