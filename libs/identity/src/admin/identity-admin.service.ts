import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@relais/config';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Principal } from '../auth/principal';
import { PasswordHasher } from '../auth/password-hasher';
import { normalizeEmail } from '../domain/email';
import { isValidFiness, isValidSiret } from '../domain/identifiers';
import { passwordProblems } from '../domain/password-policy';
import { sharingCategoryOf } from '../domain/profession';
import { MembershipStatus, Role } from '../domain/role';
import {
  CreateOrganisationInput,
  CreateUserInput,
  GrantRoleInput,
  MembershipTargetInput,
  RevokeRoleInput,
} from '../dto/admin.input';
import { Cell, Membership, Organisation, User } from '../entities';
import { IdentityException } from '../identity.exception';
import { RequestException } from '@relais/graphql';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  return (
    error instanceof QueryFailedError &&
    driverError?.code === '23505' &&
    driverError.constraint === constraint
  );
}

/**
 * What a territory administrator does: partners, accounts, roles and suspensions. Each method
 * checks the caller's right itself, so no path can skip it.
 */
@Injectable()
export class IdentityAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async createOrganisation(actor: Principal, input: CreateOrganisationInput): Promise<Organisation> {
    this.assertAdmin(actor, input.territoryId);
    const problems = [];
    if (input.finess && !isValidFiness(input.finess)) {
      problems.push({ field: 'finess', message: "Le numéro FINESS n'est pas valide (clé de contrôle)." });
    }
    if (input.siret && !isValidSiret(input.siret)) {
      problems.push({ field: 'siret', message: "Le numéro SIRET n'est pas valide (clé de contrôle)." });
    }
    if (problems.length) throw new IdentityException('INVALID_IDENTIFIER', problems);
    try {
      return await this.dataSource.getRepository(Organisation).save({
        territoryId: input.territoryId,
        name: input.name,
        kind: input.kind,
        finess: input.finess ?? null,
        siret: input.siret ?? null,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisations_territory_name')) {
        throw new IdentityException('ORGANISATION_NAME_TAKEN');
      }
      throw error;
    }
  }

