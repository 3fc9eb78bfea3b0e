import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from './auth/principal';
import { MeObject } from './dto/identity.objects';
import { Membership, User } from './entities';
import { IdentityException } from './identity.exception';
import { toCellObject, toOrganisationObject, toTerritoryObject, toUserObject } from './identity.mapper';

@Injectable()
export class ProfileService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own account, organisation and memberships, in two queries. */
  async describeMe(principal: Principal): Promise<MeObject> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { id: principal.userId },
      relations: { organisation: true },
    });
    if (!user?.organisation) throw new IdentityException('USER_NOT_FOUND');
    const memberships = await this.dataSource.getRepository(Membership).find({
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
      })),
    };
  }
}