  async createUser(actor: Principal, input: CreateUserInput): Promise<User> {
    this.assertAdmin(actor, input.territoryId);
    const email = normalizeEmail(input.email);
    const problems = passwordProblems(input.initialPassword, { email, lastName: input.lastName });
    if (problems.length) {
      throw new IdentityException(
        'WEAK_PASSWORD',
        problems.map((message) => ({ field: 'initialPassword', message })),
      );
    }
    const passwordHash = await this.hasher.hash(input.initialPassword);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await manager.findOneBy(Organisation, {
          id: input.organisationId,
          territoryId: input.territoryId,
        });
        if (!organisation) throw new IdentityException('ORGANISATION_NOT_FOUND');
        if (input.cellId) await this.findCell(manager, input.territoryId, input.cellId);
        const user = await manager.save(
          manager.create(User, {
            territoryId: input.territoryId,
            organisationId: organisation.id,
            email,
            firstName: input.firstName,
            lastName: input.lastName,
            profession: input.profession,
            sharingCategory: sharingCategoryOf(input.profession, organisation.kind),
            passwordHash,
          }),
        );
        await manager.insert(Membership, {
          territoryId: input.territoryId,
          userId: user.id,
          roles: [...new Set(input.roles)],
          cellId: input.cellId ?? null,
        });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users_email')) throw new IdentityException('EMAIL_ALREADY_USED');
      throw error;
    }
  }

  /** Grants a role, creating the membership when the user has none in this territory yet. */
  async grantRole(actor: Principal, input: GrantRoleInput): Promise<Membership> {
    this.assertAdmin(actor, input.territoryId);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: input.userId, territoryId: input.territoryId });
      if (!user) throw new IdentityException('USER_NOT_FOUND');
      if (input.cellId) await this.findCell(manager, input.territoryId, input.cellId);
      if (input.substituteOfUserId === input.userId) throw new IdentityException('SUBSTITUTE_NOT_MEMBER');
      const substituteOfId = input.substituteOfUserId
        ? await this.titularMembershipId(manager, input.territoryId, input.substituteOfUserId)
        : undefined;
      const membership =
        (await this.lockMembership(manager, input.territoryId, input.userId, false)) ??
        manager.create(Membership, { territoryId: input.territoryId, userId: user.id, roles: [] });
      if (!membership.roles.includes(input.role)) membership.roles = [...membership.roles, input.role];
      if (input.cellId) membership.cellId = input.cellId;
      if (substituteOfId) membership.substituteOfId = substituteOfId;
      return manager.save(membership);
    });
  }

  async revokeRole(actor: Principal, input: RevokeRoleInput): Promise<Membership> {
    this.assertAdmin(actor, input.territoryId);
    if (input.userId === actor.userId && input.role === Role.TERRITORY_ADMIN) {
      throw new IdentityException('OWN_ACCESS_CHANGE');
    }
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (!membership.roles.includes(input.role)) throw new IdentityException('ROLE_NOT_HELD');
      membership.roles = membership.roles.filter((role) => role !== input.role);
      return manager.save(membership);
    });
  }

  /** Takes effect on the user's very next request: every request re-reads memberships. */
  async suspendMembership(actor: Principal, input: MembershipTargetInput): Promise<Membership> {
    this.assertAdmin(actor, input.territoryId);
    if (input.userId === actor.userId) throw new IdentityException('OWN_ACCESS_CHANGE');
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (membership.status === MembershipStatus.SUSPENDED) throw new IdentityException('ALREADY_SUSPENDED');
      membership.status = MembershipStatus.SUSPENDED;
      membership.suspendedAt = this.clock.now();
      return manager.save(membership);
    });
  }

  async reactivateMembership(actor: Principal, input: MembershipTargetInput): Promise<Membership> {
    this.assertAdmin(actor, input.territoryId);
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, input.territoryId, input.userId, true);
      if (membership.status !== MembershipStatus.SUSPENDED) throw new IdentityException('NOT_SUSPENDED');
      membership.status = MembershipStatus.ACTIVE;
      membership.suspendedAt = null;
      return manager.save(membership);
    });
  }

  async listOrganisations(actor: Principal, territoryId: string): Promise<Organisation[]> {
    this.assertAdmin(actor, territoryId);
    return this.dataSource
      .getRepository(Organisation)
      .find({ where: { territoryId }, order: { name: 'ASC' } });
  }

  /** Everyone holding a membership in the territory, with their account, in one query. */
  async listMembers(actor: Principal, territoryId: string): Promise<Membership[]> {
    this.assertAdmin(actor, territoryId);
    return this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.user', 'user')
      .where('membership.territoryId = :territoryId', { territoryId })
      .orderBy('user.lastName', 'ASC')
      .addOrderBy('user.firstName', 'ASC')
      .getMany();
  }

  private assertAdmin(actor: Principal, territoryId: string): void {
    if (!actor.hasRole(territoryId, Role.TERRITORY_ADMIN)) throw new RequestException('NOT_ALLOWED');
  }

  private async findCell(manager: EntityManager, territoryId: string, cellId: string): Promise<Cell> {
    const cell = await manager.findOneBy(Cell, { id: cellId, territoryId });
    if (!cell) throw new IdentityException('CELL_NOT_FOUND');
    return cell;
  }

  private async titularMembershipId(
    manager: EntityManager,
    territoryId: string,
    userId: string,
  ): Promise<string> {
    const titular = await manager.findOneBy(Membership, { territoryId, userId });
    if (!titular) throw new IdentityException('SUBSTITUTE_NOT_MEMBER');
    return titular.id;
  }

  private lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: true,
  ): Promise<Membership>;
  private lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: false,
  ): Promise<Membership | null>;
  private async lockMembership(
    manager: EntityManager,
    territoryId: string,
    userId: string,
    required: boolean,
  ) {
    const membership = await manager.findOne(Membership, {
      where: { territoryId, userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!membership && required) throw new IdentityException('MEMBERSHIP_NOT_FOUND');
    return membership;
  }
}
